import { GithubFake } from '../../../../test/fakes/deploy/github-fake';
import { DEFAULT_PROVIDER_ENDPOINTS } from '../target';
import { describeTargetContract } from '../target-contract';
import { createGithubTarget } from './index';

describeTargetContract('github', async () => {
  const fake = await new GithubFake().start();
  const adapter = createGithubTarget({ endpoints: { ...DEFAULT_PROVIDER_ENDPOINTS, github: fake.url, githubGit: fake.gitUrl } });
  return { adapter, fake, tokens: { github: fake.token.value }, tokenProvider: 'github' };
});
