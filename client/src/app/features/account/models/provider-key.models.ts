import type { FormErrors } from '../../../shared/form-state';

/** One of the viewer's (or a team's) model provider keys as the API lists it: the key itself never comes back. */
export type { ProviderKeyFragment as ProviderKey } from '../../../generated/account-settings';

/** The providers the API accepts, with how the page names them. */
export const PROVIDERS: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'openai', label: 'OpenAI' },
  { id: 'anthropic', label: 'Anthropic' },
  { id: 'google', label: 'Google' },
  { id: 'openai-compatible', label: 'OpenAI-compatible' },
];

/** The one provider whose key goes to a server the user names. */
export const NEEDS_BASE_URL = 'openai-compatible';

export function providerLabel(id: string): string {
  return PROVIDERS.find((p) => p.id === id)?.label ?? id;
}

export type ProviderKeyValue = { provider: string; key: string; baseUrl: string };

/** The client mirror of `setProviderKey`'s rules (see `provider-key.graphql`). */
export function validateProviderKey(v: ProviderKeyValue): FormErrors<ProviderKeyValue> {
  const errors: FormErrors<ProviderKeyValue> = {};
  if (!PROVIDERS.some((p) => p.id === v.provider)) errors.provider = 'Choose a provider.';
  const key = v.key.trim();
  if (!key) errors.key = 'Paste the key.';
  else if (key.length < 8) errors.key = 'The key looks too short.';
  if (v.provider === NEEDS_BASE_URL) {
    const url = v.baseUrl.trim();
    if (!url) errors.baseUrl = 'An OpenAI-compatible key needs the base URL.';
    else if (!/^https?:\/\/\S+$/.test(url))
      errors.baseUrl =
        'Base URL must be a URL such as https://llm.example.com/v1 (a local or private server only when your admin allows its host).';
  }
  return errors;
}
