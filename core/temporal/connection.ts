import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import type { TemporalConnectionConfig } from '../../temporal.config';

/** What both `Connection.connect` (API client) and `NativeConnection.connect` (worker) take. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
}

/**
 * The connection options for the configured cluster, written once for both processes: plain, TLS with the
 * system roots (`true`), or mTLS with a client certificate pair and an optional server-name override.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig): TemporalConnectionOptions {
  const { address, tls, apiKey } = config;
  return { address, apiKey, tls: tls === true || tls === undefined ? tls : mtls(tls) };
}

function mtls(tls: Exclude<TemporalConnectionConfig['tls'], true | undefined>): TLSConfig {
  const { clientCertPem, clientKeyPem, serverName } = tls;
  return {
    serverNameOverride: serverName,
    clientCertPair: clientCertPem && clientKeyPem ? { crt: Buffer.from(clientCertPem), key: Buffer.from(clientKeyPem) } : undefined,
  };
}
