/** How a team run is configured (its status, the teamStatus query's answer, is in contracts/messages.ts). */

export interface TeamOptions {
  /** Skip the human approval of the plan. */
  autoApprove: boolean;
  /** Agent tasks running at the same time. */
  maxParallel: number;
  /** Model turns one agent gets for one task. */
  maxTurns: number;
  /** Follow-up tasks (fixes after failing tests or requested changes) the run may add. */
  maxFollowUps: number;
  /** Continue as new once the coordinator's history holds this many events (Temporal also suggests it). */
  maxHistoryEvents: number;
}

export const DEFAULT_TEAM_OPTIONS: TeamOptions = {
  autoApprove: false,
  maxParallel: 2,
  maxTurns: 30,
  maxFollowUps: 4,
  maxHistoryEvents: 10_000,
};
