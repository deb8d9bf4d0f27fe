import { GithubFake } from '../../../../test/fakes/deploy/github-fake';
import { RenderFake } from '../../../../test/fakes/deploy/render-fake';
import { DEFAULT_PROVIDER_ENDPOINTS } from '../target';
import { describeTargetContract } from '../target-contract';
import { createRenderTarget } from './index';

describeTargetContract('render', async () => {
  const github = await new GithubFake().start();
  const fake = await new RenderFake(github).start();
  // The suite resets and closes the Render fake; the GitHub fake it builds from follows it.
  const { reset, close } = { reset: fake.reset.bind(fake), close: fake.close.bind(fake) };
  fake.reset = () => (github.reset(), reset());
  fake.close = async () => (await github.close(), close());
  const adapter = createRenderTarget({
    endpoints: { ...DEFAULT_PROVIDER_ENDPOINTS, render: fake.url, github: github.url, githubGit: github.gitUrl },
    pollMs: 5,
  });
  return { adapter, fake, tokens: { render: fake.token.value, github: github.token.value }, tokenProvider: 'render' };
});
