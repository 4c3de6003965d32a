// Domain errors are values with a type. They are mapped to HTTP in one place
// (platform/http/problem.ts for the API, the route error boundary for pages).
export type FieldErrors = Record<string, string[]>;

export type AppErrorCode = "not_found" | "invalid" | "forbidden" | "conflict" | "unauthorized" | "rate_limited";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** A catalog key describing the error to the user (translated at the edge). */
  readonly messageKey: string;
  readonly fieldErrors?: FieldErrors;
  constructor(code: AppErrorCode, messageKey: string, fieldErrors?: FieldErrors) {
    super(messageKey);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.fieldErrors = fieldErrors;
  }
}

export const notFound = (messageKey = "error.notFound.detail") => new AppError("not_found", messageKey);
export const invalid = (fieldErrors: FieldErrors, messageKey = "error.invalid.detail") =>
  new AppError("invalid", messageKey, fieldErrors);

export const httpStatusOf: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};
