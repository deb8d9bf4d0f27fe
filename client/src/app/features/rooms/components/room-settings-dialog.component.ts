import { ChangeDetectionStrategy, Component, type OnInit, inject, input, output, signal } from '@angular/core';
import { Router } from '@angular/router';
import { ROOM_LIMITS } from '@contracts/rooms';
import { CONFIRM } from '../../../shared/browser.tokens';
import { FormState, type FormErrors } from '../../../shared/form-state';
import { asFormError } from '../models/room-error';
import type { RoomView } from '../models/room.models';
import { RoomsApi } from '../services/rooms-api.service';
import { RoomDialogComponent } from './room-dialog.component';

type SettingsForm = {
  name: string;
  description: string;
  visibility: string;
  capacity: string;
  password: string;
};

function validate(max: number) {
  return (v: SettingsForm): FormErrors<SettingsForm> => {
    const errors: FormErrors<SettingsForm> = {};
    if (!v.name.trim()) errors.name = 'Give the room a name.';
    const capacity = Number(v.capacity);
    if (!Number.isInteger(capacity) || capacity < 2 || capacity > max) errors.capacity = `2 to ${max} people.`;
    if (v.password && (v.password.length < ROOM_LIMITS.passwordMin || v.password.length > ROOM_LIMITS.passwordMax))
      errors.password = `${ROOM_LIMITS.passwordMin} to ${ROOM_LIMITS.passwordMax} characters.`;
    return errors;
  };
}

/** The host's settings: name, description, who can find it, capacity (up to the tier's), password; delete. */
@Component({
  selector: 'app-room-settings-dialog',
  imports: [RoomDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './room-settings-dialog.component.html',
  styleUrl: './room-form.css',
})
export class RoomSettingsDialogComponent implements OnInit {
  readonly room = input.required<RoomView>();
  readonly saved = output<void>();
  readonly closed = output<void>();
  private readonly api = inject(RoomsApi);
  private readonly router = inject(Router);
  private readonly confirm = inject(CONFIRM);
  protected readonly removePassword = signal(false);
  protected form!: FormState<SettingsForm>;
  protected readonly limits = ROOM_LIMITS;

  ngOnInit(): void {
    const r = this.room();
    this.form = new FormState<SettingsForm>(
      { name: r.name, description: r.description, visibility: r.visibility, capacity: String(r.capacity), password: '' },
      validate(r.maxCapacity),
    );
  }

  protected set(field: keyof SettingsForm, event: Event): void {
    this.form.set(field, (event.target as HTMLInputElement).value);
  }

  protected async submit(): Promise<void> {
    if (!this.form.begin()) return;
    const v = this.form.value();
    const password = this.removePassword() ? '' : v.password || null;
    const result = await this.api.update(this.room().id, {
      name: v.name.trim(),
      description: v.description.trim(),
      visibility: v.visibility,
      capacity: Number(v.capacity),
      ...(password !== null ? { password } : {}),
    });
    this.form.end(result.ok ? undefined : asFormError(result.error));
    if (!result.ok) return;
    this.saved.emit();
    this.closed.emit();
  }

  protected async remove(): Promise<void> {
    const room = this.room();
    if (!this.confirm(`Delete "${room.name}" with its chat? This cannot be undone (the project's files stay).`)) return;
    const result = await this.api.delete(room.id);
    if (!result.ok) return this.form.formError.set(result.error.message);
    this.closed.emit();
    await this.router.navigateByUrl('/rooms');
  }
}
