import { RailwayFake } from '../../../../test/fakes/deploy/railway-fake';
import { githubBackedContract } from '../../../../test/fixtures/github-targets';
import { describeTargetContract } from '../target-contract';
import { createRailwayTarget } from './index';

// The suite resets and closes the Railway fake; the GitHub fake it builds from follows it.
describeTargetContract('railway', () =>
  githubBackedContract({ provider: 'railway', fake: (github) => new RailwayFake(github), adapter: (endpoints) => createRailwayTarget({ endpoints, pollMs: 5 }) }),
);
