import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../test/harness';

/**
 * Replays subscriptionWorkflow's committed histories against today's code: a dunning run through its three retries,
 * the downgrade and a payment after it, and a run that continued as new mid-dunning. A change that would break
 * subscriptions already in dunning fails here (use `patched()` for it). Record them again after an intended change
 * with `RECORD_HISTORIES=1 npm test -- workflows/subscription.workflow.test.ts`, keeping the old ones as
 * `subscription-*-before-<change>.json`.
 */
const dir = join(__dirname, 'histories');
const histories = readdirSync(dir).filter((f) => f.startsWith('subscription-') && f.endsWith('.json'));

it('has committed subscription histories to replay', () => {
  expect(histories).toEqual(expect.arrayContaining(['subscription-dunning-downgrade-restore.json', 'subscription-dunning-continued.json']));
});

it.each(histories)('replays %s deterministically', async (file) => {
  const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file)).resolves.toBeUndefined();
});
