import { Form, redirect } from "react-router";
import { confirmTwoFactor } from "../../modules/accounts/confirm-two-factor.ts";
import { disableTwoFactor } from "../../modules/accounts/disable-two-factor.ts";
import { enableTwoFactor } from "../../modules/accounts/enable-two-factor.ts";
import { getTwoFactorStatus } from "../../modules/accounts/get-two-factor-status.ts";
import { regenerateBackupCodes } from "../../modules/accounts/regenerate-backup-codes.ts";
import { AppError } from "../../platform/errors.ts";
import { CsrfField, ErrorSummary, type FormErrors, TextField } from "../components/form.tsx";
import { QrCode, type QrCodeShape } from "../components/qr-code.tsx";
import { useI18n } from "../i18n.tsx";
import { qrCodeOf } from "../qr-code.server.ts";
import { actorOf, formError, formFields, orPageError, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/account-two-factor";

/** The page shows keys and backup codes: nothing of it may be kept by a cache. */
export function headers() {
  return { "Cache-Control": "no-store" };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const status = await orPageError(getTwoFactorStatus(services(context), request.headers), request, params);
  const actor = await actorOf(context, request);
  const done = new URL(request.url).searchParams.get("done");
  return {
    enabled: status.enabled,
    backupCodesLeft: status.backupCodesLeft,
    hasPassword: status.hasPassword,
    /** The person's role needs two-factor sign-in, and its powers wait for it. */
    required: actor.mustEnableTwoFactor,
    done: done === "enabled" || done === "disabled" ? done : null,
  };
}

interface Setup {
  uri: string;
  secret: string;
  qr: QrCodeShape;
}

/** The set-up shown again after a wrong code: the form sends back the URI it showed. */
function setupFrom(uri: string | undefined): Setup | undefined {
  if (!uri || uri.length > 1_000 || !uri.startsWith("otpauth://totp/")) return undefined;
  const secret = new URL(uri).searchParams.get("secret");
  return secret ? { uri, secret, qr: qrCodeOf(uri) } : undefined;
}

/** Each form on the page has its own password field (ids must differ): errors follow the field's name. */
function onField(error: unknown, name: string): unknown {
  if (!(error instanceof AppError) || !error.fieldErrors?.password) return error;
  const { password, ...others } = error.fieldErrors;
  return new AppError(error.code, error.messageKey, { ...others, [name]: password });
}

function withCookies(response: Response, headers: Headers): Response {
  for (const cookie of headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
  return response;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const ctx = services(context);
  const fields = await formFields(request);
  const page = `/${locale}/account/two-factor`;
  switch (fields.intent) {
    case "enable":
      try {
        const setup = await enableTwoFactor(ctx, { password: fields.password }, request.headers);
        return { intent: "enable" as const, setup: { uri: setup.uri, secret: setup.secret, qr: qrCodeOf(setup.uri) }, backupCodes: setup.backupCodes };
      } catch (error) {
        return formError(error, locale, { intent: "enable" as const });
      }
    case "confirm":
      try {
        // Better Auth replaces the session; the page is loaded again with the new cookie.
        const { headers } = await confirmTwoFactor(ctx, { code: fields.code ?? "" }, request.headers);
        return withCookies(redirect(`${page}?done=enabled`), headers);
      } catch (error) {
        return formError(error, locale, { intent: "confirm" as const, setup: setupFrom(fields.uri) });
      }
    case "regenerate":
      try {
        const { backupCodes } = await regenerateBackupCodes(ctx, { password: fields.codesPassword }, request.headers);
        return { intent: "regenerate" as const, backupCodes };
      } catch (error) {
        return formError(onField(error, "codesPassword"), locale, { intent: "regenerate" as const });
      }
    case "disable":
      try {
        const { headers } = await disableTwoFactor(ctx, { password: fields.offPassword }, request.headers);
        return withCookies(redirect(`${page}?done=disabled`), headers);
      } catch (error) {
        return formError(onField(error, "offPassword"), locale, { intent: "disable" as const });
      }
    default:
      return redirect(page);
  }
}

/** The key as people copy it: groups of four. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

function BackupCodes({ codes }: { codes: string[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="backup-codes-title">
      <h2 id="backup-codes-title">{t("twoFactor.backupCodes.title")}</h2>
      <p>{t("twoFactor.backupCodes.intro")}</p>
      <ul className="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function AccountTwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { enabled, backupCodesLeft, hasPassword, required, done } = loaderData;
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const errorsFor = (intent: string): FormErrors | undefined => (failed?.intent === intent ? failed.errors : undefined);
  const setup = actionData && "setup" in actionData ? actionData.setup : undefined;
  const backupCodes = actionData && "backupCodes" in actionData ? actionData.backupCodes : undefined;
  const passwordLabel = t("account.password");
  const codeLabel = t("twoFactor.code");

  return (
    <>
      <title>{`${t("twoFactor.title")} · Pares`}</title>
      <h1>{t("twoFactor.title")}</h1>
      {done && !actionData && <p role="status">{t(done === "enabled" ? "twoFactor.enabled" : "twoFactor.disabled")}</p>}
      {required && <p className="alert">{t("twoFactor.required")}</p>}
      <p>{t("twoFactor.intro")}</p>
      <p>
        <strong>{enabled ? t("twoFactor.statusOn") : t("twoFactor.statusOff")}</strong>
        {enabled && backupCodesLeft !== null && <> {t("twoFactor.backupCodesLeft", { count: backupCodesLeft })}</>}
      </p>

      {setup ? (
        <>
          <h2>{t("twoFactor.setup.title")}</h2>
          <ol className="stack">
            <li>
              <p>{t("twoFactor.setup.scan")}</p>
              <QrCode code={setup.qr} label={t("twoFactor.setup.qrLabel")} />
            </li>
            <li>
              <p>{t("twoFactor.setup.manual")}</p>
              <p>
                <code className="secret">{grouped(setup.secret)}</code>
              </p>
            </li>
          </ol>
          {backupCodes && <BackupCodes codes={backupCodes} />}
          <h2>{t("twoFactor.confirm.title")}</h2>
          <ErrorSummary errors={errorsFor("confirm")} labels={{ code: codeLabel }} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="uri" value={setup.uri} />
            <TextField
              name="code"
              label={codeLabel}
              autoComplete="one-time-code"
              required
              maxLength={7}
              hint={t("twoFactor.codeHint")}
              error={errorsFor("confirm")?.fields?.code}
            />
            <div>
              <button type="submit">{t("twoFactor.confirm.submit")}</button>
            </div>
          </Form>
        </>
      ) : !enabled ? (
        <>
          <h2>{t("twoFactor.enable.title")}</h2>
          <ErrorSummary errors={errorsFor("enable") ?? errorsFor("confirm")} labels={{ password: passwordLabel }} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="enable" />
            {hasPassword && (
              <TextField
                name="password"
                label={passwordLabel}
                type="password"
                autoComplete="current-password"
                required
                hint={t("twoFactor.passwordHint")}
                error={errorsFor("enable")?.fields?.password}
              />
            )}
            <div>
              <button type="submit">{t("twoFactor.enable.submit")}</button>
            </div>
          </Form>
        </>
      ) : (
        <>
          {backupCodes ? (
            <BackupCodes codes={backupCodes} />
          ) : (
            <>
              <h2>{t("twoFactor.backupCodes.title")}</h2>
              <p>{t("twoFactor.regenerate.intro")}</p>
              <ErrorSummary errors={errorsFor("regenerate")} labels={{ codesPassword: passwordLabel }} />
              <Form method="post" className="stack narrow" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="regenerate" />
                {hasPassword && (
                  <TextField
                    name="codesPassword"
                    label={passwordLabel}
                    type="password"
                    autoComplete="current-password"
                    required
                    error={errorsFor("regenerate")?.fields?.codesPassword}
                  />
                )}
                <div>
                  <button type="submit">{t("twoFactor.regenerate.submit")}</button>
                </div>
              </Form>
            </>
          )}
          <h2>{t("twoFactor.disable.title")}</h2>
          <p>{t("twoFactor.disable.intro")}</p>
          <ErrorSummary errors={errorsFor("disable")} labels={{ offPassword: passwordLabel }} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="disable" />
            {hasPassword && (
              <TextField
                name="offPassword"
                label={passwordLabel}
                type="password"
                autoComplete="current-password"
                required
                error={errorsFor("disable")?.fields?.offPassword}
              />
            )}
            <div>
              <button type="submit">{t("twoFactor.disable.submit")}</button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
