// What the server hands every loader and action through React Router's context.
import { createContext, type RouterContextProvider } from "react-router";
import type { AppServices } from "../platform/context.ts";
import { processSingleton } from "../platform/singleton.ts";

export interface RequestContext {
  services: AppServices;
  /** The CSP nonce of this response, for inline scripts React Router renders. */
  nonce: string;
  /** The CSRF token every form must post back (see platform/http/csrf.ts). */
  csrfToken: string;
}

export const requestContext = processSingleton("requestContext", () => createContext<RequestContext>());

export function getRequestContext(context: Readonly<RouterContextProvider>): RequestContext {
  return context.get(requestContext);
}
