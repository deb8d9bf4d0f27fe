import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import { memberPayload, roomError, roomPayload } from '../testing/room-payloads';
import { RoomJoinComponent } from './room-join.component';

describe('RoomJoinComponent', () => {
  let fixture: ComponentFixture<RoomJoinComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let joined: string[];

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [provideRouter([])] });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(RoomJoinComponent);
    root = fixture.nativeElement;
    joined = [];
    fixture.componentInstance.joined.subscribe((id) => joined.push(id));
  });
  afterEach(() => apollo.verify());

  const text = (id: string) => byTestId(root, id)[0]?.textContent?.trim().replace(/\s+/g, ' ');

  async function show(room: Record<string, unknown>): Promise<void> {
    fixture.componentRef.setInput('room', roomPayload({ me: null, ...room }));
    await settle(fixture);
  }

  /** Presses Join; the server refuses with `code`. */
  async function refusedWith(code: string): Promise<void> {
    byTestId(root, 'join-room')[0]!.click();
    await settle(fixture);
    apollo.expectOne('JoinRoom').graphqlErrors([roomError(code)]);
    await settle(fixture);
  }

  it('joins with the password the room asks for', async () => {
    await show({ hasPassword: true });
    typeInto(byTestId(root, 'join-password')[0], 'hunter22');
    byTestId(root, 'join-room')[0]!.click();
    await settle(fixture);
    const op = apollo.expectOne('JoinRoom');
    expect(op.operation.variables).toEqual({ roomId: 'room-1', password: 'hunter22', inviteToken: null });
    op.flushData({ joinRoom: { __typename: 'Room', id: 'room-1' } });
    await settle(fixture);
    expect(joined).toEqual(['room-1']);
  });

  it('says how full a full room is', async () => {
    await show({ presentCount: 10, capacity: 10 });
    await refusedWith('ROOM_FULL');
    expect(text('join-error')).toBe('This room is full (10 of 10).');
    expect(byTestId(root, 'join-error')[0]!.dataset['code']).toBe('ROOM_FULL');
    expect(joined).toEqual([]);
  });

  it('asks for the password again after a wrong one, and empties the box', async () => {
    await show({ hasPassword: true });
    typeInto(byTestId(root, 'join-password')[0], 'wrong');
    await refusedWith('ROOM_PASSWORD_INVALID');
    expect(text('join-error')).toBe('That password is not right.');
    const box = byTestId(root, 'join-password')[0] as HTMLInputElement;
    expect(box.value).toBe('');
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the password box when the server says one is needed', async () => {
    await show({ hasPassword: false });
    expect(byTestId(root, 'join-password')).toHaveLength(0);
    await refusedWith('ROOM_PASSWORD_REQUIRED');
    expect(text('join-error')).toBe('This room needs a password.');
    expect(byTestId(root, 'join-password')).toHaveLength(1);
  });

  it('explains a lock and too many wrong passwords (then stops offering to try)', async () => {
    await show({ locked: true });
    expect(text('join-locked')).toContain('Locked');
    await refusedWith('ROOM_LOCKED');
    expect(text('join-error')).toBe('This room is locked: nobody new may join until the host unlocks it.');
    await refusedWith('ROOM_PASSWORD_ATTEMPTS');
    expect(text('join-error')).toBe('Too many wrong passwords. Wait a while (up to 15 minutes) and try again.');
    expect((byTestId(root, 'join-room')[0] as HTMLButtonElement).disabled).toBe(true);
  });

  it('tells a removed person why, without a Join button', async () => {
    await show({});
    await refusedWith('ROOM_KICKED');
    expect(text('join-error')).toContain('You were removed from this room');
    expect(byTestId(root, 'join-room')).toHaveLength(0);
  });

  it('says a room is gone the same way whether it never existed or cannot be seen', async () => {
    await show({});
    await refusedWith('ROOM_NOT_FOUND');
    expect(text('join-error')).toBe('This room does not exist, or you cannot see it.');
    expect(byTestId(root, 'join-room')).toHaveLength(0);
  });

  it('offers Reopen on an archived room to its moderators only', async () => {
    await show({ status: 'archived', me: memberPayload('u3', 'moderator', { present: false }) });
    expect(text('join-archived')).toContain('Reopen it to start a new live session.');
    byTestId(root, 'room-reopen')[0]!.click();
    await settle(fixture);
    apollo.expectOne('ReopenRoom').flushData({ reopenRoom: { __typename: 'Room', id: 'room-1', status: 'created' } });
    await settle(fixture);

    fixture.componentRef.setInput('room', roomPayload({ status: 'archived', me: memberPayload('u4', 'participant', { present: false }) }));
    await settle(fixture);
    expect(text('join-archived')).toContain('Its host or a moderator can reopen it.');
    expect(byTestId(root, 'room-reopen')).toHaveLength(0);
  });

  it('maps an archived refusal to Reopen for staff, and to words for everyone else', async () => {
    await show({ me: memberPayload('u3', 'moderator', { present: false }) });
    await refusedWith('ROOM_ARCHIVED');
    expect(text('join-error')).toBe('This room is archived.');
    expect(byTestId(root, 'room-reopen')).toHaveLength(1);

    fixture.componentRef.setInput('room', roomPayload({ me: null }));
    await settle(fixture);
    await refusedWith('ROOM_ARCHIVED');
    expect(text('join-error')).toBe('This room is archived. Its host or a moderator can reopen it.');
    expect(byTestId(root, 'room-reopen')).toHaveLength(0);
  });
});
