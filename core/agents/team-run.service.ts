import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/domain.errors';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import { fromNanos } from '../models/cost';
import { Project, ProjectRun, runEnded } from '../project/project.entity';
import { asResource, type ProjectService } from '../project/project.service';
import { User } from '../user/user.entity';
import {
  agentTaskStateQuery,
  answerQuestionSignal,
  messageAgentSignal,
  pauseRunSignal,
  projectBuildStateQuery,
  resumeRunSignal,
  reviewPlanSignal,
  teamStatusQuery,
  type TeamStatus,
} from '../../contracts/messages';
import { offlineBuildNote, type OfflineBuildNote } from '../models/offline/select-blueprint';
import { UsageLog } from '../models/usage-log.entity';
import { briefDescription } from '../project/project-brief';
import { AgentHandoff } from './agent-handoff.entity';
import { viewBuildWait, type BuildWaitView } from './build-wait-view';
import { AgentInstance } from './agent-instance.entity';
import { AgentTask } from './agent-task.entity';

/** Thrown when a team action needs a running agent-team build and the project has none. */
export class NoTeamRunError extends ConflictError {
  override readonly name = 'NoTeamRunError';
  constructor(what: string) {
    super(`${what}: the project has no agent-team build in progress`);
  }
}

/** The team's state with each running agent's own: status (idle, thinking, coding, testing, reviewing, blocked) and question. */
export type LiveTeamState = Omit<TeamStatus, 'tasks' | 'phase'> & {
  /** The coordinator's phase, or `waiting`: queued behind the owner's other team runs (the tier's agent-run slots). */
  phase: TeamStatus['phase'] | 'waiting';
  /** While `waiting`: for what, and the holders the viewer may read. */
  waiting: BuildWaitView | null;
  tasks: (TeamStatus['tasks'][number] & { agentStatus: string; question: string | null; turns: number | null })[];
};

/** A run waiting for an agent-run slot: no coordinator state yet. */
const WAITING: LiveTeamState = { phase: 'waiting', waiting: null, planVersion: 0, tasks: [], pausedReason: null, testsPassed: null, filesWritten: 0, reviewApproved: null };

export interface AgentMetricsRow {
  role: string;
  tasksDone: number;
  tasksFailed: number;
  turns: number;
  tokens: number;
  costUsd: number;
  timeMs: number;
  successRate: number | null;
}

/** People's side of an agent-team run: its records, its live state, and the controls (signals, cancel). */
export class TeamRunService {
  constructor(
    private readonly em: EntityManager,
    private readonly projects: ProjectService,
    private readonly temporal: Client,
  ) {}

  /** What an offline run builds: set once the run's architect was answered by the offline provider. */
  async offlineBuild(run: ProjectRun): Promise<OfflineBuildNote | null> {
    const offline = await this.em.count(UsageLog, { runId: run.id, agentRole: 'architect', provider: 'offline' });
    if (!offline) return null;
    const project = await this.em.findOneOrFail(Project, { id: run.project.id });
    return offlineBuildNote(briefDescription(project));
  }

  async tasks(runId: string) {
    const rows = await this.em.find(AgentTask, { runId }, { orderBy: { createdAt: 'asc' } });
    return rows.map((t) => ({
      ...t,
      key: t.taskKey,
      costUsd: fromNanos(t.costUsdNanos),
      startedAt: t.startedAt ?? null,
      finishedAt: t.finishedAt ?? null,
      handoffFrom: t.handoffFrom ?? null,
      outcome: t.outcome ?? null,
      summary: t.summary ?? null,
    }));
  }

  /** Each role's totals, read from its agent record (kept by the record activities, so no aggregation here). */
  async metrics(runId: string): Promise<AgentMetricsRow[]> {
    const agents = await this.em.find(AgentInstance, { runId }, { orderBy: { role: 'asc' } });
    return agents.map(totals);
  }

