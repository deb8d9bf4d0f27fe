import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Observable, map } from 'rxjs';
import {
  DeleteRoomMessageDocument,
  EditRoomMessageDocument,
  MarkNotificationsReadDocument,
  NotificationAddedDocument,
  type NotificationViewFragment,
  NotificationsDocument,
  RoomMessagesDocument,
  SendRoomMessageDocument,
} from '../../../generated/chat';
import type { ChatSnippetInput } from '../../../generated/schema';
import type { RoomResult } from '../models/room-error';
import { roomResult } from './room-result';

export type RoomNotification = NotificationViewFragment;

/** Messages per page of history. */
export const CHAT_PAGE_SIZE = 50;

/** A room's chat and the caller's notifications; calls end in a `RoomResult`. */
@Injectable({ providedIn: 'root' })
export class ChatApi {
  private readonly apollo = inject(Apollo);

  /** The newest page, or the one before `before`. */
  page(roomId: string, before: string | null = null, limit = CHAT_PAGE_SIZE) {
    return roomResult(
      this.apollo.query({
        query: RoomMessagesDocument,
        variables: { roomId, before, limit },
        fetchPolicy: 'network-only',
      }),
      (d) => d.roomMessages,
    );
  }

  /** `clientKey` makes a retried send return the first message instead of posting twice. */
  send(roomId: string, body: string, snippet: ChatSnippetInput | null, clientKey: string) {
    return roomResult(
      this.apollo.mutate({
        mutation: SendRoomMessageDocument,
        variables: { input: { roomId, body, snippet, clientKey } },
      }),
      (d) => d.sendRoomMessage,
    );
  }

  edit(id: string, body: string) {
    return roomResult(
      this.apollo.mutate({ mutation: EditRoomMessageDocument, variables: { id, body } }),
      (d) => d.editRoomMessage,
    );
  }

  delete(id: string) {
    return roomResult(
      this.apollo.mutate({ mutation: DeleteRoomMessageDocument, variables: { id } }),
      (d) => d.deleteRoomMessage,
    );
  }

  unread(limit = 20): Promise<RoomResult<readonly RoomNotification[]>> {
    return roomResult(
      this.apollo.query({
        query: NotificationsDocument,
        variables: { unreadOnly: true, limit },
        fetchPolicy: 'network-only',
      }),
      (d) => d.notifications,
    );
  }

  markRead(ids: readonly string[] | null) {
    return roomResult(
      this.apollo.mutate({
        mutation: MarkNotificationsReadDocument,
        variables: { ids: ids ? [...ids] : null },
      }),
      (d) => d.markNotificationsRead,
    );
  }

  /** New notifications, live; errors end the stream (the caller decides about retrying). */
  added(): Observable<RoomNotification> {
    return this.apollo
      .subscribe({ query: NotificationAddedDocument, fetchPolicy: 'no-cache' })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          const notification = result.data?.notificationAdded;
          if (!notification) throw new Error('Subscription result without a notification');
          return notification;
        }),
      );
  }
}
