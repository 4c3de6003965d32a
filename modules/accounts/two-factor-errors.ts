// Better Auth's answers about the second factor, as the accounts module's errors.
import { AppError } from "../../platform/errors.ts";
import { isBetterAuthError } from "./sign-up.ts";

/**
 * Maps what Better Auth refuses while two-factor sign-in is managed or used; anything else is
 * rethrown. `password` is what the person typed to confirm, when the form asked for it.
 */
export function twoFactorError(err: unknown, password?: string): unknown {
  if (isBetterAuthError(err, "UNAUTHORIZED")) return new AppError("unauthorized", "error.signInRequired");
  if (isBetterAuthError(err, "INVALID_PASSWORD")) {
    return new AppError("invalid", "error.invalid.detail", { password: [password ? "i18n:validation.currentPassword" : "i18n:validation.required"] });
  }
  if (isBetterAuthError(err, "TOTP_ALREADY_ENABLED")) return new AppError("conflict", "error.twoFactor.alreadyOn");
  if (isBetterAuthError(err, "TWO_FACTOR_NOT_ENABLED") || isBetterAuthError(err, "TOTP_NOT_ENABLED")) {
    return new AppError("conflict", "error.twoFactor.notOn");
  }
  if (isBetterAuthError(err, "INVALID_TWO_FACTOR_COOKIE")) return new AppError("unauthorized", "error.twoFactor.expired");
  if (isBetterAuthError(err, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE")) return new AppError("rate_limited", "error.twoFactor.tooManyAttempts");
  if (isBetterAuthError(err, "ACCOUNT_TEMPORARILY_LOCKED")) return new AppError("rate_limited", "error.twoFactor.locked");
  return err;
}
