import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { reasonLabel } from '../models/model-format';
import type { CatalogModel } from '../models/model.models';

/**
 * Edits one role's chain: models from the catalog in order of preference, moved up or removed. Emits the
 * chain to save, or a reset to the inherited chain; the server's error for the chain shows underneath.
 */
@Component({
  selector: 'app-role-chain-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="chain-draft" data-testid="chain-draft">
      @for (id of draft(); track id; let i = $index) {
        <li data-testid="chain-item" [attr.data-model-id]="id">
          <code>{{ id }}</code>
          <button
            type="button"
            class="text-button"
            [disabled]="i === 0"
            (click)="moveUp(i)"
            [attr.aria-label]="'Prefer ' + id"
          >
            ↑
          </button>
          <button
            type="button"
            class="text-button"
            data-testid="chain-remove"
            (click)="remove(i)"
            [attr.aria-label]="'Remove ' + id"
          >
            ✕
          </button>
        </li>
      } @empty {
        <li class="muted">No models: saving an empty chain resets to the inherited one.</li>
      }
    </ol>
    <div class="chain-add">
      <select
        data-testid="chain-model-select"
        #pick
        [attr.aria-label]="'Add a model for ' + role()"
      >
        @for (m of choices(); track m.id) {
          <option [value]="m.id">
            {{ m.displayName }} ({{ m.id }}){{
              m.available ? '' : ' · ' + reason(m.unavailableReason)
            }}
          </option>
        }
      </select>
      <button
        type="button"
        class="button"
        data-testid="chain-add"
        [disabled]="!choices().length"
        (click)="add(pick.value)"
      >
        Add
      </button>
    </div>
    @if (error(); as message) {
      <p class="field-error error" role="alert" data-testid="chain-error">{{ message }}</p>
    }
    <div class="chain-actions">
      <button
        type="button"
        class="button primary"
        data-testid="chain-save"
        [disabled]="pending()"
        (click)="save.emit(draft())"
      >
        Save chain
      </button>
      @if (overridden()) {
        <button
          type="button"
          class="button"
          data-testid="chain-reset"
          [disabled]="pending()"
          (click)="save.emit([])"
        >
          Reset to inherited
        </button>
      }
      <button type="button" class="text-button" data-testid="chain-cancel" (click)="cancel.emit()">
        Cancel
      </button>
    </div>
  `,
  styles: `
    .text-button {
      background: none;
      border: 0;
      padding: 0 4px;
      color: var(--accent);
      font: inherit;
      cursor: pointer;
    }
    .text-button:disabled {
      color: var(--muted, #98a2b3);
      cursor: default;
    }
    .chain-draft {
      margin: 6px 0;
      padding-left: 20px;
    }
    .chain-add,
    .chain-actions {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-top: 6px;
    }
  `,
})
export class RoleChainEditorComponent {
  readonly role = input.required<string>();
  /** The chain in force when editing began. */
  readonly initial = input.required<readonly string[]>();
  /** Whether the project overrides this role (so a reset means something). */
  readonly overridden = input(false);
  readonly catalog = input.required<readonly CatalogModel[]>();
  readonly error = input<string | null>(null);
  readonly pending = input(false);
  readonly save = output<string[]>();
  readonly cancel = output<void>();

  private readonly edits = signal<string[] | null>(null);
  protected readonly draft = computed(() => this.edits() ?? [...this.initial()]);
  protected readonly choices = computed(() =>
    this.catalog().filter((m) => !this.draft().includes(m.id)),
  );
  protected readonly reason = reasonLabel;

  protected add(id: string): void {
    if (id && !this.draft().includes(id)) this.edits.set([...this.draft(), id]);
  }

  protected remove(index: number): void {
    this.edits.set(this.draft().filter((_, i) => i !== index));
  }

  protected moveUp(index: number): void {
    const next = [...this.draft()];
    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
    this.edits.set(next);
  }
}
