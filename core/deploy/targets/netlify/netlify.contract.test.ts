import { NetlifyFake } from '../../../../test/fakes/deploy/netlify-fake';
import { describeTargetContract } from '../target-contract';
import { createNetlifyTarget } from './index';

describeTargetContract('netlify', async () => {
  const fake = await new NetlifyFake().start();
  return {
    adapter: createNetlifyTarget({ endpoints: { netlify: fake.url }, pollIntervalMs: 5 }),
    fake,
    tokens: { netlify: fake.token.value },
    tokenProvider: 'netlify',
  };
});
