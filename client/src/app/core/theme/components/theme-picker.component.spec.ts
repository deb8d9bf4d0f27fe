import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../../testing/fixtures';
import { AuthSession } from '../../auth/auth-session.service';
import { RealtimeConnection } from '../../realtime-connection';
import { ThemeService } from '../theme.service';
import { PREFERS_REDUCED_MOTION, THEME_STORAGE } from '../theme.tokens';
import { ThemePickerComponent } from './theme-picker.component';

describe('ThemePickerComponent', () => {
  let fixture: ComponentFixture<ThemePickerComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let reduceMotion: ReturnType<typeof signal<boolean>>;

  beforeEach(async () => {
    reduceMotion = signal(false);
    const items = new Map<string, string>();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        {
          provide: THEME_STORAGE,
          useValue: {
            getItem: (k: string) => items.get(k) ?? null,
            setItem: (k: string, v: string) => items.set(k, v),
          },
        },
        { provide: PREFERS_REDUCED_MOTION, useValue: reduceMotion.asReadonly() },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    const loading = TestBed.inject(AuthSession).ensureLoaded();
    await new Promise((resolve) => setTimeout(resolve, 0));
    apollo
      .expectOne('AuthState')
      .flushData(authStatePayload(true, viewerPayload({ themeId: 'night-owl' })));
    await loading;
  });

  afterEach(() => apollo.verify());

  async function open(inline = false): Promise<void> {
    fixture = TestBed.createComponent(ThemePickerComponent);
    fixture.componentRef.setInput('inline', inline);
    root = fixture.nativeElement;
    await settle(fixture);
    if (!inline) {
      byTestId(root, 'theme-picker-toggle')[0]!.click();
      await settle(fixture);
    }
  }

  const radio = (id: string) =>
    root.querySelector<HTMLInputElement>(`[data-testid="theme-option-${id}"] input`)!;

  it('opens from the top bar on the own theme and saves the one picked', async () => {
    await open();
    const toggle = byTestId(root, 'theme-picker-toggle')[0]!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Theme: Night Owl');
    expect(root.querySelectorAll('input[type=radio]')).toHaveLength(12);
    expect(root.querySelectorAll('.theme-option .swatch')).toHaveLength(12);
    expect(radio('night-owl').checked).toBe(true);
    expect(document.activeElement).toBe(radio('night-owl'));

    radio('sunset-beach-studio').click();
    await settle(fixture);
    apollo
      .expectOne('SetTheme')
      .flushData({ setTheme: { __typename: 'User', id: 'u1', themeId: 'sunset-beach-studio' } });
    await settle(fixture);
    expect(TestBed.inject(ThemeService).own().id).toBe('sunset-beach-studio');
    expect(document.documentElement.dataset['theme']).toBe('sunset-beach-studio');

    byTestId(root, 'theme-picker')[0]!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await settle(fixture);
    expect(byTestId(root, 'theme-picker')).toHaveLength(0);
    expect(document.activeElement).toBe(toggle);
  });

  it('shows the server’s refusal and keeps the previous theme', async () => {
    await open(true);
    radio('deep-focus').click();
    await settle(fixture);
    apollo.expectOne('SetTheme').networkError(new Error('offline'));
    await settle(fixture, 10);
    expect(byTestId(root, 'theme-error')[0]?.textContent).toContain(
      'Cannot reach the Atelier server',
    );
    expect(radio('night-owl').checked).toBe(true);
  });

  it('offers following the host only in a room, and turns effects on and off', async () => {
    await open(true);
    expect(byTestId(root, 'theme-follow-room')).toHaveLength(0);
    const theme = TestBed.inject(ThemeService);
    theme.setRoomTheme('cyberpunk-rush');
    await settle(fixture);
    expect(byTestId(root, 'theme-room-note')[0]?.textContent).toContain('Cyberpunk Rush');
    byTestId(root, 'theme-follow-room')[0]!.click();
    await settle(fixture);
    expect([theme.followRoomTheme(), theme.effective().id]).toEqual([false, 'night-owl']);
    expect(byTestId(root, 'theme-room-note')).toHaveLength(0);

    const effects = byTestId(root, 'theme-effects')[0] as HTMLInputElement;
    expect(effects.checked).toBe(false);
    effects.click();
    await settle(fixture);
    expect(theme.effectsActive()).toBe(true);
  });

  it('disables effects while the system asks for reduced motion', async () => {
    reduceMotion.set(true);
    TestBed.inject(ThemeService).setEffectsEnabled(true);
    await open(true);
    const effects = byTestId(root, 'theme-effects')[0] as HTMLInputElement;
    expect([effects.checked, effects.disabled]).toEqual([false, true]);
    expect(byTestId(root, 'theme-reduced-motion')).toHaveLength(1);
  });
});
