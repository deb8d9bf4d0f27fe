import { timeline } from './timeline';

const states = (input: Parameters<typeof timeline>[0]) => timeline(input).map((s) => `${s.step}:${s.state}`);

describe('timeline', () => {
  it('marks the steps before the current one done and the current one in progress', () => {
    expect(states({ status: 'UPLOADING', trigger: 'user' })).toEqual([
      'BUILDING:done',
      'PACKAGING:done',
      'UPLOADING:current',
      'DEPLOYING:pending',
      'CHECKING:pending',
      'LIVE:pending',
    ]);
  });

  it('shows nothing started while queued, and every step done once live or superseded', () => {
    expect(timeline({ status: 'QUEUED', trigger: 'user' }).every((s) => s.state === 'pending')).toBe(true);
    expect(timeline({ status: 'LIVE', trigger: 'user' }).every((s) => s.state === 'done')).toBe(true);
    expect(timeline({ status: 'SUPERSEDED', trigger: 'redeploy' }).every((s) => s.state === 'done')).toBe(true);
  });

  it('marks the step a failure happened at: the last one seen, else the one its code belongs to', () => {
    expect(states({ status: 'FAILED', trigger: 'user', lastStep: 'DEPLOYING', errorCode: 'DEPLOY_BUILD_FAILED' })).toEqual([
      'BUILDING:done',
      'PACKAGING:done',
      'UPLOADING:done',
      'DEPLOYING:failed',
      'CHECKING:pending',
      'LIVE:pending',
    ]);
    expect(states({ status: 'FAILED', trigger: 'user', errorCode: 'DEPLOY_TESTS_FAILED' })[0]).toBe('BUILDING:failed');
    expect(states({ status: 'FAILED', trigger: 'user', errorCode: 'DEPLOY_UNHEALTHY' })[4]).toBe('CHECKING:failed');
    expect(states({ status: 'FAILED', trigger: 'user', errorCode: null })[0]).toBe('BUILDING:failed');
  });

  it('marks where a cancelled deployment stopped', () => {
    expect(states({ status: 'CANCELLED', trigger: 'user', lastStep: 'PACKAGING' }).slice(0, 3)).toEqual([
      'BUILDING:done',
      'PACKAGING:cancelled',
      'UPLOADING:pending',
    ]);
  });

  it('shows Build and Package skipped for a rollback, which reuses the earlier package', () => {
    expect(states({ status: 'DEPLOYING', trigger: 'rollback' })).toEqual([
      'BUILDING:skipped',
      'PACKAGING:skipped',
      'UPLOADING:done',
      'DEPLOYING:current',
      'CHECKING:pending',
      'LIVE:pending',
    ]);
    expect(states({ status: 'FAILED', trigger: 'rollback', errorCode: 'DEPLOY_BUILD_FAILED' })[2]).toBe('UPLOADING:failed');
  });

  it('labels every step for people', () => {
    expect(timeline({ status: 'BUILDING', trigger: 'user' }).map((s) => s.label)).toEqual([
      'Build',
      'Package',
      'Upload',
      'Deploy',
      'Health check',
      'Live',
    ]);
  });
});
