import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../../core/config';
import type { OAuthConfig } from '../../core/auth/oauth';
import type { LimitsConfig } from '../../core/limits/tiers';
import type { Mailer } from '../../core/mail/mailer';
import type { ModelEnv, ModelLayer } from '../../core/models/model-layer';
import type { LocalModelFile } from '../../core/models/local-model';
import type { SandboxConfig } from '../../core/sandbox/build-sandboxes';
import type { SandboxManager } from '../../core/sandbox/sandbox-manager';
import type { LiveDocs } from '../../core/files/live-docs';
import type { DeployTargets } from '../../core/deploy/targets/target';

/** The billing settings of core/config.ts the API reads (core/billing). */
export type BillingConfigKey =
  | 'RAZORPAY_KEY_ID'
  | 'RAZORPAY_KEY_SECRET'
  | 'RAZORPAY_WEBHOOK_SECRET'
  | 'ATELIER_RAZORPAY_API_URL'
  | 'ATELIER_RAZORPAY_CHECKOUT_URL'
  | 'ATELIER_GST_SUPPLIER_NAME'
  | 'ATELIER_GST_SUPPLIER_ADDRESS'
  | 'ATELIER_GST_SUPPLIER_GSTIN'
  | 'ATELIER_GST_SUPPLIER_STATE'
  | 'ATELIER_GST_SAC'
  | 'ATELIER_INVOICE_PREFIX'
  | 'ATELIER_CREDIT_NOTE_PREFIX';

/** The clients the API needs, built by server.ts (or a test) and passed in. */
export interface AppDeps {
  config: Pick<AppConfig, 'ATELIER_CLIENT_DIST' | 'LIVEBLOCKS_BASE_URL' | 'TEMPORAL_TASK_QUEUE'> &
    Partial<Pick<AppConfig, 'LIVEBLOCKS_SECRET_KEY'>> & OAuthConfig & {
    /** Base URL for links in emails; defaults to the address the API listens on. */
    ATELIER_PUBLIC_URL?: string;
    /** Extra host names the API answers to besides loopback and the public URL's (see http/host-guard.ts). */
    ATELIER_ALLOWED_HOSTS?: string;
    /** Express `trust proxy` setting, so client IPs (audit, per-IP limits) come from X-Forwarded-For. */
    ATELIER_TRUST_PROXY?: string;
    /** Keyring for secrets at rest (`id:base64,…`, newest first); without it provider keys cannot be stored. */
    ATELIER_MASTER_KEYS?: string;
    /** Outgoing mail: SMTP when set, else `.eml` files in ATELIER_MAIL_DIR (default `<ATELIER_DATA_DIR>/mail`). */
    SMTP_URL?: string;
    ATELIER_MAIL_DIR?: string;
    ATELIER_MAIL_FROM?: string;
  } & Partial<SandboxConfig> &
    Partial<Pick<AppConfig, 'ATELIER_PREVIEW_PORT' | 'ATELIER_PREVIEW_ORIGIN'>> &
    Partial<Pick<AppConfig, 'ATELIER_APPS_PORT' | 'ATELIER_APPS_ORIGIN'>> &
    Partial<ModelEnv> &
    Partial<Pick<AppConfig, 'NODE_ENV' | 'ATELIER_UPLOAD_MAX_BYTES'>> &
    /** Deploy providers' API base URLs (tests: the wire fakes); the providers' own by default. */
    Partial<Pick<AppConfig, 'ATELIER_VERCEL_API_URL' | 'ATELIER_NETLIFY_API_URL' | 'ATELIER_GITHUB_DEPLOY_API_URL' | 'ATELIER_GITHUB_GIT_URL' | 'ATELIER_RENDER_API_URL' | 'ATELIER_RAILWAY_API_URL'>> &
    /** Billing: the Razorpay keys (none: billing off), its API and Checkout URLs (tests: the wire fake), the GST supplier and numbering. */
    Partial<Pick<AppConfig, BillingConfigKey>>;
  /** Limits and windows; DEFAULT_LIMITS unless given (tests raise the per-IP auth limit). */
  limits?: LimitsConfig;
  orm: MikroORM;
  redis: Redis;
  temporal: Client;
  logger: Logger;
  /** Outgoing email; by default from SMTP_URL / ATELIER_MAIL_DIR (see createMailer). */
  mailer?: Mailer;
  /** The model layer; built from the config's model keys when not given. */
  models?: ModelLayer;
  /** The local GGUF model for a layer built here (server.ts reads it with `localModelOf`); none when absent. */
  localModel?: LocalModelFile | null;
  /** Sandboxes for the preview proxy and terminal; built from ATELIER_SANDBOX_* when the config has them. */
  sandboxes?: SandboxManager;
  /** The files' live documents; built from LIVEBLOCKS_SECRET_KEY / LIVEBLOCKS_BASE_URL when not given (null: off). */
  live?: LiveDocs | null;
  /** The deploy targets' adapters; built from the config's provider URLs when not given (tests: adapters over wire fakes). */
  deployTargets?: DeployTargets;
}
