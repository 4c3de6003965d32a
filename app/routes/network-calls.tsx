// A network's calls for practices: open, upcoming and closed ones for everyone; the secretariat
// opens a new one (a theme, opening and closing moments) here.
import { Form, Link, redirect } from "react-router";
import { createPracticeCall } from "../../modules/practices/create-practice-call.ts";
import { listCalls } from "../../modules/practices/get-call.ts";
import { listCollections } from "../../modules/practices/get-collection.ts";
import { bankPolicy } from "../../modules/practices/policy.ts";
import { findNetwork } from "../../modules/networks/find-network.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { CheckboxGroup, CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { DateField } from "../components/network-fields.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, formError, formFields, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-calls";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const ctx = services(context);
  const network = await orPageError(findNetwork(ctx.db, params.slug), request, params);
  const canManage = bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted });
  return {
    network: { slug: network.slug, name: network.names[locale] ?? network.name },
    calls: await listCalls(ctx, params.slug, locale),
    collections: await listCollections(ctx, actor, params.slug, locale),
    canManage,
    themes: canManage ? (await listThemes(ctx, {}, locale)).map((t) => ({ value: t.id, label: t.name })) : [],
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const form = await request.clone().formData();
  const fields = await formFields(request);
  try {
    const { slug } = await createPracticeCall(services(context), actor, params.slug, {
      title: fields.title ?? "",
      description: fields.description ?? "",
      language: (fields.language ?? locale) as "es",
      themeIds: form.getAll("themeIds").map(String),
      opensAt: fields.opensAt ? `${fields.opensAt}Z` : "",
      closesAt: fields.closesAt ? `${fields.closesAt}Z` : "",
    });
    return redirect(`/${locale}/networks/${params.slug}/calls/${slug}`);
  } catch (error) {
    return formError(error, locale, { values: fields, themeIds: form.getAll("themeIds").map(String) });
  }
}

export default function NetworkCalls({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { network, calls, collections, canManage, themes } = loaderData;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const errors = actionData?.errors;
  const labels = {
    title: t("practices.calls.field.title"),
    description: t("practices.calls.field.description"),
    language: t("practices.calls.field.language"),
    themeIds: t("practices.calls.field.themes"),
    opensAt: t("practices.calls.field.opensAt"),
    closesAt: t("practices.calls.field.closesAt"),
  };
  return (
    <>
      <title>{`${t("practices.calls.title", { network: network.name })} · Pares`}</title>
      <p className="muted">
        <Link to={`/${locale}/networks/${network.slug}`}>{network.name}</Link>
      </p>
      <h1>{t("practices.calls.title", { network: network.name })}</h1>
      {calls.length === 0 ? (
        <p>{t("practices.calls.none")}</p>
      ) : (
        <ul className="cards">
          {calls.map((c) => (
            <li key={c.slug} className="card">
              <h2 className="card-title">
                <Link to={`/${locale}/networks/${network.slug}/calls/${c.slug}`} lang={c.title?.language}>
                  {c.title?.text ?? c.slug}
                </Link>
              </h2>
              <p>
                {t(`practices.calls.state.${c.state}`)} · {t("practices.calls.period", { opens: dateTime(c.opensAt), closes: dateTime(c.closesAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("practices.collections.title")}</h2>
      {collections.length === 0 ? (
        <p>{t("practices.collections.none")}</p>
      ) : (
        <ul>
          {collections.map((c) => (
            <li key={c.slug}>
              <Link to={`/${locale}/networks/${network.slug}/collections/${c.slug}`} lang={c.title?.language}>
                {c.title?.text ?? c.slug}
              </Link>{" "}
              {!c.publishedAt && <span className="badge">{t("practices.collections.unpublished")}</span>}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <section aria-labelledby="new-call">
          <h2 id="new-call">{t("practices.calls.new")}</h2>
          <ErrorSummary errors={errors} labels={labels} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <TextField name="title" label={labels.title} required maxLength={200} defaultValue={values.title} error={errors?.fields?.title} />
            <TextAreaField name="description" label={labels.description} maxLength={6000} defaultValue={values.description} error={errors?.fields?.description} />
            <SelectField
              name="language"
              label={labels.language}
              defaultValue={values.language ?? locale}
              options={(["es", "pt", "en"] as const).map((l) => ({ value: l, label: t(`language.${l}`), lang: l }))}
              error={errors?.fields?.language}
            />
            <CheckboxGroup name="themeIds" legend={labels.themeIds} options={themes} checked={actionData?.themeIds ?? []} error={errors?.fields?.themeIds} />
            <DateField withTime required name="opensAt" label={labels.opensAt} hint={t("practices.calls.utc")} defaultValue={values.opensAt} error={errors?.fields?.opensAt} />
            <DateField withTime required name="closesAt" label={labels.closesAt} hint={t("practices.calls.utc")} defaultValue={values.closesAt} error={errors?.fields?.closesAt} />
            <button type="submit">{t("practices.calls.open")}</button>
          </Form>
        </section>
      )}
    </>
  );
}
