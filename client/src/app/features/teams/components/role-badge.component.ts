import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A member's role as a badge: the owner stands out, admins less so. */
@Component({
  selector: 'app-role-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="tone()" data-testid="role-badge">{{ role() }}</span>`,
})
export class RoleBadgeComponent {
  readonly role = input.required<string>();
  protected readonly tone = computed(() =>
    this.role() === 'owner'
      ? 'badge-success'
      : this.role() === 'admin'
        ? 'badge-progress'
        : 'badge-neutral',
  );
}
