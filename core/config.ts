import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseKeyring } from './keys/secret-box';
import { taskQueues, temporalConnectionConfig, type TemporalConnectionConfig } from '../temporal.config';

const schema = z.object({
  /** PostgreSQL connection string. The launcher sets it to the embedded server when the user did not. */
  DATABASE_URL: z.string().url('DATABASE_URL must be a URL such as postgres://user@host:5432/atelier'),
  /** Redis connection string (progress event streams, caches). */
  REDIS_URL: z.string().url('REDIS_URL must be a URL such as redis://127.0.0.1:6379'),
  /** Port the API listens on; it serves GraphQL, WebSocket subscriptions and the web app. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Interface the API binds to. */
  HOST: z.string().default('127.0.0.1'),
  /** Built Angular client to serve; the API still works without it. */
  ATELIER_CLIENT_DIST: z.string().default(resolve(__dirname, '../client/dist/client/browser')),
  /** Public base URL of the web app, for links in emails; defaults to http://HOST:PORT. */
  ATELIER_PUBLIC_URL: z.string().url().optional(),
  /**
   * Extra host names the API answers to, comma-separated, `name` (any port) or `name:port`. Loopback names on
   * PORT and the host of ATELIER_PUBLIC_URL are always allowed; any other Host is refused (DNS rebinding).
   */
  ATELIER_ALLOWED_HOSTS: z
    .string()
    .regex(/^\s*[\w.\-[\]:]+(\s*,\s*[\w.\-[\]:]+)*\s*$/, 'ATELIER_ALLOWED_HOSTS must be host names or host:port, comma-separated')
    .optional(),
  /** Port of the preview listener: each sandbox's preview is served at `http://<sandboxId>.preview.localhost:<it>/`. */
  ATELIER_PREVIEW_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  /**
   * Public origin of previews in production, a wildcard such as `https://*.preview.example.com` (a reverse
   * proxy sends it to ATELIER_PREVIEW_PORT, keeping Host). Best on a registrable domain other than the app's.
   */
  ATELIER_PREVIEW_ORIGIN: z
    .string()
    .regex(/^https?:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?\/?$/i, 'ATELIER_PREVIEW_ORIGIN must look like https://*.preview.example.com')
    .optional(),
  /** Port of the apps listener: a project deployed to the local target is served at `http://<slug>.apps.localhost:<it>/`. */
  ATELIER_APPS_PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  /**
   * Public origin of locally deployed apps in production, a wildcard such as `https://*.apps.example.com` (a reverse
   * proxy sends it to ATELIER_APPS_PORT, keeping Host). Never the app's own origin; best on a registrable domain of its own.
   */
  ATELIER_APPS_ORIGIN: z
    .string()
    .regex(/^https?:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?\/?$/i, 'ATELIER_APPS_ORIGIN must look like https://*.apps.example.com')
    .optional(),
  /** Express `trust proxy` (true, a hop count or addresses) when the API sits behind a reverse proxy. */
  ATELIER_TRUST_PROXY: z.string().optional(),
  /** Master keys for secrets at rest, `id:base64-of-32-bytes`, comma-separated, newest first. */
  ATELIER_MASTER_KEYS: z.string().optional(),
  /** Link shown to users for the Temporal UI. */
  ATELIER_TEMPORAL_UI_URL: z.string().optional(),
  /** Liveblocks REST base URL (the embedded dev server); unset with LIVEBLOCKS_SECRET_KEY: Liveblocks Cloud. */
  LIVEBLOCKS_BASE_URL: z.string().url().optional(),
  /** Liveblocks secret key (`sk_localdev` for the dev server); unset: no live co-editing, files are edited through the API only. */
  LIVEBLOCKS_SECRET_KEY: z.string().min(1).optional(),
  /** Largest file a person creates or uploads, in bytes (default 5 MiB); larger ones are refused with FILE_TOO_LARGE. */
  ATELIER_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(256 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Pauses between scaffolded files, in ms: shows progress in demos and lets tests crash a worker mid-step. */
  ATELIER_SCAFFOLD_FILE_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Outgoing mail over SMTP, `smtp://user:pass@host:587` or `smtps://…`; unset, mails become `.eml` files in ATELIER_MAIL_DIR. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  /** Where mails go as `.eml` files (0600, folder 0700) when SMTP_URL is unset; default `<ATELIER_DATA_DIR>/mail`. */
  ATELIER_MAIL_DIR: z.string().optional(),
  /** The From header of outgoing mail. */
  ATELIER_MAIL_FROM: z.string().optional(),
  /** `production` turns off GraphQL introspection and "Did you mean" suggestions; anything else keeps them for tools. */
  NODE_ENV: z.string().default('development'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Overrides the build task queue (isolated test runs, blue/green deploys); both API and worker must agree. */
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(taskQueues.build),
  /**
   * Key material for signed and sealed cookies (the OAuth sign-in state, preview tokens); at least 32
   * characters. Unset, a random key is made per process, which is fine for development, but a restart then
   * breaks log-ins and preview links in flight, and several API processes cannot share them.
   */
  ATELIER_SESSION_SECRET: z.string().min(32, 'ATELIER_SESSION_SECRET must be at least 32 characters').optional(),
  /** GitHub OAuth app client id; GitHub log-in is offered only when the id and the secret are both set. */
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  /** GitHub OAuth app client secret. */
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  /** GitHub's web base URL (authorize and token endpoints); a GitHub Enterprise server or a test fake. */
  GITHUB_OAUTH_BASE_URL: z.string().url().default('https://github.com'),
  /** GitHub's REST API base URL (`/user`, `/user/emails`); for Enterprise, https://host/api/v3. */
  GITHUB_API_BASE_URL: z.string().url().default('https://api.github.com'),
  /** Google OAuth client id; Google log-in is offered only when the id and the secret are both set. */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  /** Google OAuth client secret. */
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** Google's OpenID Connect issuer; its `/.well-known/openid-configuration` names the endpoints. */
  GOOGLE_OIDC_ISSUER: z.string().url().default('https://accounts.google.com'),
  /** Where sandboxes run: `local` (bubblewrap + cgroups on this host, needs root) or `e2b`. */
  ATELIER_SANDBOX_BACKEND: z.enum(['local', 'e2b']).default('local'),
  /** Data folder shared with the launcher (ATELIER_DATA_DIR); sandboxes live in `<it>/sandboxes` unless set below. */
  ATELIER_DATA_DIR: z.string().default(resolve(__dirname, '../.data')),
  /** Folder of the local sandboxes' workspaces, control files and sockets; default `<ATELIER_DATA_DIR>/sandboxes`. */
  ATELIER_SANDBOX_ROOT: z.string().optional(),
  /** A sandbox with no activity for this many minutes is destroyed. */
  ATELIER_SANDBOX_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Deploy providers' API base URLs (core/deploy/targets): unset, the providers' own; tests point them at wire fakes. */
  ATELIER_VERCEL_API_URL: z.string().url().optional(),
  ATELIER_NETLIFY_API_URL: z.string().url().optional(),
  ATELIER_GITHUB_DEPLOY_API_URL: z.string().url().optional(),
  /** Where GitHub exports push over smart HTTP (default https://github.com). */
  ATELIER_GITHUB_GIT_URL: z.string().url().optional(),
  ATELIER_RENDER_API_URL: z.string().url().optional(),
  ATELIER_RAILWAY_API_URL: z.string().url().optional(),
  /** Billing (core/billing): all three Razorpay keys turn it on (test-mode keys work); none: everyone is on the free tier. */
  RAZORPAY_KEY_ID: z.string().min(1).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Razorpay's API origin (default https://api.razorpay.com); tests point it at the wire fake. */
  ATELIER_RAZORPAY_API_URL: z.string().url().optional(),
  /** Where the web app loads Razorpay Checkout from (default Razorpay's checkout.js); tests and offline demos: the stand-in. */
  ATELIER_RAZORPAY_CHECKOUT_URL: z.string().url().optional(),
  /** The supplier on GST invoices: legal name, address, GSTIN and GST state code (`29` Karnataka). */
  ATELIER_GST_SUPPLIER_NAME: z.string().min(1).default('Atelier'),
  ATELIER_GST_SUPPLIER_ADDRESS: z.string().min(1).default('Address not configured (set ATELIER_GST_SUPPLIER_ADDRESS)'),
  ATELIER_GST_SUPPLIER_GSTIN: z
    .string()
    .regex(/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/, 'ATELIER_GST_SUPPLIER_GSTIN must be a 15-character GSTIN such as 29ABCDE1234F1Z5')
    .default('29AAAAA0000A1Z5'),
  ATELIER_GST_SUPPLIER_STATE: z.string().regex(/^\d{2}$/, 'ATELIER_GST_SUPPLIER_STATE must be a two-digit GST state code such as 29').default('29'),
  /** SAC on invoices (default 998314, IT design and development services). */
  ATELIER_GST_SAC: z.string().regex(/^\d{6}$/, 'ATELIER_GST_SAC must be six digits').default('998314'),
  /** Invoice and credit-note number prefixes (1 to 3 letters): `ATL/26-27/000123`. */
  ATELIER_INVOICE_PREFIX: z.string().regex(/^[A-Z]{1,3}$/, 'ATELIER_INVOICE_PREFIX must be 1 to 3 capital letters (numbers stay within 16 characters)').default('ATL'),
  ATELIER_CREDIT_NOTE_PREFIX: z.string().regex(/^[A-Z]{1,3}$/, 'ATELIER_CREDIT_NOTE_PREFIX must be 1 to 3 capital letters').default('ATC'),
  /** E2B API key, for ATELIER_SANDBOX_BACKEND=e2b. */
  E2B_API_KEY: z.string().min(1).optional(),
  /** OpenAI key for the platform; users may add their own in account settings. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** OpenAI API base URL (a proxy, Azure-style gateway or a test fake). */
  OPENAI_BASE_URL: z.string().url().optional(),
  /** Anthropic key for the platform. */
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  /** Google Gemini API key for the platform (GOOGLE_API_KEY is read too). */
  GEMINI_API_KEY: z.string().min(1).optional(),
  GOOGLE_API_KEY: z.string().min(1).optional(),
  GOOGLE_GENAI_BASE_URL: z.string().url().optional(),
  /** Any OpenAI-compatible server (Ollama http://127.0.0.1:11434/v1, vLLM, LM Studio, llama.cpp). */
  OPENAI_COMPATIBLE_BASE_URL: z.string().url().optional(),
  OPENAI_COMPATIBLE_API_KEY: z.string().min(1).optional(),
  /**
   * Hosts (comma-separated: `127.0.0.1,localhost,ollama.lan`) that users' and teams' stored provider base URLs
   * may name although they are loopback or private, over http too; every other stored base URL must be https
   * and resolve to public addresses only.
   */
  ATELIER_PROVIDER_HOST_ALLOWLIST: z.string().optional(),
  /** Models that server serves, comma-separated (`llama3.1:8b,qwen2.5-coder:7b`), added to the catalog at no cost. */
  OPENAI_COMPATIBLE_MODELS: z.string().optional(),
  /** A JSON file that overrides or extends the model catalog: `{ "models": [...], "remove": [...] }`. */
  ATELIER_MODEL_CATALOG: z.string().optional(),
  /** Platform role → model chains as JSON, e.g. `{"coder":["openai/gpt-4.1","anthropic/claude-sonnet-4-5"]}`. */
  ATELIER_ROLE_MODELS: z.string().optional(),
  /**
   * The local model, run in-process by node-llama-cpp: a .gguf path, or `off`. Unset: the SmolLM2 file `npm start`
   * fetches into `<ATELIER_TOOLS_DIR>/models/`, when it is there. Serves chat, editor actions and completions.
   */
  ATELIER_LOCAL_MODEL: z.string().min(1).optional(),
  /** CPU threads the local model evaluates with; default: half the cores, at least one. */
  ATELIER_LOCAL_MODEL_THREADS: z.coerce.number().int().min(1).max(512).optional(),
  /** Context tokens the local model runs with; default min(its trained context, 8192). */
  ATELIER_LOCAL_MODEL_CONTEXT: z.coerce.number().int().min(256).max(1_048_576).optional(),
  /** Downloaded tools and models, shared with the launcher (ATELIER_TOOLS_DIR, default `.tools`). */
  ATELIER_TOOLS_DIR: z.string().default(resolve(__dirname, '../.tools')),
  /** Per vendor call, in ms (a whole streamed reply included). */
  ATELIER_MODEL_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(180_000),
  /** Paths of PEM files for Temporal mTLS; read once here so temporal.config.ts stays free of I/O. */
  TEMPORAL_TLS_CERT: z.string().optional(),
  TEMPORAL_TLS_KEY: z.string().optional(),
});

/** Validated process configuration, shared by the API, the worker and the migrator. */
export type AppConfig = z.infer<typeof schema> & { temporal: TemporalConnectionConfig };

/** Thrown when the environment does not describe a runnable process; the message lists every problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once, at the composition root. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const origin = (pattern: string | undefined) => pattern?.trim().toLowerCase().replace(/\/$/, '');
  if (parsed.data.ATELIER_APPS_ORIGIN && origin(parsed.data.ATELIER_APPS_ORIGIN) === origin(parsed.data.ATELIER_PREVIEW_ORIGIN)) {
    throw new ConfigError(['ATELIER_APPS_ORIGIN: deployed apps need an origin of their own, not the previews\' (ATELIER_PREVIEW_ORIGIN)']);
  }
  const billingKeys = [parsed.data.RAZORPAY_KEY_ID, parsed.data.RAZORPAY_KEY_SECRET, parsed.data.RAZORPAY_WEBHOOK_SECRET];
  if (billingKeys.some(Boolean) && !billingKeys.every(Boolean)) {
    throw new ConfigError(['RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET: set all three to turn billing on, or none']);
  }
  if (parsed.data.ATELIER_MASTER_KEYS) {
    try {
      parseKeyring(parsed.data.ATELIER_MASTER_KEYS);
    } catch (error) {
      throw new ConfigError([`ATELIER_MASTER_KEYS: ${(error as Error).message}`]);
    }
  }
  const pem = (path: string | undefined, name: string): string | undefined => {
    if (!path) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new ConfigError([`${name}: cannot read ${path}`]);
    }
  };
  const temporal = temporalConnectionConfig({
    ...env,
    TEMPORAL_TLS_CERT_PEM: pem(parsed.data.TEMPORAL_TLS_CERT, 'TEMPORAL_TLS_CERT'),
    TEMPORAL_TLS_KEY_PEM: pem(parsed.data.TEMPORAL_TLS_KEY, 'TEMPORAL_TLS_KEY'),
  });
  return { ...parsed.data, temporal };
}
