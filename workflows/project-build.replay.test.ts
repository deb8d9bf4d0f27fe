import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../test/harness';

/**
 * Replays committed histories against today's workflow code: a change that would make running
 * workflows non-deterministic fails here before it reaches a cluster. Record new histories with
 * `RECORD_HISTORIES=1 npm test -- workflows/project-build.workflow.test.ts` (the team's with
 * workflows/agent-team/team.workflow.test.ts). Histories of older versions stay (`*-before-*.json`, `*-six-roles.json`):
 * runs started before a change must still replay after it, which is what `patched()` markers are for.
 */
const dir = join(__dirname, 'histories');
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));

it('has committed histories to replay', () => {
  expect(histories.length).toBeGreaterThan(0);
});

it.each(histories)('replays %s deterministically', async (file) => {
  const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file)).resolves.toBeUndefined();
});
