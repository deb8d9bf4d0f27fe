/**
 * The viewer's provider keys, usage and data. Read by `npm run codegen` only: it writes each operation
 * as a typed document (`ProviderKeysDocument`, …) into `../../../generated/account-settings.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment ProviderKey on ProviderKey {
    provider
    hint
    baseUrl
    createdAt
    updatedAt
    lastUsedAt
  }

  query ProviderKeys {
    providerKeys {
      ...ProviderKey
    }
  }

  mutation SetProviderKey($provider: String!, $key: String!, $baseUrl: String) {
    setProviderKey(provider: $provider, key: $key, baseUrl: $baseUrl) {
      ...ProviderKey
    }
  }

  mutation DeleteProviderKey($provider: String!) {
    deleteProviderKey(provider: $provider)
  }

  fragment UsageMeter on UsageMeter {
    kind
    used
    limit
    percent
    warning
  }

  fragment Usage on Usage {
    tier
    meters {
      ...UsageMeter
    }
  }

  query Usage {
    usage {
      ...Usage
    }
  }

  query ExportMyData {
    exportMyData
  }

  mutation DeleteAccount($password: String!) {
    deleteAccount(password: $password)
  }

  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`;
