import type { DeployTargetName } from '../../contracts/deploy';

/**
 * What the deployment workflow needs of the project's env vars, secrets and provider tokens, decrypted
 * (core/deploy/deploy-secrets.ts `DeploySecrets` implements it). Values are never logged: the log writer masks
 * every one of them.
 */
export interface DeploySecretsSource {
  /** The target's env vars and secrets (its own values win over `*`). */
  envFor(projectId: string, target: DeployTargetName): Promise<Record<string, string>>;
  /** The tokens the target needs (the project's team's, else its owner's), and each one's provider scope. */
  tokensFor(
    projectId: string,
    target: DeployTargetName,
  ): Promise<{ tokens: Partial<Record<string, string>>; scopes: Partial<Record<string, string>> }>;
}
