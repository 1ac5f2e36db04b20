// Shell events of the in-memory backend (dev mock only): what Tauri's
// `emit` / `listen` do in the real app, for `briefs-progress` and the like.
type Handler = (payload: unknown) => void;

const handlers = new Map<string, Set<Handler>>();

/** Same contract as the gateway's `Listen`: resolves to the function that unsubscribes. */
export function mockListen(event: string, handler: Handler): Promise<() => void> {
  const set = handlers.get(event) ?? new Set<Handler>();
  handlers.set(event, set);
  set.add(handler);
  return Promise.resolve(() => {
    set.delete(handler);
  });
}

/** Sends `payload` to every listener of `event` (a copy, as across the IPC boundary). */
export function mockEmit(event: string, payload: unknown): void {
  for (const h of handlers.get(event) ?? []) h(structuredClone(payload));
}
