import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { CONFIRM } from '../../../shared/browser.tokens';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import type { RoomInside } from '../models/room.models';
import { RoomSession } from '../services/room-session';
import { memberPayload, roomPayload } from '../testing/room-payloads';
import { MembersPanelComponent } from './members-panel.component';

const HOST = memberPayload('u1', 'host', { displayName: 'Ada' });
const MOD = memberPayload('u2', 'moderator', { displayName: 'Bo' });
const PART = memberPayload('u3', 'participant', { displayName: 'Cy' });
const VIEWER = memberPayload('u4', 'viewer', { displayName: 'Di', mutedUntil: '2999-01-01T00:00:00.000Z' });

describe('MembersPanelComponent', () => {
  let fixture: ComponentFixture<MembersPanelComponent>;
  let apollo: ApolloTestingController;
  let session: RoomSession;
  let root: HTMLElement;
  let confirmed: string[];

  beforeEach(() => {
    confirmed = [];
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        RoomSession,
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: CONFIRM, useValue: (q: string) => (confirmed.push(q), true) },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    session = TestBed.inject(RoomSession);
    fixture = TestBed.createComponent(MembersPanelComponent);
    root = fixture.nativeElement;
  });

  /** The panel as `me` sees the four members. */
  async function as(me: Record<string, unknown>): Promise<void> {
    session.room.set(roomPayload({ me, members: [VIEWER, PART, MOD, HOST] }) as unknown as RoomInside);
    await settle(fixture);
  }

  const row = (name: string) =>
    byTestId(root, 'member-row').find((r) => r.textContent?.includes(name))!;
  /** The actions in `name`'s menu (opened), or null when they have no menu. */
  async function menuOf(name: string): Promise<string[] | null> {
    const button = row(name).querySelector<HTMLElement>('[data-testid="member-menu-button"]');
    if (!button) return null;
    button.click();
    await settle(fixture);
    return byTestId(row(name), 'member-action').map((a) => a.dataset['action']!);
  }

  it('lists the host first, then by role, with role badges and who is muted', async () => {
    await as(HOST);
    expect(byTestId(root, 'member-row').map((r) => r.dataset['role'])).toEqual(['host', 'moderator', 'participant', 'viewer']);
    expect(byTestId(row('Di'), 'member-role')[0]!.textContent?.trim()).toBe('Viewer');
    expect(byTestId(row('Di'), 'member-muted')).toHaveLength(1);
  });

  it('gives the host every action on lower members, making host included', async () => {
    await as(HOST);
    expect(await menuOf('Ada')).toBeNull();
    expect(await menuOf('Bo')).toEqual(['role:participant', 'role:viewer', 'mute:5', 'mute:15', 'mute:60', 'kick', 'host']);
    expect(await menuOf('Cy')).toEqual(['role:moderator', 'role:viewer', 'mute:5', 'mute:15', 'mute:60', 'kick', 'host']);
    expect(await menuOf('Di')).toEqual(['role:moderator', 'role:participant', 'mute:5', 'mute:15', 'mute:60', 'unmute', 'kick', 'host']);
  });

  it('gives a moderator actions only on participants and viewers, never making moderators or hosts', async () => {
    await as(MOD);
    expect(await menuOf('Ada')).toBeNull();
    expect(await menuOf('Bo')).toBeNull();
    expect(await menuOf('Cy')).toEqual(['role:viewer', 'mute:5', 'mute:15', 'mute:60', 'kick']);
    expect(await menuOf('Di')).toEqual(['role:participant', 'mute:5', 'mute:15', 'mute:60', 'unmute', 'kick']);
  });

  it('gives participants and viewers no menu at all', async () => {
    await as(PART);
    expect(byTestId(root, 'member-menu-button')).toHaveLength(0);
    await as(VIEWER);
    expect(byTestId(root, 'member-menu-button')).toHaveLength(0);
  });

  it('mutes for the chosen minutes, and removes someone only once confirmed', async () => {
    await as(HOST);
    await menuOf('Cy');
    byTestId(row('Cy'), 'member-action').find((a) => a.dataset['action'] === 'mute:15')!.click();
    await settle(fixture);
    const mute = apollo.expectOne('MuteRoomMember');
    expect(mute.operation.variables).toEqual({ roomId: 'room-1', userId: 'u3', minutes: 15 });
    mute.flushData({ muteRoomMember: { ...PART, mutedUntil: '2999-01-01T00:00:00.000Z' } });
    await settle(fixture);

    await menuOf('Cy');
    byTestId(row('Cy'), 'member-action').find((a) => a.dataset['action'] === 'kick')!.click();
    await settle(fixture);
    expect(confirmed).toEqual(['Remove Cy from the room? Only a new invite link lets them back in.']);
    const kick = apollo.expectOne('KickRoomMember');
    expect(kick.operation.variables).toEqual({ roomId: 'room-1', userId: 'u3' });
    kick.flushData({ kickRoomMember: true });
    await settle(fixture);
  });

  it('closes the menu with Escape, and moves through it with the arrow keys', async () => {
    await as(HOST);
    await menuOf('Cy');
    const items = byTestId(row('Cy'), 'member-action');
    expect(document.activeElement).toBe(items[0]);
    items[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(items[1]);
    items[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle(fixture);
    expect(byTestId(root, 'member-menu')).toHaveLength(0);
  });
});
