import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { ParticleField } from '../effects/particles';
import { ThemeService } from '../theme.service';
import { AMBIENT_SOUND } from '../theme.tokens';

/**
 * The effective theme's particles (a canvas behind the page) and ambient sound, while effects are on and
 * the system does not ask for reduced motion. Sound waits for the user's first click or key press, which
 * browsers require before audio may start.
 */
@Component({
  selector: 'app-theme-effects',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (particles()) {
      <canvas
        #canvas
        class="theme-particles"
        aria-hidden="true"
        data-testid="theme-particles"
      ></canvas>
    }
  `,
  styles: `
    .theme-particles {
      position: fixed;
      inset: 0;
      z-index: -1;
      width: 100vw;
      height: 100vh;
      pointer-events: none;
    }
  `,
})
export class ThemeEffectsComponent {
  private readonly theme = inject(ThemeService);
  private readonly play = inject(AMBIENT_SOUND);
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly gestured = signal(false);

  protected readonly particles = computed(() =>
    this.theme.effectsActive() ? (this.theme.effective().particles ?? null) : null,
  );
  /** The sound to play now: effects on, a theme with sound, and a user gesture seen. */
  readonly sound = computed(() =>
    this.theme.effectsActive() && this.gestured() ? (this.theme.effective().sound ?? null) : null,
  );

  constructor() {
    const document = inject(DOCUMENT);
    const view = document.defaultView!;
    const allow = () => this.gestured.set(true);
    const options = { capture: true, once: true } as const;
    document.addEventListener('pointerdown', allow, options);
    document.addEventListener('keydown', allow, options);
    inject(DestroyRef).onDestroy(() => {
      document.removeEventListener('pointerdown', allow, options);
      document.removeEventListener('keydown', allow, options);
    });

    effect((onCleanup) => {
      const spec = this.particles();
      const canvas = this.canvas()?.nativeElement;
      const context = canvas?.getContext('2d');
      if (!spec || !canvas || !context) return;
      const fit = () => {
        canvas.width = view.innerWidth;
        canvas.height = view.innerHeight;
        field.resize(canvas.width, canvas.height);
      };
      const field = new ParticleField(spec, view.innerWidth, view.innerHeight);
      fit();
      let last = view.performance.now();
      let frame = view.requestAnimationFrame(function draw(now: number) {
        // A hidden tab pauses frames: never jump particles across the screen on return.
        field.step(context, Math.min(0.1, (now - last) / 1000));
        last = now;
        frame = view.requestAnimationFrame(draw);
      });
      view.addEventListener('resize', fit);
      onCleanup(() => {
        view.cancelAnimationFrame(frame);
        view.removeEventListener('resize', fit);
      });
    });

    effect((onCleanup) => {
      const sound = this.sound();
      if (sound) onCleanup(this.play(sound));
    });
  }
}