  /**
   * The run's agents with their totals and their tasks in order. An agent's recorded status is idle or
   * working; once the run has ended every agent reads done, including one whose last task never reported.
   */
  async agents(run: Pick<ProjectRun, 'id' | 'status'>) {
    const agents = await this.em.find(AgentInstance, { runId: run.id }, { orderBy: { firstActiveAt: 'asc', createdAt: 'asc' } });
    const tasks = await this.tasks(run.id);
    const ended = runEnded(run.status);
    return agents.map((a) => ({
      ...totals(a),
      id: a.id,
      status: ended ? 'done' : a.status,
      currentTaskKey: ended ? null : (a.currentTaskKey ?? null),
      firstActiveAt: a.firstActiveAt ?? null,
      lastActiveAt: a.lastActiveAt ?? null,
      history: tasks.filter((t) => t.role === a.role),
    }));
  }

  async handoffs(runId: string) {
    const rows = await this.em.find(AgentHandoff, { runId }, { orderBy: { createdAt: 'asc', fromTaskKey: 'asc' } });
    return rows.map((h) => ({ ...h, toTaskKey: h.toTaskKey ?? null }));
  }

  /**
   * The coordinator's state while the run's workflow is open (null otherwise), with each working agent's own
   * state: thinking, coding, testing, reviewing or blocked on a question, and the question.
   */
  async liveState(project: Pick<Project, 'buildMode'>, run: ProjectRun, viewerId: string | null = null): Promise<LiveTeamState | null> {
    if (project.buildMode !== 'team' || runEnded(run.status)) return null;
    const handle = this.temporal.workflow.getHandle(run.workflowId);
    let team: TeamStatus;
    try {
      team = await handle.query(teamStatusQuery);
    } catch {
      // Not started yet, waiting for a slot, or between tasks of a worker restart: the records still answer.
      const build = await handle.query(projectBuildStateQuery).catch(() => null);
      if (build?.phase !== 'waiting') return null;
      return { ...WAITING, waiting: build.waitingFor ? await viewBuildWait(this.em, viewerId, build.waitingFor) : null };
    }
    const tasks = await Promise.all(
      team.tasks.map(async (task) => {
        if (task.status !== 'running' || !task.workflowId)
          return { ...task, agentStatus: task.status === 'running' ? 'thinking' : 'idle', question: null, turns: null };
        const agent = await this.temporal.workflow
          .getHandle(task.workflowId)
          .query(agentTaskStateQuery)
          .catch(() => null);
        return { ...task, agentStatus: agent?.status ?? 'thinking', question: agent?.question ?? null, turns: agent?.turns ?? null };
      }),
    );
    return { ...team, waiting: null, tasks };
  }

  async reviewPlan(viewerId: string, projectId: string, approve: boolean, feedback?: string | null): Promise<boolean> {
    const trimmed = feedback?.trim() ?? '';
    if (!approve && !trimmed) throw new ValidationError([{ field: 'feedback', message: 'Say what the architect should change' }]);
    if (trimmed.length > 4000) throw new ValidationError([{ field: 'feedback', message: 'Feedback must be at most 4000 characters' }]);
    const { run, state } = await this.controllable(viewerId, projectId, 'Reviewing the plan');
    if (state?.phase !== 'awaiting_approval') throw new ConflictError('There is no plan waiting for approval');
    await this.temporal.workflow.getHandle(run.workflowId).signal(reviewPlanSignal, { approve, feedback: trimmed || undefined });
    if (approve) run.approvedBy = this.em.getReference(User, viewerId, { wrapped: true });
    recordAudit(this.em, {
      actorId: viewerId,
      action: approve ? 'team.plan-approved' : 'team.plan-changes',
      target: `project:${projectId}`,
      data: { feedback: trimmed || null },
    });
    await this.em.flush();
    return true;
  }

