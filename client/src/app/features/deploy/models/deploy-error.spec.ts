import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { deploymentError, toDeployError } from './deploy-error';

const graphqlError = (code: string, message = 'server words') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] });

describe('toDeployError', () => {
  it('keeps DEPLOY_* codes with readable words instead of folding them into INTERNAL', () => {
    expect(toDeployError(graphqlError('DEPLOY_IN_PROGRESS'))).toEqual({
      code: 'DEPLOY_IN_PROGRESS',
      message: expect.stringContaining('still running'),
      fieldErrors: {},
    });
    // Where the server says more (which token), its words are kept.
    expect(toDeployError(graphqlError('DEPLOY_TOKEN_MISSING', 'Render needs a GitHub token too.')).message).toBe(
      'Render needs a GitHub token too.',
    );
  });

  it('maps other failures as the app does', () => {
    expect(toDeployError(graphqlError('SOMETHING_INTERNAL')).code).toBe('INTERNAL');
    expect(toDeployError(new Error('fetch failed')).code).toBe('NETWORK');
  });

  it("words a stored failure: its own text, else its code's words", () => {
    expect(deploymentError({ error: 'npm test exited with 1', errorCode: 'DEPLOY_TESTS_FAILED' })).toBe('npm test exited with 1');
    expect(deploymentError({ error: null, errorCode: 'DEPLOY_UNHEALTHY' })).toContain('health check');
    expect(deploymentError({ error: null, errorCode: null })).toBeNull();
  });
});
