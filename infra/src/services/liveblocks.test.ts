/**
 * The embedded Liveblocks dev server keeps serving a busy document: its compaction at the 1,000th stored update
 * used to throw (more than 512 SQL parameters), refusing the update and stopping the relay for that file.
 */
import { randomUUID } from 'node:crypto';
import { LiveDocs } from '../../../core/files/live-docs';
import { testLiveblocks } from '../../../test/services';

test('a document takes 1,100 separate updates and still answers with every one of them', async () => {
  const live = LiveDocs.fromConfig(testLiveblocks())!;
  const projectId = randomUUID();
  const fileId = randomUUID();
  await live.ensure(projectId, fileId, '');
  let expected = '';
  for (let i = 0; i < 1_100; i++) {
    const char = String.fromCharCode(97 + (i % 26));
    expected += char;
    await live.update(projectId, fileId, '', (current) => ({ text: current + char }), { kind: 'user', id: 'typist', name: 'Typist' });
  }
  expect(await live.read(projectId, fileId)).toBe(expected);
  await live.deleteRoom(projectId);
}, 180_000);
