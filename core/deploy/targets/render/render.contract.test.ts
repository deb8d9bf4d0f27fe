import { RenderFake } from '../../../../test/fakes/deploy/render-fake';
import { githubBackedContract } from '../../../../test/fixtures/github-targets';
import { describeTargetContract } from '../target-contract';
import { createRenderTarget } from './index';

// The suite resets and closes the Render fake; the GitHub fake it builds from follows it.
describeTargetContract('render', () =>
  githubBackedContract({ provider: 'render', fake: (github) => new RenderFake(github), adapter: (endpoints) => createRenderTarget({ endpoints, pollMs: 5 }) }),
);
