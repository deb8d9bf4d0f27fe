/**
 * Names the API, the worker and the client share for live co-editing: one Liveblocks room per project, one
 * Yjs subdocument per file (its guid is the file's id), and the root document's maps.
 */
export const projectRoomId = (projectId: string): string => `project:${projectId}`;

/** The project id of a room id, or null when it is not a project room. */
export function projectIdOfRoom(roomId: string): string | null {
  const m = /^project:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(roomId);
  return m ? m[1]! : null;
}

/** The root document's map of fileId → subdocument (guid = fileId). A file leaves it when deleted. */
export const ROOT_FILES_MAP = 'files';
/** The root document's map of agent role → {@link AgentCursor}: agents are not connected, so this is their presence. */
export const ROOT_AGENTS_MAP = 'agents';
/** A file document's text. */
export const FILE_TEXT = 'content';
/** A file document's map holding `seeded: true` once its text was loaded from PostgreSQL. */
export const FILE_META = 'meta';

/** An agent's cursor as the worker writes it after each edit. */
export interface AgentCursor {
  role: string;
  /** "The coder". */
  name: string;
  /** CSS colour. */
  color: string;
  fileId: string;
  path: string;
  /** `Y.relativePositionToJSON` of the end of the agent's last change in the file's text. */
  position: unknown;
  /** ISO time of the edit; the client shows agents seen in the last minute. */
  at: string;
}

/** Cursor colours of the agent roles (people get theirs from their id). */
export const AGENT_COLORS: Record<string, string> = {
  architect: '#8e44ad',
  coder: '#d35400',
  frontend: '#16a085',
  backend: '#2c3e50',
  debugger: '#c0392b',
  reviewer: '#2980b9',
  devops: '#7f8c8d',
  tester: '#27ae60',
  documentation: '#b7950b',
  optimizer: '#e84393',
};
