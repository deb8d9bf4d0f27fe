import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingModule } from 'apollo-angular/testing';
import type { ThemeSound } from '@contracts/themes';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import { RealtimeConnection } from '../../realtime-connection';
import { ThemeService } from '../theme.service';
import { AMBIENT_SOUND, PREFERS_REDUCED_MOTION, THEME_STORAGE } from '../theme.tokens';
import { ThemeEffectsComponent } from './theme-effects.component';

describe('ThemeEffectsComponent', () => {
  let fixture: ComponentFixture<ThemeEffectsComponent>;
  let root: HTMLElement;
  let theme: ThemeService;
  let reduceMotion: ReturnType<typeof signal<boolean>>;
  /** Sounds started, and how many were stopped. */
  let playing: ThemeSound[];
  let stopped: number;

  beforeEach(async () => {
    reduceMotion = signal(false);
    playing = [];
    stopped = 0;
    // jsdom draws nothing: the component then keeps the canvas and skips the animation.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: THEME_STORAGE, useValue: { getItem: () => null, setItem: () => undefined } },
        { provide: PREFERS_REDUCED_MOTION, useValue: reduceMotion.asReadonly() },
        {
          provide: AMBIENT_SOUND,
          useValue: (sound: ThemeSound) => (playing.push(sound), () => stopped++),
        },
      ],
    });
    theme = TestBed.inject(ThemeService);
    theme.setRoomTheme('midnight-hacker-den'); // rain particles and key sounds
    fixture = TestBed.createComponent(ThemeEffectsComponent);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => jest.restoreAllMocks());

  const gesture = () => document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));

  it('draws and plays nothing while effects are off (the default)', async () => {
    gesture();
    await settle(fixture);
    expect(byTestId(root, 'theme-particles')).toHaveLength(0);
    expect(playing).toEqual([]);
  });

  it('shows particles when turned on, and plays sound only after a user gesture', async () => {
    theme.setEffectsEnabled(true);
    await settle(fixture);
    expect(byTestId(root, 'theme-particles')).toHaveLength(1);
    expect(playing).toEqual([]);
    gesture();
    await settle(fixture);
    expect(playing).toEqual([{ kind: 'keys', volume: 0.3 }]);

    theme.setEffectsEnabled(false);
    await settle(fixture);
    expect([byTestId(root, 'theme-particles').length, stopped]).toEqual([0, 1]);
  });

  it('stops everything when the system asks for reduced motion', async () => {
    theme.setEffectsEnabled(true);
    gesture();
    await settle(fixture);
    expect(playing).toHaveLength(1);
    reduceMotion.set(true);
    await settle(fixture);
    expect([byTestId(root, 'theme-particles').length, stopped]).toEqual([0, 1]);
  });

  it('changes sound with the theme', async () => {
    theme.setEffectsEnabled(true);
    gesture();
    await settle(fixture);
    theme.setRoomTheme('coffee-shop-cowork');
    await settle(fixture);
    expect(playing.map((s) => s.kind)).toEqual(['keys', 'cafe']);
    expect(stopped).toBe(1);
  });
});
