import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import type { ModelMode } from '../models/model.models';
import { ModelsApi } from './models-api.service';

/**
 * Whether the caller's agents run on the offline provider, shared by the header badge and the banners.
 * Read once per viewer (the badge should cost one small query) and whenever a page reads the catalog.
 */
@Injectable({ providedIn: 'root' })
export class ModelModeStatus {
  private readonly api = inject(ModelsApi);
  private readonly state = signal<Result<ModelMode> | null>(null);
  private viewer: string | null = null;
  private generation = 0;

  /** The last answer, or null before the first one. */
  readonly mode = this.state.asReadonly();
  /** The mode when known to be offline, else null (unknown or failed reads show nothing). */
  readonly offline = computed(() => {
    const mode = this.state();
    return mode?.ok && mode.value.offline ? mode.value : null;
  });

  /** Loads for a new viewer (an id, or any stable key in single-user mode); forgets on sign-out. */
  follow(viewer: string | null): void {
    if (viewer === this.viewer) return;
    this.viewer = viewer;
    this.generation++;
    this.state.set(null);
    if (viewer) void this.refresh();
  }

  /** Reads the mode again (a key was added or removed); nothing while no viewer is followed. */
  async refresh(): Promise<void> {
    if (!this.viewer) return;
    const generation = this.generation;
    const result = await firstValueFrom(this.api.mode());
    if (generation === this.generation) this.state.set(result);
  }

  /** A fresher answer read along with the catalog. */
  accept(mode: ModelMode): void {
    this.state.set({ ok: true, value: mode });
  }
}