  async pause(viewerId: string, projectId: string, reason?: string | null): Promise<boolean> {
    const { run } = await this.controllable(viewerId, projectId, 'Pausing');
    await this.temporal.workflow.getHandle(run.workflowId).signal(pauseRunSignal, reason?.trim().slice(0, 500) || 'Paused by a person');
    run.pausedBy = this.em.getReference(User, viewerId, { wrapped: true });
    recordAudit(this.em, { actorId: viewerId, action: 'team.run-paused', target: `project:${projectId}` });
    await this.em.flush();
    return true;
  }

  async resume(viewerId: string, projectId: string): Promise<boolean> {
    const { run } = await this.controllable(viewerId, projectId, 'Resuming');
    await this.temporal.workflow.getHandle(run.workflowId).signal(resumeRunSignal);
    return true;
  }

  async cancel(viewerId: string, projectId: string): Promise<boolean> {
    const { run } = await this.controllable(viewerId, projectId, 'Cancelling');
    await this.temporal.workflow.getHandle(run.workflowId).cancel();
    run.cancelledBy = this.em.getReference(User, viewerId, { wrapped: true });
    recordAudit(this.em, { actorId: viewerId, action: 'team.run-cancelled', target: `project:${projectId}` });
    await this.em.flush();
    return true;
  }

  /** Signals the agent working on `taskKey` (an answer to its question, or a message). */
  async toAgent(
    viewerId: string,
    projectId: string,
    taskKey: string,
    signal: typeof answerQuestionSignal | typeof messageAgentSignal,
    text: string,
  ): Promise<boolean> {
    const body = text.trim();
    if (!body || body.length > 4000)
      throw new ValidationError([{ field: signal === answerQuestionSignal ? 'answer' : 'text', message: 'Write 1 to 4000 characters' }]);
    const { state } = await this.controllable(viewerId, projectId, 'Messaging an agent');
    const task = state?.tasks.find((t) => t.key === taskKey);
    if (!task?.workflowId || task.status !== 'running') throw new ConflictError(`No agent is working on ${taskKey} now`);
    await this.temporal.workflow.getHandle(task.workflowId).signal(signal, body);
    return true;
  }

  /** A message to every agent working now; how many received it. */
  async toTeam(viewerId: string, projectId: string, text: string): Promise<number> {
    const body = text.trim();
    if (!body || body.length > 4000) throw new ValidationError([{ field: 'text', message: 'Write 1 to 4000 characters' }]);
    const { state } = await this.controllable(viewerId, projectId, 'Messaging the team');
    const working = (state?.tasks ?? []).filter((t) => t.status === 'running' && t.workflowId);
    if (!working.length) throw new ConflictError('No agent is working now; the message would reach nobody');
    await Promise.all(working.map((t) => this.temporal.workflow.getHandle(t.workflowId!).signal(messageAgentSignal, body)));
    return working.length;
  }

  private async controllable(viewerId: string, projectId: string, what: string): Promise<{ run: ProjectRun; state: LiveTeamState | null }> {
    const project = await this.projects.get(viewerId, projectId);
    if (!can(await loadActor(this.em, viewerId), 'project:run', asResource(project)))
      throw new ForbiddenError('Only the project’s editors control its builds');
    const run = await this.em.findOne(ProjectRun, { project: project.id }, { orderBy: { createdAt: 'desc' } });
    if (!run || project.buildMode !== 'team' || runEnded(run.status)) throw new NoTeamRunError(what);
    const state = await this.liveState(project, run).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    });
    return { run, state };
  }
}

function totals(a: AgentInstance): AgentMetricsRow {
  const finished = a.tasksDone + a.tasksFailed;
  return {
    role: a.role,
    tasksDone: a.tasksDone,
    tasksFailed: a.tasksFailed,
    turns: a.turns,
    tokens: a.tokens,
    costUsd: fromNanos(a.costUsdNanos),
    timeMs: a.timeMs,
    successRate: finished ? a.tasksDone / finished : null,
  };
}
