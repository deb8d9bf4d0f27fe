import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { TeamActions } from '../models/team-permissions';
import { ASSIGNABLE_ROLES, type TeamMember } from '../models/team.models';
import { RoleBadgeComponent } from './role-badge.component';

/** The team's members with role badges and, per member, only the actions the caller's role allows. */
@Component({
  selector: 'app-member-list',
  imports: [DatePipe, RoleBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="table">
      <thead>
        <tr>
          <th>Member</th>
          <th>Role</th>
          <th>Joined</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        @for (member of members(); track member.user.id) {
          @let can = actions().forMember(member);
          @let self = member.user.id === viewerId();
          <tr
            data-testid="member-row"
            [attr.data-user-email]="member.user.email"
            [attr.data-role]="member.role"
          >
            <td>
              <span class="strong">{{ member.user.displayName }}</span
              >{{ self ? ' (you)' : '' }}
              <div class="muted">{{ member.user.email }}</div>
            </td>
            <td>
              @if (can.changeRole) {
                <select
                  data-testid="change-role-select"
                  [attr.aria-label]="'Role of ' + member.user.displayName"
                  [disabled]="busy()"
                  (change)="changeRole.emit({ member, role: $any($event.target).value })"
                >
                  @for (r of roles; track r) {
                    <option [value]="r" [selected]="r === member.role">{{ r }}</option>
                  }
                </select>
              } @else if (member.role) {
                <!-- Null for someone outside the team: no badge then. -->
                <app-role-badge [role]="member.role" />
              }
            </td>
            <td class="muted">{{ member.joinedAt | date: 'MMM d, y' }}</td>
            <!-- Flex on the cell itself would take it out of the table's layout. -->
            <td>
              <div class="row-actions">
                @if (can.transfer) {
                  <button
                    type="button"
                    class="button"
                    data-testid="transfer-ownership"
                    [disabled]="busy()"
                    (click)="transfer.emit(member)"
                  >
                    Make owner
                  </button>
                }
                @if (can.remove) {
                  <button
                    type="button"
                    class="button"
                    data-testid="remove-member"
                    [disabled]="busy()"
                    (click)="remove.emit(member)"
                  >
                    Remove
                  </button>
                }
              </div>
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class MemberListComponent {
  readonly members = input.required<readonly TeamMember[]>();
  readonly actions = input.required<TeamActions>();
  readonly viewerId = input<string | null>(null);
  /** True while an action is in flight: one change at a time. */
  readonly busy = input(false);
  readonly remove = output<TeamMember>();
  readonly changeRole = output<{ member: TeamMember; role: string }>();
  readonly transfer = output<TeamMember>();
  protected readonly roles = ASSIGNABLE_ROLES;
}
