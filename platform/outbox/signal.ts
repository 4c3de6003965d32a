// Wakes the outbox worker of this process when something is enqueued, so a message goes out
// right after its transaction instead of at the next poll.
import { processSingleton } from "../singleton.ts";

const listeners = processSingleton("outboxListeners", () => new Set<() => void>());

export function notifyOutbox(): void {
  for (const listener of listeners) queueMicrotask(listener);
}

export function onOutboxNotified(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
