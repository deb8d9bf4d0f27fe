import { DEFAULT_RESTART_POLICY, decideRestart, type RestartPolicy } from './restart-policy';

/** Feeds crash times through the policy the way the supervisor does, and collects the decisions. */
function replay(times: number[], policy?: RestartPolicy) {
  let remembered: number[] = [];
  return times.map((now) => {
    const { decision, crashes } = decideRestart(remembered, now, policy);
    remembered = crashes;
    return decision;
  });
}

it('restarts with a doubling delay and gives up on the fifth crash within a minute', () => {
  expect(replay([0, 1_000, 3_000, 7_000, 12_000])).toEqual([
    { action: 'restart', delayMs: 500, crashes: 1 },
    { action: 'restart', delayMs: 1_000, crashes: 2 },
    { action: 'restart', delayMs: 2_000, crashes: 3 },
    { action: 'restart', delayMs: 4_000, crashes: 4 },
    { action: 'give-up', crashes: 5 },
  ]);
});

it('forgets crashes older than the window, so a process that ran a while starts over', () => {
  const decisions = replay([0, 1_000, 2_000, 3_000, 3_000 + 60_000, 3_000 + 61_000]);
  expect(decisions.slice(4)).toEqual([
    { action: 'restart', delayMs: 500, crashes: 1 },
    { action: 'restart', delayMs: 1_000, crashes: 2 },
  ]);
});

it('never restarts sooner than the base delay nor later than the cap', () => {
  const policy: RestartPolicy = { ...DEFAULT_RESTART_POLICY, maxCrashes: 100 };
  const delays = replay(
    Array.from({ length: 20 }, (_, i) => i * 100),
    policy,
  ).map((d) => (d.action === 'restart' ? d.delayMs : -1));
  expect(Math.min(...delays)).toBe(policy.baseDelayMs);
  expect(Math.max(...delays)).toBe(policy.maxDelayMs);
  expect(delays.slice(-3)).toEqual([10_000, 10_000, 10_000]);
});

it('counts only the crashes inside the window, whatever order they are given in', () => {
  const { decision, crashes } = decideRestart([50_000, 5_000, 70_000, 40_000], 100_000);
  expect(decision).toEqual({ action: 'restart', delayMs: 2_000, crashes: 3 });
  expect(crashes).toEqual([50_000, 70_000, 100_000]);
});
