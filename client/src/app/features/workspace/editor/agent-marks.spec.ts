import type { AgentCursor } from '@contracts/collab';
import * as Y from 'yjs';
import { member } from '../testing/fake-live-room';
import { agentMarks, cursorStyleSheet } from './agent-marks';

function cursorAt(text: Y.Text, index: number, extra: Partial<AgentCursor> = {}): AgentCursor {
  return {
    role: 'coder',
    name: 'The coder',
    color: '#d35400',
    fileId: 'f1',
    path: 'a.ts',
    position: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index)),
    at: new Date().toISOString(),
    ...extra,
  };
}

describe('agent marks', () => {
  it("places an agent's caret where it edited, and keeps it there as others type before it", () => {
    const doc = new Y.Doc({ guid: 'f1' });
    const text = doc.getText('content');
    text.insert(0, 'const a = 1;\nconst b = 2;\n');
    const cursor = cursorAt(text, 13);
    expect(agentMarks([cursor], 'f1', doc, text)).toEqual([
      { role: 'coder', name: 'The coder', color: '#d35400', index: 13 },
    ]);
    text.insert(0, '// hi\n');
    expect(agentMarks([cursor], 'f1', doc, text)[0]?.index).toBe(19);
  });

  it('leaves out agents in other files and positions it cannot read', () => {
    const doc = new Y.Doc({ guid: 'f1' });
    const text = doc.getText('content');
    text.insert(0, 'x');
    expect(agentMarks([cursorAt(text, 1, { fileId: 'f2' })], 'f1', doc, text)).toEqual([]);
    expect(
      agentMarks([{ ...cursorAt(text, 1), position: { bogus: true } }], 'f1', doc, text),
    ).toEqual([]);
  });

  it("styles people's carets by their Yjs client id, and agents' by role", () => {
    const css = cursorStyleSheet(
      [
        member({ connectionId: 2, clientId: 99, name: 'Bob' }),
        member({ connectionId: 3, clientId: null }),
      ],
      [cursorAt(new Y.Doc().getText('content'), 0)],
    );
    expect(css).toContain('.yRemoteSelectionHead-99::after');
    expect(css).not.toContain('yRemoteSelection-null');
    expect(css).toContain('.agentCursor-coder::after');
  });
});
