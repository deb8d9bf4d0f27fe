import { InjectionToken } from '@angular/core';
import type {
  ConnectionStatus,
  LiveAwareness,
  LiveRoomOptions,
  LiveRoom,
  LiveRoomConnector,
} from './live-room.types';

export type {
  ConnectionStatus,
  LiveAwareness,
  LiveRoomOptions,
  LiveRoom,
  LiveRoomConnector,
} from './live-room.types';

export const LIVE_ROOM_CONNECTOR = new InjectionToken<LiveRoomConnector>('LIVE_ROOM_CONNECTOR', {
  providedIn: 'root',
  factory: () => {
    let connector: Promise<LiveRoomConnector> | undefined;
    return async (options) => {
      connector ??= import('./liveblocks-room').then((m) => m.createLiveblocksConnector(location));
      return (await connector)(options);
    };
  },
});
