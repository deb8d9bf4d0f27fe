/**
 * Assist's tables (issue 17). An assist request is one editor action and its proposal; a chat message is one
 * turn of a person's chat thread about a project (history is per user and project). Deleting the project or the
 * user deletes both.
 */
import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { AssistAction, AssistCitation, AssistStatus, AssistVerification, EditTool, FixSource } from '../../contracts/assist';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';

/** One editor action: what was asked, on which text, and what the model answered and proposed. */
export class AssistRequest {
  [OptionalProps]?:
    | 'selectionStartLine'
    | 'selectionEndLine'
    | 'instruction'
    | 'fixSource'
    | 'errorOutput'
    | 'testCommand'
    | 'baseContent'
    | 'proposedContent'
    | 'answer'
    | 'editTool'
    | 'status'
    | 'errorCode'
    | 'errorMessage'
    | 'verification'
    | 'model'
    | 'usage'
    | 'costUsdNanos'
    | 'createdAt'
    | 'finishedAt'
    | 'decidedAt';
  id: string = randomUUID();
  project!: Ref<Project>;
  /** Who asked: the calls are metered, budgeted and windowed as theirs (or their team's, for a team project). */
  user!: Ref<User>;
  action!: AssistAction;
  /** The file the action was asked on (for `new_file`, the file to create). */
  path!: string;
  /** The file the proposal changes: `path`, or a new test file for `tests`. */
  targetPath!: string;
  /** 1-based, inclusive; null: the whole file. */
  selectionStartLine?: number | null;
  selectionEndLine?: number | null;
  /** Refactor instruction, new file description, or a note. */
  instruction?: string | null;
  fixSource?: FixSource | null;
  /** The failing test's output, a terminal error, or a diagnostic's message. */
  errorOutput?: string | null;
  /** The command a fix is verified with (the failing test's), in the project's sandbox. */
  testCommand?: string | null;
  /** The target file's content the proposal was made against ('' for a new file). */
  baseContent?: string | null;
  /** The whole proposed content of `targetPath`; null for `explain` and until ready. */
  proposedContent?: string | null;
  /** The model's prose: the explanation, or what the change does. */
  answer?: string | null;
  /** How the reply became the proposal. */
  editTool?: EditTool | null;
  status: AssistStatus = 'running';
  errorCode?: string | null;
  errorMessage?: string | null;
  verification?: AssistVerification | null;
  model?: string | null;
  usage?: { inputTokens: number; outputTokens: number; totalTokens: number } | null;
  costUsdNanos?: string | null;
  createdAt: Date = new Date();
  finishedAt?: Date | null;
  decidedAt?: Date | null;
}

/** One turn of a person's project chat. An assistant turn streams (`streaming`) until complete or failed. */
export class AssistChatMessage {
  [OptionalProps]?: 'status' | 'citations' | 'model' | 'errorCode' | 'createdAt' | 'roomId';
  id: string = randomUUID();
  project!: Ref<Project>;
  user!: Ref<User>;
  /** Asked from a room's workspace (the room's project); null from the project page. */
  roomId?: string | null;
  role!: 'user' | 'assistant';
  content!: string;
  status: 'streaming' | 'complete' | 'failed' = 'complete';
  citations: AssistCitation[] = [];
  model?: string | null;
  errorCode?: string | null;
  createdAt: Date = new Date();
}

export const AssistRequestSchema = new EntitySchema<AssistRequest>({
  class: AssistRequest,
  tableName: 'assist_requests',
  indexes: [{ properties: ['user', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade', index: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    action: { type: 'string', length: 16 },
    path: { type: 'string', length: 1024 },
    targetPath: { type: 'string', length: 1024 },
    selectionStartLine: { type: 'integer', nullable: true },
    selectionEndLine: { type: 'integer', nullable: true },
    instruction: { type: 'text', nullable: true },
    fixSource: { type: 'string', length: 16, nullable: true },
    errorOutput: { type: 'text', nullable: true },
    testCommand: { type: 'string', length: 1000, nullable: true },
    baseContent: { type: 'text', nullable: true },
    proposedContent: { type: 'text', nullable: true },
    answer: { type: 'text', nullable: true },
    editTool: { type: 'string', length: 16, nullable: true },
    status: { type: 'string', length: 16, default: 'running' },
    errorCode: { type: 'string', length: 64, nullable: true },
    errorMessage: { type: 'text', nullable: true },
    verification: { type: 'json', nullable: true },
    model: { type: 'string', length: 160, nullable: true },
    usage: { type: 'json', nullable: true },
    costUsdNanos: { type: 'bigint', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    finishedAt: { type: 'datetime', nullable: true },
    decidedAt: { type: 'datetime', nullable: true },
  },
});

export const AssistChatMessageSchema = new EntitySchema<AssistChatMessage>({
  class: AssistChatMessage,
  tableName: 'assist_chat_messages',
  indexes: [{ properties: ['project', 'user', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    roomId: { type: 'uuid', nullable: true },
    role: { type: 'string', length: 16 },
    content: { type: 'text' },
    status: { type: 'string', length: 16, default: 'complete' },
    citations: { type: 'json', default: '[]' },
    model: { type: 'string', length: 160, nullable: true },
    errorCode: { type: 'string', length: 64, nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});

export const assistEntities = [AssistRequestSchema, AssistChatMessageSchema];
