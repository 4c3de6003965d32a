// A collection of practices (a call's selection, a publication): its foreword and practices, and
// its PDF booklet in each language; the secretariat writes its texts and publishes it.
import { Form, Link, redirect } from "react-router";
import { getCollection } from "../../modules/practices/get-collection.ts";
import { publishCollection, saveCollection } from "../../modules/practices/save-collection.ts";
import { isLocale, locales } from "../../platform/i18n/locales.ts";
import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { PracticeHitItem } from "../components/practice-parts.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, formError, formFields, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/practices.css?url";
import type { Route } from "./+types/network-collection";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const collection = await orPageError(getCollection(services(context), actor, params.slug, params.collection, locale), request, params);
  const url = new URL(request.url);
  const editing = url.searchParams.get("language");
  return { collection, editingLanguage: isLocale(editing) ? editing : locale, done: url.searchParams.get("done") };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  const back = `/${locale}/networks/${params.slug}/collections/${params.collection}`;
  try {
    if (fields.intent === "publish" || fields.intent === "unpublish") {
      await publishCollection(services(context), actor, params.slug, params.collection, fields.intent === "publish");
      return redirect(`${back}?done=${fields.intent}`);
    }
    await saveCollection(services(context), actor, params.slug, params.collection, {
      language: (fields.language ?? locale) as "es",
      title: fields.title ?? "",
      subtitle: fields.subtitle ?? "",
      foreword: fields.foreword ?? "",
    });
    return redirect(`${back}?done=saved&language=${fields.language ?? locale}`);
  } catch (error) {
    return formError(error, locale, { values: fields });
  }
}

export default function NetworkCollection({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { collection, editingLanguage, done } = loaderData;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const errors = actionData?.errors;
  const base = `/${locale}/networks/${collection.network.slug}/collections/${collection.slug}`;
  const texts = collection.texts;
  const edited = (field: "title" | "subtitle" | "foreword") => values[field] ?? texts?.[field][editingLanguage] ?? "";
  const title = collection.title?.text ?? collection.slug;
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <p className="muted">
        <Link to={`/${locale}/networks/${collection.network.slug}/calls`}>{t("practices.calls.title", { network: collection.network.name })}</Link>
      </p>
      <h1 lang={collection.title?.language}>{title}</h1>
      {collection.subtitle?.text && (
        <p className="lead" lang={collection.subtitle.language}>
          {collection.subtitle.text}
        </p>
      )}
      {done && (
        <p role="status" className="notice">
          {t(`practices.collections.done.${done === "publish" ? "publish" : done === "unpublish" ? "unpublish" : "saved"}`)}
        </p>
      )}
      {!collection.publishedAt && <p className="badge">{t("practices.collections.unpublished")}</p>}
      <section aria-labelledby="booklet-title">
        <h2 id="booklet-title">{t("practices.collections.booklet")}</h2>
        <ul className="links">
          {locales.map((l) => (
            <li key={l}>
              <a href={`${base}/booklet.pdf?lang=${l}`} type="application/pdf" hrefLang={l}>
                {t("practices.collections.download", { language: t(`language.${l}`) })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {collection.foreword?.text && (
        <section aria-labelledby="foreword-title" lang={collection.foreword.language}>
          <h2 id="foreword-title">{t("practices.collections.foreword")}</h2>
          {collection.foreword.text.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      )}
      <section aria-labelledby="practices-title">
        <h2 id="practices-title">{t("practices.collections.practices", { count: collection.practices.length })}</h2>
        <ul className="practice-hits">
          {collection.practices.map((hit) => (
            <PracticeHitItem key={hit.slug} hit={hit} />
          ))}
        </ul>
      </section>
      {collection.canManage && (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t("practices.collections.edit")}</h2>
          <ErrorSummary errors={errors} labels={{ title: t("practices.collections.field.title"), subtitle: t("practices.collections.field.subtitle"), foreword: t("practices.collections.field.foreword") }} />
          <Form method="get" className="inline-form">
            <SelectField
              name="language"
              label={t("practices.collections.field.language")}
              defaultValue={editingLanguage}
              options={locales.map((l) => ({ value: l, label: t(`language.${l}`), lang: l }))}
            />
            <button type="submit">{t("practices.collections.chooseLanguage")}</button>
          </Form>
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="language" value={editingLanguage} />
            <TextField name="title" label={t("practices.collections.field.title")} required maxLength={200} defaultValue={edited("title")} error={errors?.fields?.title} />
            <TextField name="subtitle" label={t("practices.collections.field.subtitle")} maxLength={300} defaultValue={edited("subtitle")} error={errors?.fields?.subtitle} />
            <TextAreaField name="foreword" label={t("practices.collections.field.foreword")} maxLength={8000} rows={8} defaultValue={edited("foreword")} error={errors?.fields?.foreword} />
            <button type="submit">{t("practices.collections.save", { language: t(`language.${editingLanguage}`) })}</button>
          </Form>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value={collection.publishedAt ? "unpublish" : "publish"} />
            <button type="submit">{collection.publishedAt ? t("practices.collections.unpublish") : t("practices.collections.publish")}</button>
          </Form>
        </section>
      )}
    </>
  );
}
