import { temporalConnectionConfig } from '../../temporal.config';
import { temporalConnectionOptions } from './connection';

describe('temporalConnectionOptions', () => {
  test('a local dev server: plain, no TLS', () => {
    expect(temporalConnectionOptions(temporalConnectionConfig({ TEMPORAL_ADDRESS: '127.0.0.1:7999' }))).toEqual({
      address: '127.0.0.1:7999',
      tls: undefined,
      apiKey: undefined,
    });
  });

  test('an API key implies TLS with the system roots', () => {
    const options = temporalConnectionOptions(temporalConnectionConfig({ TEMPORAL_API_KEY: 'k' }));
    expect(options).toMatchObject({ tls: true, apiKey: 'k' });
  });

  test('mTLS: the PEM pair as buffers and the server-name override', () => {
    const options = temporalConnectionOptions(
      temporalConnectionConfig({ TEMPORAL_TLS_CERT_PEM: 'CERT', TEMPORAL_TLS_KEY_PEM: 'KEY', TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' }),
    );
    expect(options.tls).toEqual({
      serverNameOverride: 'temporal.internal',
      clientCertPair: { crt: Buffer.from('CERT'), key: Buffer.from('KEY') },
    });
  });

  test('a certificate without its key is not sent as a half pair', () => {
    const options = temporalConnectionOptions(temporalConnectionConfig({ TEMPORAL_TLS_CERT_PEM: 'CERT' }));
    expect(options.tls).toEqual({ serverNameOverride: undefined, clientCertPair: undefined });
  });
});
