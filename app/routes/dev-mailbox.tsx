import { data } from "react-router";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { listMailbox } from "../../platform/mail/list-mailbox.ts";
import { useI18n } from "../i18n.tsx";
import { services } from "../route-helpers.ts";
import type { Route } from "./+types/dev-mailbox";

/** The e-mails kept locally when no SMTP server is configured. Exists only in development. */
export async function loader({ context }: Route.LoaderArgs) {
  const ctx = services(context);
  if (ctx.config.NODE_ENV !== "development") throw data(null, { status: 404 });
  const messages = await listMailbox(ctx.db);
  return { messages: messages.map((m) => ({ ...m, keptAt: m.keptAt?.toISOString() ?? null })) };
}

export default function DevMailbox({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  return (
    <>
      <title>{`${t("mailbox.title")} · Pares`}</title>
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      {loaderData.messages.length === 0 ? (
        <p>{t("mailbox.empty")}</p>
      ) : (
        <ol className="mailbox">
          {loaderData.messages.map((m) => (
            <li key={m.id} className="card">
              <h2 lang={m.locale || undefined}>{m.subject}</h2>
              <p className="muted">
                {t("mailbox.to", { to: m.to })}
                {m.keptAt && <> · {formatDateTime(locale, new Date(m.keptAt), "UTC")}</>}
              </p>
              <pre className="mail-text" lang={m.locale || undefined}>
                {m.text}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
