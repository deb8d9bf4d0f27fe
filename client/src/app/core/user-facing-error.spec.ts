import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { toUserFacingError } from './user-facing-error';

const graphqlError = (extensions: Record<string, unknown>, message = 'boom') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('toUserFacingError', () => {
  it('collects every field error of BAD_USER_INPUT, first message per field', () => {
    const error = toUserFacingError(
      graphqlError({
        code: 'BAD_USER_INPUT',
        field: 'name',
        fieldErrors: [
          { field: 'name', message: 'Taken.' },
          { field: 'name', message: 'Second.' },
          { field: 'features', message: 'Bad tag.' },
        ],
      }),
    );
    expect(error).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Some fields need attention.',
      fieldErrors: { name: 'Taken.', features: 'Bad tag.' },
    });
  });

  it('falls back to `field` when the server sent no fieldErrors', () => {
    expect(
      toUserFacingError(graphqlError({ code: 'BAD_USER_INPUT', field: 'styling' })).fieldErrors,
    ).toEqual({
      styling: 'This value is not valid.',
    });
  });

  it('tells how long to wait when a limit is reached', () => {
    const error = toUserFacingError(graphqlError({ code: 'RATE_LIMIT_EXCEEDED', retryAfter: 42 }));
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many attempts, try again in 42 s.',
    });
  });

  it('shows the message of a reached plan limit, which names the limit and the cap', () => {
    const message = 'You have 5 of 5 projects allowed by your plan; delete one or upgrade to create another';
    const error = toUserFacingError(graphqlError({ code: 'LIMIT_EXCEEDED', kind: 'projects', limit: 5 }, message));
    expect(error).toMatchObject({ code: 'LIMIT_REACHED', message });
  });

  it("shows UNAUTHENTICATED's message, written for users by contract", () => {
    const error = toUserFacingError(
      graphqlError({ code: 'UNAUTHENTICATED' }, 'Wrong email or password.'),
    );
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Wrong email or password.' });
  });

  it("shows FORBIDDEN's message, which says what role the action needs", () => {
    const error = toUserFacingError(
      graphqlError({ code: 'FORBIDDEN' }, 'Only the owner can delete the team.'),
    );
    expect(error).toEqual({
      code: 'FORBIDDEN',
      message: 'Only the owner can delete the team.',
      fieldErrors: {},
    });
  });

  it("shows CONFLICT's message, which says what the current state forbids", () => {
    const error = toUserFacingError(
      graphqlError({ code: 'CONFLICT' }, 'There is no plan waiting for approval'),
    );
    expect(error).toEqual({
      code: 'CONFLICT',
      message: 'There is no plan waiting for approval',
      fieldErrors: {},
    });
  });

  it.each(['PROJECT_ARCHIVED', 'CONFIRMATION_MISMATCH'])('keeps %s and its message', (code) => {
    const error = toUserFacingError(graphqlError({ code }, 'Said for users'));
    expect(error).toEqual({ code, message: 'Said for users', fieldErrors: {} });
  });

  it('never shows internal messages', () => {
    const error = toUserFacingError(
      graphqlError({ code: 'INTERNAL_SERVER_ERROR' }, 'relation "x" does not exist'),
    );
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('relation');
  });

  it('reports anything that is not a GraphQL error as a network problem', () => {
    expect(toUserFacingError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
  });
});
