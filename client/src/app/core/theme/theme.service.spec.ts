import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeRealtimeConnection } from '../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../testing/fixtures';
import { AuthSession } from '../auth/auth-session.service';
import { RealtimeConnection } from '../realtime-connection';
import { THEME_KEYS, ThemeService, type MonacoThemeInput } from './theme.service';
import { PREFERS_REDUCED_MOTION, THEME_STORAGE, type ThemeStorage } from './theme.tokens';

/** `localStorage` as a map the test can read and preset. */
class MemoryStorage implements ThemeStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe('ThemeService', () => {
  let apollo: ApolloTestingController;
  let storage: MemoryStorage;
  let reduceMotion: ReturnType<typeof signal<boolean>>;
  const html = document.documentElement;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => {
    storage = new MemoryStorage();
    reduceMotion = signal(false);
    html.removeAttribute('style');
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: THEME_STORAGE, useValue: storage },
        { provide: PREFERS_REDUCED_MOTION, useValue: reduceMotion.asReadonly() },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  /** The service once `authState` answered with this viewer (null: signed out). */
  async function serviceFor(viewer: Record<string, unknown> | null): Promise<ThemeService> {
    const theme = TestBed.inject(ThemeService);
    const loading = TestBed.inject(AuthSession).ensureLoaded();
    await tick();
    apollo
      .expectOne('AuthState')
      .flushData(authStatePayload(true, viewer && viewerPayload(viewer)));
    await loading;
    TestBed.tick();
    return theme;
  }

  const painted = () => ({
    bg: html.style.getPropertyValue('--bg'),
    text: html.style.getPropertyValue('--text'),
    scheme: html.style.colorScheme,
    id: html.dataset['theme'],
  });

  it('shows the default theme to a user who never chose one, with effects off', async () => {
    const theme = await serviceFor({ themeId: null });
    expect(theme.effective().id).toBe('corporate-professional');
    expect(painted()).toEqual({
      bg: '#f6f7f9',
      text: '#1c2330',
      scheme: 'light',
      id: 'corporate-professional',
    });
    expect([theme.effectsEnabled(), theme.effectsActive()]).toEqual([false, false]);
  });

  it('applies the theme saved on the account', async () => {
    const theme = await serviceFor({ themeId: 'tokyo-night' });
    expect(theme.own().name).toBe('Tokyo Night');
    expect(painted()).toEqual({
      bg: '#1a1b26',
      text: '#c0caf5',
      scheme: 'dark',
      id: 'tokyo-night',
    });
  });

  it('chooses a theme: applies it at once, saves it on the account and in this browser', async () => {
    const theme = await serviceFor({ themeId: null });
    const choosing = theme.choose('forest-sanctuary');
    TestBed.tick();
    expect(painted().id).toBe('forest-sanctuary');
    const op = apollo.expectOne('SetTheme');
    expect(op.operation.variables).toEqual({ themeId: 'forest-sanctuary' });
    op.flushData({ setTheme: { __typename: 'User', id: 'u1', themeId: 'forest-sanctuary' } });
    expect(await choosing).toEqual({
      ok: true,
      value: expect.objectContaining({ id: 'forest-sanctuary' }),
    });
    TestBed.tick();
    expect(storage.items.get(THEME_KEYS.own)).toBe('forest-sanctuary');
    // What public/theme-boot.js paints on the next load, before the app runs.
    expect(JSON.parse(storage.items.get(THEME_KEYS.paint)!)).toMatchObject({
      dark: true,
      css: { '--bg': '#121c16' },
    });
  });

  it('puts the previous theme back when saving fails, and refuses an unknown theme unasked', async () => {
    const theme = await serviceFor({ themeId: 'night-owl' });
    const choosing = theme.choose('deep-focus');
    apollo
      .expectOne('SetTheme')
      .graphqlErrors([{ message: 'no', extensions: { code: 'INTERNAL' } }]);
    expect((await choosing).ok).toBe(false);
    TestBed.tick();
    expect([theme.own().id, painted().id]).toEqual(['night-owl', 'night-owl']);

    const unknown = await theme.choose('comic-sans');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    apollo.expectNone('SetTheme');
  });

  it('follows the room host’s theme, and the own one comes back on leaving', async () => {
    const theme = await serviceFor({ themeId: 'nordic-minimal' });
    theme.setRoomTheme('cyberpunk-rush');
    TestBed.tick();
    expect([theme.effective().id, painted().bg]).toEqual(['cyberpunk-rush', '#0d0221']);
    expect(theme.own().id).toBe('nordic-minimal');
    theme.setRoomTheme(null);
    TestBed.tick();
    expect(painted().id).toBe('nordic-minimal');
  });

  it('lets a person opt out of the host’s theme, remembered in this browser', async () => {
    const theme = await serviceFor({ themeId: 'nordic-minimal' });
    theme.setRoomTheme('cyberpunk-rush');
    theme.setFollowRoomTheme(false);
    TestBed.tick();
    expect([theme.effective().id, painted().id]).toEqual(['nordic-minimal', 'nordic-minimal']);
    expect(storage.items.get(THEME_KEYS.followRoom)).toBe('false');
    theme.setFollowRoomTheme(true);
    expect(theme.effective().id).toBe('cyberpunk-rush');
  });

  it('starts with the opt-out a previous visit stored', async () => {
    storage.setItem(THEME_KEYS.followRoom, 'false');
    const theme = await serviceFor({ themeId: null });
    theme.setRoomTheme('night-owl');
    expect([theme.followRoomTheme(), theme.effective().id]).toEqual([
      false,
      'corporate-professional',
    ]);
  });

  it('keeps effects off while the system asks for reduced motion, whatever the setting', async () => {
    const theme = await serviceFor({ themeId: 'midnight-hacker-den' });
    reduceMotion.set(true);
    theme.setEffectsEnabled(true);
    expect([theme.effectsEnabled(), theme.effectsActive()]).toEqual([true, false]);
    expect(storage.items.get(THEME_KEYS.effects)).toBe('true');
    reduceMotion.set(false);
    expect(theme.effectsActive()).toBe(true);
  });

  it('paints this browser’s last theme while signed out, and themes Monaco once an editor loads it', async () => {
    storage.setItem(THEME_KEYS.own, 'space-station-lab');
    const theme = await serviceFor(null);
    expect(painted().id).toBe('space-station-lab');
    const defined: [string, MonacoThemeInput][] = [];
    const set: string[] = [];
    theme.attachMonaco({
      editor: { defineTheme: (n, d) => defined.push([n, d]), setTheme: (n) => set.push(n) },
    });
    expect(set).toEqual(['atelier-space-station-lab']);
    expect(defined[0]![1]).toMatchObject({
      base: 'vs-dark',
      colors: { 'editor.background': '#101828' },
    });
    // Signed out, a choice stays in this browser: nothing to save it to.
    await theme.choose('coffee-shop-cowork');
    TestBed.tick();
    expect(set).toEqual(['atelier-space-station-lab', 'atelier-coffee-shop-cowork']);
    apollo.expectNone('SetTheme');
  });
});
