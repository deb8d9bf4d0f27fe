import { deployEvent, deployment, line } from '../testing/deploy-payloads';
import { applyEvent, initialView, mergeRead } from './deployment-view';
import { EMPTY_LOG, appendLines } from './log-buffer';

const seqs = (lines: readonly { seq: number }[]) => lines.map((l) => l.seq);

describe('appendLines', () => {
  it('keeps each seq once, in order, whatever order and overlap the lines come in', () => {
    let log = appendLines(EMPTY_LOG, [line(1), line(2), line(3)]);
    log = appendLines(log, [line(3), line(4), line(2), line(5)]);
    log = appendLines(log, [line(5)]);
    expect(seqs(log.lines)).toEqual([1, 2, 3, 4, 5]);
    expect(log.lastSeq).toBe(5);
    log = appendLines(log, [line(7), line(6)]);
    expect(seqs(log.lines)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('fills a gap when a read brings the missing lines', () => {
    let log = appendLines(EMPTY_LOG, [line(1), line(4)]);
    log = appendLines(log, [line(2), line(3), line(4)]);
    expect(seqs(log.lines)).toEqual([1, 2, 3, 4]);
  });

  it('keeps at most the cap in memory and counts what it dropped', () => {
    const many = Array.from({ length: 25 }, (_, i) => line(i + 1));
    const log = appendLines(EMPTY_LOG, many, 10);
    expect(seqs(log.lines)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(log.dropped).toBe(15);
    // Dropped lines are not brought back by a replay.
    expect(seqs(appendLines(log, [line(3)], 10).lines)[0]).toBe(16);
  });

  it('returns the same buffer when nothing is new', () => {
    const log = appendLines(EMPTY_LOG, [line(1)]);
    expect(appendLines(log, [line(1)])).toBe(log);
  });
});

describe('applyEvent', () => {
  const start = () => initialView(deployment({ status: 'BUILDING' }), [line(1), line(2)]);

  it('appends the lines of its own deploy.log events, and ignores other deployments', () => {
    const own = applyEvent(start(), deployEvent('1-0', 'deploy.log', { deploymentId: 'd1', lines: [line(2), line(3)] }));
    expect(seqs(own.view.log.lines)).toEqual([1, 2, 3]);
    expect(own.refetch).toBe(false);
    const other = applyEvent(start(), deployEvent('1-1', 'deploy.log', { deploymentId: 'd2', lines: [line(9)] }));
    expect(seqs(other.view.log.lines)).toEqual([1, 2]);
    expect(other.historyStale).toBe(false);
  });

  it('asks for a read when the lines skip some seqs, which brings them with the missing ones', () => {
    const effect = applyEvent(start(), deployEvent('1-0', 'deploy.log', { deploymentId: 'd1', lines: [line(5)] }));
    expect(effect.refetch).toBe(true);
    expect(effect.view.log.lastSeq).toBe(2);
  });

  it('moves the status, remembers the step for a later failure, and never moves an ended one back', () => {
    let view = applyEvent(start(), deployEvent('1-0', 'deploy.status', { deploymentId: 'd1', status: 'DEPLOYING' })).view;
    expect(view.deployment.status).toBe('DEPLOYING');
    const failed = applyEvent(view, deployEvent('1-1', 'deploy.failed', { deploymentId: 'd1', code: 'DEPLOY_PROVIDER_FAILED', error: 'Vercel said no' }));
    view = failed.view;
    expect(failed.refetch).toBe(true);
    expect(view.deployment).toMatchObject({ status: 'FAILED', errorCode: 'DEPLOY_PROVIDER_FAILED', error: 'Vercel said no' });
    expect(view.lastStep).toBe('DEPLOYING');
    const late = applyEvent(view, deployEvent('1-2', 'deploy.status', { deploymentId: 'd1', status: 'CHECKING' }));
    expect(late.view.deployment.status).toBe('FAILED');
  });

  it('goes live with the URL', () => {
    const { view, historyStale } = applyEvent(
      start(),
      deployEvent('1-0', 'deploy.live', { deploymentId: 'd1', url: 'http://todo.apps.localhost:4002/' }),
    );
    expect(view.deployment).toMatchObject({ status: 'LIVE', url: 'http://todo.apps.localhost:4002/', isLive: true });
    expect(historyStale).toBe(true);
  });

  it('merges a read: its fields win, its lines join once', () => {
    const view = mergeRead(start(), deployment({ status: 'LIVE', url: 'http://x/' }), [line(2), line(3)]);
    expect(view.deployment.status).toBe('LIVE');
    expect(seqs(view.log.lines)).toEqual([1, 2, 3]);
  });
});
