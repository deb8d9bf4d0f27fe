import type { BuildWaitFragment as BuildWait } from '../../../generated/agents';

/**
 * What a queued build waits for (`AgentTeamState.waiting`, generated): `kind` is `agent-run` or `sandbox`;
 * holders are only those the viewer may read, the others are counted in `hiddenHolders`, never named.
 */
export type { BuildWait };

/**
 * "Waiting for a free sandbox: 2 of 2 in use by Shop (run 1a2b3c4d) and 1 project you cannot see. It starts
 * when one is freed." Without details (a build started before they were recorded) it says what it can.
 */
export function waitingText(wait: BuildWait | null | undefined): string {
  if (!wait)
    return 'Waiting for a free agent-run slot: your plan runs a limited number of agent-team builds at a time, and this one starts when another ends.';
  const what = wait.kind === 'sandbox' ? 'sandbox' : 'agent-run slot';
  // Sandboxes opened by hand in one project read once, with their count.
  const counts = new Map<string, number>();
  for (const h of wait.holders) {
    const label = h.runId ? `${h.projectName} (run ${h.runId.slice(0, 8)})` : h.projectName;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const named = [...counts].map(([label, n]) => (n > 1 ? `${label} (${n})` : label));
  if (wait.hiddenHolders > 0)
    named.push(
      `${wait.hiddenHolders} ${wait.hiddenHolders === 1 ? 'project' : 'projects'} you cannot see`,
    );
  const by = named.length
    ? ` by ${named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]}`
    : '';
  const then = wait.kind === 'sandbox' ? 'one is stopped' : 'one of those builds ends';
  return `Waiting for a free ${what}: ${wait.used} of ${wait.limit} in use${by}. This build starts when ${then}.`;
}
