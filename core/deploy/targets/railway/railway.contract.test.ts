import { GithubFake } from '../../../../test/fakes/deploy/github-fake';
import { RailwayFake } from '../../../../test/fakes/deploy/railway-fake';
import { DEFAULT_PROVIDER_ENDPOINTS } from '../target';
import { describeTargetContract } from '../target-contract';
import { createRailwayTarget } from './index';

describeTargetContract('railway', async () => {
  const github = await new GithubFake().start();
  const fake = await new RailwayFake(github).start();
  // The suite resets and closes the Railway fake; the GitHub fake it builds from follows it.
  const { reset, close } = { reset: fake.reset.bind(fake), close: fake.close.bind(fake) };
  fake.reset = () => (github.reset(), reset());
  fake.close = async () => (await github.close(), close());
  const adapter = createRailwayTarget({
    endpoints: { ...DEFAULT_PROVIDER_ENDPOINTS, railway: fake.url, github: github.url, githubGit: github.gitUrl },
    pollMs: 5,
  });
  return { adapter, fake, tokens: { railway: fake.token.value, github: github.token.value }, tokenProvider: 'railway' };
});
