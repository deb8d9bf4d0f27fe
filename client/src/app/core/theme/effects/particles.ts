import type { ParticleKind, ThemeParticles } from '@contracts/themes';

/** At most this many particles, and one per this many CSS px² of window: subtle, and cheap on a laptop. */
const MAX_PARTICLES = 140;
const AREA_PER_PARTICLE = 9000;

interface Particle {
  x: number;
  y: number;
  /** px per second. */
  vx: number;
  vy: number;
  size: number;
  /** Free phase for sway, twinkle and spin. */
  phase: number;
}

/** How each kind moves and looks; speeds in px/s, sizes in px. */
const KINDS: Record<ParticleKind, { vy: [number, number]; size: [number, number]; alpha: number }> =
  {
    stars: { vy: [-2, 2], size: [0.6, 1.8], alpha: 0.8 },
    rain: { vy: [380, 620], size: [10, 22], alpha: 0.35 },
    snow: { vy: [18, 45], size: [1.2, 3.2], alpha: 0.7 },
    bubbles: { vy: [-45, -18], size: [3, 9], alpha: 0.45 },
    leaves: { vy: [25, 55], size: [4, 7], alpha: 0.6 },
    embers: { vy: [-60, -25], size: [1, 2.6], alpha: 0.75 },
  };

const between = ([low, high]: [number, number]) => low + Math.random() * (high - low);

/** A canvas full of one theme's particles; the component drives `step` from requestAnimationFrame. */
export class ParticleField {
  private particles: Particle[] = [];
  private time = 0;

  constructor(
    private readonly spec: ThemeParticles,
    private width: number,
    private height: number,
  ) {
    this.resize(width, height);
  }

  /** Keeps the particle count in step with the window. */
  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    const budget = Math.min(MAX_PARTICLES, (width * height) / AREA_PER_PARTICLE);
    const count = Math.round(budget * this.spec.density);
    this.particles = this.particles.slice(0, count);
    while (this.particles.length < count) this.particles.push(this.spawn(Math.random() * height));
  }

  /** Moves every particle by `seconds` and draws the frame. */
  step(context: CanvasRenderingContext2D, seconds: number): void {
    this.time += seconds;
    context.clearRect(0, 0, this.width, this.height);
    context.fillStyle = context.strokeStyle = this.spec.color;
    for (const p of this.particles) {
      p.x += (p.vx + this.sway(p)) * seconds;
      p.y += p.vy * seconds;
      if (p.y > this.height + 30 || p.y < -30 || p.x < -30 || p.x > this.width + 30) {
        Object.assign(p, this.spawn(p.vy > 0 ? -20 : this.height + 20));
      }
      this.draw(context, p);
    }
    context.globalAlpha = 1;
  }

  private spawn(y: number): Particle {
    const kind = KINDS[this.spec.kind];
    return {
      x: Math.random() * this.width,
      y,
      vx: this.spec.kind === 'rain' ? -40 : 0,
      vy: between(kind.vy),
      size: between(kind.size),
      phase: Math.random() * Math.PI * 2,
    };
  }

  private sway(p: Particle): number {
    const amplitude = { snow: 14, leaves: 30, bubbles: 10, embers: 8, stars: 0, rain: 0 }[
      this.spec.kind
    ];
    return amplitude * Math.sin(this.time * 0.8 + p.phase);
  }

  private draw(context: CanvasRenderingContext2D, p: Particle): void {
    const { alpha } = KINDS[this.spec.kind];
    switch (this.spec.kind) {
      case 'stars':
        context.globalAlpha = alpha * (0.35 + 0.65 * Math.abs(Math.sin(this.time * 0.7 + p.phase)));
        return this.dot(context, p.x, p.y, p.size);
      case 'rain':
        context.globalAlpha = alpha;
        context.lineWidth = 1;
        context.beginPath();
        context.moveTo(p.x, p.y);
        context.lineTo(p.x - p.size * 0.08, p.y + p.size);
        return context.stroke();
      case 'bubbles':
        context.globalAlpha = alpha;
        context.lineWidth = 1.2;
        context.beginPath();
        context.arc(p.x, p.y, p.size, 0, Math.PI * 2);
        return context.stroke();
      case 'leaves':
        context.globalAlpha = alpha;
        context.beginPath();
        context.ellipse(p.x, p.y, p.size, p.size * 0.45, this.time + p.phase, 0, Math.PI * 2);
        return context.fill();
      case 'embers':
        context.globalAlpha = alpha * (0.5 + 0.5 * Math.abs(Math.sin(this.time * 3 + p.phase)));
        return this.dot(context, p.x, p.y, p.size);
      case 'snow':
        context.globalAlpha = alpha;
        return this.dot(context, p.x, p.y, p.size);
    }
  }

  private dot(context: CanvasRenderingContext2D, x: number, y: number, radius: number): void {
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.fill();
  }
}
