/** GraphQL over real HTTP with cookies handled by hand, the way a browser would send them. */

export interface GraphQLReply<T> {
  data?: T | null;
  errors?: { message: string; extensions: { code: string; field?: string; [key: string]: unknown } }[];
  /** The raw body, to check that nothing secret is in it. */
  text: string;
  /** The whole Set-Cookie header, if any. */
  setCookie: string | null;
  /** `name=value` of the cookie set, ready to send back. */
  cookie?: string;
}

export type Gql = <T = Record<string, unknown>>(
  cookie: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GraphQLReply<T>>;

/** A client for the API at `baseUrl`. */
export function graphqlOver(baseUrl: string): {
  gql: Gql;
  signUp(name: string, password?: string): Promise<{ id: string; cookie: string }>;
} {
  const gql: Gql = async (cookie, query, variables = {}, headers = {}) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const setCookie = res.headers.get('set-cookie');
    return { ...JSON.parse(text), text, setCookie, cookie: setCookie?.split(';')[0] };
  };
  /** Signs up `<name>@example.com` and returns its id and session cookie. */
  const signUp = async (name: string, password = 'a long enough passphrase') => {
    const reply = await gql<{ signUp: { id: string } }>(undefined, 'mutation($i: SignUpInput!) { signUp(input: $i) { id } }', {
      i: { email: `${name.toLowerCase()}@example.com`, password, displayName: name },
    });
    if (!reply.data?.signUp) throw new Error(`sign-up of ${name} failed: ${reply.text}`);
    return { id: reply.data.signUp.id, cookie: reply.cookie! };
  };
  return { gql, signUp };
}
