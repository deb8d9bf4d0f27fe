/** How a room's state and rules read in lists and headers. */

/** A room status as a pill: the words and a `badge-<tone>` class of styles.css. */
export function roomStatus(status: string): { readonly label: string; readonly tone: string } {
  switch (status) {
    case 'created':
      return { label: 'New', tone: 'neutral' };
    case 'active':
      return { label: 'Active', tone: 'success' };
    case 'idle':
      return { label: 'Idle', tone: 'neutral' };
    case 'archived':
      return { label: 'Archived', tone: 'muted' };
    default:
      return { label: status, tone: 'neutral' };
  }
}

export const VISIBILITY_LABELS: Readonly<Record<string, string>> = {
  private: 'Private',
  team: 'Team',
  public: 'Public',
};

/** The list's tabs, as the `rooms` query's scopes. */
export const ROOM_TABS = [
  { scope: 'MINE', key: 'mine', label: 'Mine', empty: 'You are in no room yet. Create one, or open an invite link.' },
  { scope: 'TEAM', key: 'team', label: 'Team', empty: "No room is open to your teams' members right now." },
  { scope: 'PUBLIC', key: 'public', label: 'Public', empty: 'No public room is open right now.' },
] as const;
export type RoomTab = (typeof ROOM_TABS)[number];
