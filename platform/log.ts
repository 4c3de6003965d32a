// Structured JSON logs. Every line written while a request is handled carries its request id,
// wherever in the code it is written, through AsyncLocalStorage.
import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger } from "pino";
import { processSingleton } from "./singleton.ts";

export type { Logger };

interface RequestScope {
  requestId: string;
}

export const requestScope = processSingleton(
  "requestScope",
  () => new AsyncLocalStorage<RequestScope>(),
);

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "pares" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const scope = requestScope.getStore();
        return scope ? { requestId: scope.requestId } : {};
      },
    },
    destination,
  );
}
