import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection } from '../../../../testing/fakes';
import { deployEvent } from '../testing/deploy-payloads';
import { type DeployEvent, DeployApi } from './deploy-api.service';
import { DeployEventStream, type DeployStreamUpdate, streamIdAt } from './deploy-event-stream.service';

class FakeApi {
  subscriptions: { after: string | null; events: Subject<DeployEvent> }[] = [];
  events(_projectId: string, after: string | null) {
    const events = new Subject<DeployEvent>();
    this.subscriptions.push({ after, events });
    return events.asObservable();
  }
}

describe('DeployEventStream', () => {
  it('passes deploy events once and resumes after the newest id when the socket reconnects', () => {
    const api = new FakeApi();
    const connection = new FakeRealtimeConnection();
    TestBed.configureTestingModule({
      providers: [
        { provide: DeployApi, useValue: api },
        { provide: RealtimeConnection, useValue: connection },
      ],
    });
    const seen: DeployStreamUpdate[] = [];
    const sub = TestBed.inject(DeployEventStream).watch('p1', '100-0').subscribe((u) => seen.push(u));
    expect(api.subscriptions.map((s) => s.after)).toEqual(['100-0']);
    const first = api.subscriptions[0]!.events;
    first.next(deployEvent('101-0', 'deploy.log', { deploymentId: 'd1', lines: [] }));
    first.next(deployEvent('102-0', 'file.created', {}));
    first.next(deployEvent('101-0', 'deploy.log', { deploymentId: 'd1', lines: [] }));
    connection.reconnect.next();
    expect(api.subscriptions.map((s) => s.after)).toEqual(['100-0', '102-0']);
    api.subscriptions[1]!.events.next(deployEvent('103-0', 'deploy.live', { deploymentId: 'd1' }));
    const ids = seen.flatMap((u) => (u.kind === 'event' ? [u.event.id] : []));
    expect(ids).toEqual(['101-0', '103-0']);
    sub.unsubscribe();
  });

  it('starts from a stream id a little before a moment', () => {
    expect(streamIdAt('2026-12-07T10:00:00.000Z', 1000)).toBe(`${Date.parse('2026-12-07T10:00:00.000Z') - 1000}-0`);
  });
});
