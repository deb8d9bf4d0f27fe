import type { AgentCursor } from '@contracts/collab';
import * as Y from 'yjs';
import type { RoomMember } from '../models/presence.models';
import { agentCursorCss, remoteCursorCss } from './cursor-styles';
import type { AgentMark } from './live-editor-engine';

/**
 * Where each agent working in this file last edited: its JSON relative position resolved in the file's
 * document (so later edits by others do not move it off its place). Agents whose position is elsewhere or
 * unreadable are left out.
 */
export function agentMarks(
  agents: readonly AgentCursor[],
  fileId: string,
  doc: Y.Doc,
  text: Y.Text,
): AgentMark[] {
  return agents.flatMap((agent) => {
    if (agent.fileId !== fileId || !agent.position) return [];
    try {
      const relative = Y.createRelativePositionFromJSON(agent.position);
      const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
      if (!absolute || absolute.type !== text) return [];
      return [{ role: agent.role, name: agent.name, color: agent.color, index: absolute.index }];
    } catch {
      return [];
    }
  });
}

/** The style sheet for everyone's carets in this file: people (by their Yjs client id) and agents. */
export function cursorStyleSheet(
  others: readonly RoomMember[],
  agents: readonly AgentCursor[],
): string {
  const people = others.flatMap((member) =>
    member.clientId === null ? [] : [remoteCursorCss(member.clientId, member)],
  );
  const robots = agents.map((agent) => agentCursorCss(agent.role, agent));
  return [...people, ...robots].join('\n');
}
