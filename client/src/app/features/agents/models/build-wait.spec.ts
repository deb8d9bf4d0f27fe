import { waitingText } from './build-wait';

describe('waitingText', () => {
  it('names the sandboxes in use and who holds them, counting the holders the viewer may not read', () => {
    const text = waitingText({
      kind: 'sandbox',
      limit: 2,
      used: 2,
      holders: [
        { projectId: 'p1', projectName: 'Shop', runId: '1a2b3c4d-0000-4000-8000-000000000000' },
      ],
      hiddenHolders: 1,
    });
    expect(text).toBe(
      'Waiting for a free sandbox: 2 of 2 in use by Shop (run 1a2b3c4d) and 1 project you cannot see. This build starts when one is stopped.',
    );
  });

  it('says which run holds the agent-run slot', () => {
    const text = waitingText({
      kind: 'agent-run',
      limit: 1,
      used: 1,
      holders: [{ projectId: 'p1', projectName: 'Blog', runId: 'abcdef12-0000' }],
      hiddenHolders: 0,
    });
    expect(text).toBe(
      'Waiting for a free agent-run slot: 1 of 1 in use by Blog (run abcdef12). This build starts when one of those builds ends.',
    );
  });

  it('names a project holding several sandboxes once, with their count', () => {
    const shop = { projectId: 'p1', projectName: 'Shop', runId: null };
    expect(
      waitingText({ kind: 'sandbox', limit: 2, used: 2, holders: [shop, shop], hiddenHolders: 0 }),
    ).toBe(
      'Waiting for a free sandbox: 2 of 2 in use by Shop (2). This build starts when one is stopped.',
    );
  });

  it('falls back to the general reason when the build recorded no details', () => {
    expect(waitingText(null)).toContain('Waiting for a free agent-run slot');
  });
});
