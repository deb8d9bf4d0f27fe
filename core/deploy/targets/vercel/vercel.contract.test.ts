import { VercelFake } from '../../../../test/fakes/deploy/vercel-fake';
import { describeTargetContract } from '../target-contract';
import { createVercelTarget } from './index';

describeTargetContract('vercel', async () => {
  const fake = await new VercelFake().start();
  return {
    adapter: createVercelTarget({ endpoints: { vercel: fake.url }, pollIntervalMs: 5 }),
    fake,
    tokens: { vercel: fake.token.value },
    tokenProvider: 'vercel',
  };
});
