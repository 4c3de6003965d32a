// A call for practices: what it asks for and until when; its authors enter their practices
// while it is open; the secretariat selects entries, and the selection forms the collection.
import { Form, Link, redirect } from "react-router";
import { decideCallEntry } from "../../modules/practices/decide-call-entry.ts";
import { getCall } from "../../modules/practices/get-call.ts";
import { submitToCall } from "../../modules/practices/submit-to-call.ts";
import { CsrfField, ErrorSummary, SelectField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, formError, formFields, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-call";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await actorOf(context, request);
  const call = await orPageError(getCall(services(context), actor, params.slug, params.call, pageLocale(params)), request, params);
  return { call, done: new URL(request.url).searchParams.get("done") };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  const back = `/${locale}/networks/${params.slug}/calls/${params.call}`;
  try {
    if (fields.intent === "enter") {
      await submitToCall(services(context), actor, params.slug, params.call, { practice: fields.practice ?? "" });
      return redirect(`${back}?done=entered`);
    }
    await decideCallEntry(services(context), actor, params.slug, params.call, fields.entry ?? "", { status: (fields.status ?? "") as "selected", note: fields.note || undefined });
    return redirect(`${back}?done=decided`);
  } catch (error) {
    return formError(error, locale, { intent: fields.intent ?? "decide" });
  }
}

export default function NetworkCall({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { call, done } = loaderData;
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${call.title?.text ?? call.slug} · Pares`}</title>
      <p className="muted">
        <Link to={`/${locale}/networks/${call.network.slug}/calls`}>{t("practices.calls.title", { network: call.network.name })}</Link>
      </p>
      <h1 lang={call.title?.language}>{call.title?.text ?? call.slug}</h1>
      <p>
        <strong>{t(`practices.calls.state.${call.state}`)}</strong> · {t("practices.calls.period", { opens: dateTime(call.opensAt), closes: dateTime(call.closesAt) })}
      </p>
      {done && (
        <p role="status" className="notice">
          {t(`practices.calls.done.${done === "entered" ? "entered" : "decided"}`)}
        </p>
      )}
      {call.description?.text && (
        <div lang={call.description.language}>
          {call.description.text.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {call.themes.length > 0 && (
        <p>
          {t("practices.calls.field.themes")}: {call.themes.map((th) => th.name).join(", ")}
        </p>
      )}
      {call.collectionSlug && (call.collectionPublished || call.canManage) && (
        <p>
          <Link to={`/${locale}/networks/${call.network.slug}/collections/${call.collectionSlug}`}>{t("practices.calls.collection")}</Link>
        </p>
      )}
      <ErrorSummary errors={errors} labels={{ practice: t("practices.calls.practice"), status: t("practices.calls.decision"), note: t("practices.calls.note") }} />
      {call.enterable.length > 0 && (
        <section aria-labelledby="enter-title">
          <h2 id="enter-title">{t("practices.calls.enter")}</h2>
          <Form method="post" className="stack narrow">
            <CsrfField />
            <input type="hidden" name="intent" value="enter" />
            <SelectField name="practice" label={t("practices.calls.practice")} hint={t("practices.calls.enterHint")} options={call.enterable.map((p) => ({ value: p.slug, label: p.title }))} />
            <button type="submit">{t("practices.calls.enterSubmit")}</button>
          </Form>
        </section>
      )}
      {call.entries.length > 0 && (
        <section aria-labelledby="entries-title">
          <h2 id="entries-title">{call.canManage ? t("practices.calls.entries") : t("practices.calls.selection")}</h2>
          <ul className="cards">
            {call.entries.map((e) => (
              <li key={e.id} className="card">
                <h3 className="card-title">
                  <Link to={`/${locale}/practices/${e.practiceSlug}${call.canManage ? "?working=1" : ""}`}>{e.title}</Link>
                </h3>
                <p className="muted">
                  {e.organization} · {t(`practices.calls.entryStatus.${e.status}`)}
                  {e.note && <> · {e.note}</>}
                </p>
                {call.canManage && e.status !== "withdrawn" && (
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="entry" value={e.id} />
                    <label htmlFor={`note-${e.id}`}>{t("practices.calls.note")}</label>
                    <input id={`note-${e.id}`} name="note" maxLength={2000} />
                    <button type="submit" name="status" value="selected">
                      {t("practices.calls.select")}
                    </button>{" "}
                    <button type="submit" name="status" value="not_selected">
                      {t("practices.calls.leaveOut")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
