/**
 * What a build waits for before it starts: one of its owner's agent-run slots or sandboxes. Shared by the
 * workflow state (deterministic: it only holds what an activity answered) and the API, which names the holders
 * a viewer may read.
 */
export interface BuildWait {
  kind: 'agent-run' | 'sandbox';
  /** The owner's limit of that kind (the tier's, or an admin override). */
  limit: number;
  /** How many are in use now; holders may list fewer (a holder that is no build of a project). */
  used: number;
  /** The builds (or projects, for a sandbox opened by hand) holding the slots. */
  holders: BuildWaitHolder[];
}

export interface BuildWaitHolder {
  projectId: string;
  /** The run holding it, when a build does. */
  runId: string | null;
}
