import { ApolloClient, ApolloLink, InMemoryCache, gql } from '@apollo/client';
import { Observable, of } from 'rxjs';
import { unauthenticatedLink } from './unauthenticated.link';

const refused = { errors: [{ message: 'Log in first.', extensions: { code: 'UNAUTHENTICATED' } }] };

/** A client whose server answers every operation with `result`, behind the link under test. */
function clientAnswering(result: ApolloLink.Result, onUnauthenticated: () => void) {
  const server = new ApolloLink(() => of(result) as unknown as Observable<ApolloLink.Result>);
  return new ApolloClient({
    link: ApolloLink.from([unauthenticatedLink(onUnauthenticated), server]),
    cache: new InMemoryCache(),
  });
}

describe('unauthenticatedLink', () => {
  it('reports an UNAUTHENTICATED answer to a project query, and the query still sees its error', async () => {
    const onUnauthenticated = jest.fn();
    const client = clientAnswering(refused, onUnauthenticated);
    await expect(
      client.query({ query: gql`query Projects { projects { id } }` }),
    ).rejects.toThrow('Log in first.');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('leaves a wrong password on logIn to the log-in page', async () => {
    const onUnauthenticated = jest.fn();
    const client = clientAnswering(refused, onUnauthenticated);
    await client
      .mutate({ mutation: gql`mutation LogIn { logIn { id } }` })
      .catch(() => undefined);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('ignores other errors', async () => {
    const onUnauthenticated = jest.fn();
    const client = clientAnswering(
      { errors: [{ message: 'Nope', extensions: { code: 'NOT_FOUND' } }] },
      onUnauthenticated,
    );
    await expect(client.query({ query: gql`query Project { project { id } }` })).rejects.toThrow();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
