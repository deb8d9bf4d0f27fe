import type { MikroORM } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log';
import type { SecretBox } from '../keys/secret-box';
import { DeployEnvVar, DeployToken, deployEnvAad, deployTokenAad } from './deploy.entities';

/**
 * Re-seals every deployment env var, secret and provider token still under an older master key (the same rotation
 * as model keys: a new key in front, re-seal, then the old key can go); returns how many moved. A row that cannot
 * be opened is left as it is and listed by id in the audit entry, so one bad row does not stop the rotation.
 */
export async function rotateDeploySecrets(orm: MikroORM, box: SecretBox, actorId: string): Promise<number> {
  const em = orm.em.fork();
  let moved = 0;
  const unreadable: string[] = [];
  const reseal = (row: { id: string; sealed: string }, aad: () => string) => {
    if (!box.needsRotation(row.sealed)) return;
    try {
      row.sealed = box.reencrypt(row.sealed, aad());
      moved++;
    } catch {
      unreadable.push(row.id);
    }
  };
  for (const row of await em.find(DeployEnvVar, {})) reseal(row, () => deployEnvAad(row.project.id, row.target, row.key));
  for (const row of await em.find(DeployToken, {}))
    reseal(row, () => deployTokenAad(row.team ? { kind: 'team', id: row.team.id } : { kind: 'user', id: row.user!.id }, row.provider));
  recordAudit(em, { actorId, action: 'deploy-secrets.rotated', data: { moved, unreadable, keyId: box.currentKeyId } });
  await em.flush();
  return moved;
}
