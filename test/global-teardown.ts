/** Stops the services global-setup started (jest runs both in the same process). */
import { servicesHandleKey } from './services';

export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as Record<symbol, unknown>)[servicesHandleKey] as Array<{ stop(): Promise<void> }> | undefined;
  if (!running) return;
  await Promise.all(running.map((r) => r.stop()));
  running.length = 0;
}
