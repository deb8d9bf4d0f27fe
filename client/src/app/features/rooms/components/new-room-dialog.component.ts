import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { ROOM_LIMITS } from '@contracts/rooms';
import { FormState, type FormErrors } from '../../../shared/form-state';
import { asFormError } from '../models/room-error';
import { RoomsApi } from '../services/rooms-api.service';
import { RoomDialogComponent } from './room-dialog.component';

type NewRoomForm = {
  projectId: string;
  name: string;
  description: string;
  visibility: string;
  password: string;
  capacity: string;
};

/** The create form's client rules (the server checks them again, and the tier's largest capacity). */
export function validateNewRoom(v: NewRoomForm): FormErrors<NewRoomForm> {
  const errors: FormErrors<NewRoomForm> = {};
  if (!v.projectId) errors.projectId = 'Choose the project the room works on.';
  if (!v.name.trim()) errors.name = 'Give the room a name.';
  else if (v.name.trim().length > ROOM_LIMITS.nameMax) errors.name = `At most ${ROOM_LIMITS.nameMax} characters.`;
  if (v.description.length > ROOM_LIMITS.descriptionMax)
    errors.description = `At most ${ROOM_LIMITS.descriptionMax} characters.`;
  if (v.password && (v.password.length < ROOM_LIMITS.passwordMin || v.password.length > ROOM_LIMITS.passwordMax))
    errors.password = `${ROOM_LIMITS.passwordMin} to ${ROOM_LIMITS.passwordMax} characters, or none.`;
  const capacity = Number(v.capacity);
  if (!Number.isInteger(capacity) || capacity < 2) errors.capacity = 'At least 2 people.';
  return errors;
}

/** "New room": over a project the caller can edit, with its rules; emits the new room's id. */
@Component({
  selector: 'app-new-room-dialog',
  imports: [RoomDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-room-dialog.component.html',
  styleUrl: './room-form.css',
})
export class NewRoomDialogComponent {
  readonly created = output<string>();
  readonly closed = output<void>();
  private readonly api = inject(RoomsApi);

  protected readonly projects = signal<readonly { id: string; name: string }[] | null>(null);
  protected readonly projectsError = signal<string | null>(null);
  protected readonly form = new FormState<NewRoomForm>(
    {
      projectId: '',
      name: '',
      description: '',
      visibility: 'private',
      password: '',
      capacity: String(ROOM_LIMITS.defaultCapacity),
    },
    validateNewRoom,
  );
  protected readonly limits = ROOM_LIMITS;

  constructor() {
    void this.api.editableProjects().then((result) => {
      if (!result.ok) return this.projectsError.set(result.error.message);
      this.projects.set(result.value);
      const only = result.value.length === 1 ? result.value[0] : undefined;
      if (only) this.form.set('projectId', only.id);
    });
  }

  protected set(field: keyof NewRoomForm & string, event: Event): void {
    this.form.set(field, (event.target as HTMLInputElement).value);
  }

  protected async submit(): Promise<void> {
    if (!this.form.begin()) return;
    const v = this.form.value();
    const result = await this.api.create({
      projectId: v.projectId,
      name: v.name.trim(),
      description: v.description.trim() || null,
      visibility: v.visibility,
      password: v.password || null,
      capacity: Number(v.capacity),
    });
    this.form.end(result.ok ? undefined : asFormError(result.error));
    if (result.ok) this.created.emit(result.value);
  }
}
