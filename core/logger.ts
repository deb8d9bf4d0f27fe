import pino, { type DestinationStream, type Logger } from 'pino';

const SECRET_KEYS = [
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'secret',
  'clientSecret',
  'key',
  'link',
  'cookie',
  'authorization',
  'keySecret',
  'key_secret',
  'webhookSecret',
  'signature',
  'razorpay_signature',
];
const HEADERS = ['cookie', 'authorization', 'set-cookie', 'x-api-key', 'proxy-authorization', 'x-razorpay-signature'];

/**
 * What pino censors. Its `*` matches one level, so each secret key is listed at the top level and one and
 * two levels down; headers wherever a request, response or error carries them.
 */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  ...HEADERS.flatMap((h) => [`headers["${h}"]`, `*.headers["${h}"]`, `*.*.headers["${h}"]`]),
];

/** The one way processes build their pino logger: level, service name, redaction of secrets. */
export function createLogger(options: { level: string; service: string }, destination?: DestinationStream): Logger {
  const settings = { level: options.level, base: { service: options.service }, redact: { paths: [...REDACT_PATHS], censor: '[redacted]' } };
  return destination ? pino(settings, destination) : pino(settings);
}
