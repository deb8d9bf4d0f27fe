import { gql } from 'apollo-angular';
import type { ProviderKey } from '../models/provider-key.models';
import type { Usage } from '../models/usage.models';

const PROVIDER_KEY_FIELDS = `provider hint baseUrl createdAt updatedAt lastUsedAt`;

export const PROVIDER_KEYS_QUERY = gql<{ providerKeys: ProviderKey[] }, Record<string, never>>`
  query ProviderKeys {
    providerKeys { ${PROVIDER_KEY_FIELDS} }
  }
`;

export const SET_PROVIDER_KEY_MUTATION = gql<
  { setProviderKey: ProviderKey },
  { provider: string; key: string; baseUrl: string | null }
>`
  mutation SetProviderKey($provider: String!, $key: String!, $baseUrl: String) {
    setProviderKey(provider: $provider, key: $key, baseUrl: $baseUrl) { ${PROVIDER_KEY_FIELDS} }
  }
`;

export const DELETE_PROVIDER_KEY_MUTATION = gql<
  { deleteProviderKey: boolean },
  { provider: string }
>`
  mutation DeleteProviderKey($provider: String!) {
    deleteProviderKey(provider: $provider)
  }
`;

export const USAGE_QUERY = gql<{ usage: Usage }, Record<string, never>>`
  query Usage {
    usage {
      tier
      meters {
        kind
        used
        limit
        percent
        warning
      }
    }
  }
`;

export const EXPORT_MY_DATA_QUERY = gql<{ exportMyData: unknown }, Record<string, never>>`
  query ExportMyData {
    exportMyData
  }
`;

export const DELETE_ACCOUNT_MUTATION = gql<{ deleteAccount: boolean }, { password: string }>`
  mutation DeleteAccount($password: String!) {
    deleteAccount(password: $password)
  }
`;

export const RESEND_VERIFICATION_MUTATION = gql<{ resendVerificationEmail: boolean }, Record<string, never>>`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`;
