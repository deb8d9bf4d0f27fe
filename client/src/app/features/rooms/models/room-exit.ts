/** Where the room page stands besides the room itself: why the caller is out, who ran what. */

/** Why the caller is no longer inside the room they were looking at. */
export type RoomExit =
  | { readonly kind: 'kicked'; readonly message: string }
  | { readonly kind: 'left'; readonly message: string }
  | { readonly kind: 'gone'; readonly message: string };

/** A line above the terminal: someone pressed Run or Test. */
export interface RunNotice {
  readonly by: string | null;
  readonly command: string | null;
}

/** The notice of someone a host or moderator removed. */
export const KICKED: RoomExit = {
  kind: 'kicked',
  message: 'You were removed from this room by its host or a moderator. Only a new invite link lets you back in.',
};
