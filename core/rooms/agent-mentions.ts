/**
 * `@reviewer …` in a room's chat: the question goes to the reviewer at work on the room's project when there is one
 * (a team run's running task, through `messageAgentSignal`, as the workspace's `messageAgent` does), and otherwise
 * to a small assist task (`roomAgentReplyWorkflow`) whose answer streams back into the chat.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { messageAgentSignal, teamStatusQuery } from '../../contracts/messages';
import type { AgentRole } from '../../contracts/roles';
import { workflowIds } from '../../contracts/workflow-ids';
import type { roomAgentReplyWorkflow } from '../../workflows/room-agent-reply.workflow';
import { Project, ProjectRun, runEnded } from '../project/project.entity';
import { questionText } from './chat-view';
import { RoomMessage, type Room } from './room.entities';

/** What the Temporal side of agent mentions needs. */
export interface AgentMentionDeps {
  temporal: Client;
  /** Where the worker that runs `roomAgentReplyWorkflow` listens. */
  taskQueue: string;
}

/** Where a mention went: to a running task (with the room's note about it), or to a new assist task. */
export type AgentDelivery = { kind: 'task'; taskKey: string; note: RoomMessage } | { kind: 'assist'; workflowId: string };

/** A person's question to an agent, as the agent reads it. */
export interface AgentQuestion {
  room: Room;
  message: RoomMessage;
  role: AgentRole;
  askerId: string;
  askerName: string;
}

/** The agent's message never exceeds what `messageAgent` accepts. */
const SIGNAL_MAX = 4_000;
/** How long a send waits for the team run to say which tasks are running. */
const QUERY_DEADLINE_MS = 3_000;

export class AgentMentions {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AgentMentionDeps,
  ) {}

  /**
   * Delivers the question. Any participant of the room may ask, project editor or not: the room grants the
   * conversation, and the answer (or the running task's work) is charged to the asker like their other calls.
   * The caller publishes the returned note.
   */
  async deliver(question: AgentQuestion): Promise<AgentDelivery> {
    const task = await this.runningTask(question.room, question.role);
    if (task) {
      const delivered = await this.deps.temporal.workflow
        .getHandle(task.workflowId)
        .signal(messageAgentSignal, agentText(question))
        .then(() => true)
        // The task finished between the query and the signal: the assist task answers instead.
        .catch(() => false);
      if (delivered) {
        const note = this.em.create(RoomMessage, {
          room: question.room,
          authorKind: 'system',
          agentRole: question.role,
          body: `Sent to the running ${question.role} (task ${task.key}); it reads it before its next step.`,
          replyTo: question.message.id,
        });
        await this.em.flush();
        return { kind: 'task', taskKey: task.key, note };
      }
    }
    const workflowId = workflowIds.roomAgentReply(question.message.id);
    try {
      await this.deps.temporal.workflow.start<typeof roomAgentReplyWorkflow>('roomAgentReplyWorkflow', {
        taskQueue: this.deps.taskQueue,
        workflowId,
        args: [
          {
            roomId: question.room.id,
            questionId: question.message.id,
            role: question.role,
            userId: question.askerId,
            projectId: question.room.project.id,
          },
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return { kind: 'assist', workflowId };
  }

  /** The project's team-run task of `role` working right now, if any (the coordinator's own view of its tasks). */
  private async runningTask(room: Room, role: AgentRole): Promise<{ key: string; workflowId: string } | null> {
    const project = await this.em.findOne(Project, { id: room.project.id }, { fields: ['id', 'buildMode'] });
    if (project?.buildMode !== 'team') return null;
    const run = await this.em.findOne(ProjectRun, { project: project.id }, { orderBy: { createdAt: 'desc' } });
    if (!run || runEnded(run.status)) return null;
    // A run still waiting for a slot, or between workers, has no task to talk to: the assist task answers. The
    // deadline keeps a send from hanging on a run whose workers are all down.
    const team = await this.deps.temporal
      .withDeadline(Date.now() + QUERY_DEADLINE_MS, () => this.deps.temporal.workflow.getHandle(run.workflowId).query(teamStatusQuery))
      .catch(() => null);
    const task = team?.tasks.find((t) => t.role === role && t.status === 'running' && t.workflowId);
    return task ? { key: task.key, workflowId: task.workflowId! } : null;
  }
}

/** The question as the running agent reads it: who asked, where, and the text with its snippet. */
function agentText({ room, message, askerName }: AgentQuestion): string {
  const text = `${askerName} asks in the coding room "${room.name}": ${questionText(message)}`;
  return text.length > SIGNAL_MAX ? `${text.slice(0, SIGNAL_MAX - 1)}…` : text;
}
