import { Form, Link, redirect } from "react-router";
import { createBody } from "../../modules/governance/create-body.ts";
import { listBodies } from "../../modules/governance/list-bodies.ts";
import { bodyKinds } from "../../modules/governance/schema.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { CsrfField, ErrorSummary } from "../components/form.tsx";
import { GovernanceNav, HolderLine } from "../components/governance.tsx";
import { ChecksField, ChoiceField, InputField, LongTextField } from "../components/governance-fields.tsx";
import { errorLabels, governanceFormError, readForm, splitCodes } from "../governance-forms.ts";
import { useI18n } from "../i18n.tsx";
import { actorOf, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/governance.css?url";
import type { Route } from "./+types/network-bodies";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const list = await orPageError(listBodies(services(context), actor, params.slug, locale), request, params);
  const themes = list.viewer.canManage ? (await listThemes(services(context), { scheme: "network-spaces" }, locale)).map((t) => ({ id: t.id, name: t.name })) : [];
  return { ...list, themes, signedIn: actor.userId !== null };
}

const createFields = ["kind", "name", "nameLanguage", "slug", "description", "themeIds", "regionCodes", "position"] as const;

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const { fields, all } = await readForm(request);
  try {
    const { slug } = await createBody(services(context), actor, params.slug, {
      kind: fields.kind as never,
      name: fields.name ?? "",
      nameLanguage: (fields.nameLanguage ?? locale) as never,
      slug: fields.slug,
      description: fields.description,
      themeIds: all("themeIds"),
      regionCodes: splitCodes(fields.regionCodes),
      position: fields.position || undefined,
    });
    return redirect(`/${locale}/networks/${params.slug}/bodies/${slug}?done=created`);
  } catch (error) {
    return governanceFormError(error, locale, { intent: "create", shown: createFields, values: fields });
  }
}

export default function NetworkBodies({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { network, groups, viewer, themes, signedIn } = loaderData;
  const errors = actionData?.errors;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const err = (field: string) => errors?.fields?.[`create-${field}`];
  return (
    <>
      <title>{`${t("governance.bodies.title", { network: network.name })} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${network.slug}`}>{network.name}</Link>
      </p>
      <h1>{t("governance.bodies.title", { network: network.name })}</h1>
      <GovernanceNav slug={network.slug} current="bodies" signedIn={signedIn} />
      <ErrorSummary errors={errors} labels={errorLabels(errors, t)} />
      {groups.length === 0 && <p>{t("governance.bodies.none")}</p>}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`kind-${group.kind}`}>
          <h2 id={`kind-${group.kind}`}>{t(`governance.kinds.${group.kind}`)}</h2>
          <ul className="cards">
            {group.bodies.map((b) => (
              <li key={b.slug} className="card">
                <h3 className="card-title">
                  <Link to={`/${locale}/networks/${network.slug}/bodies/${b.slug}`} lang={b.nameLanguage}>
                    {b.name}
                  </Link>{" "}
                  {!b.active && <span className="tag">{t("governance.inactive")}</span>}
                </h3>
                {b.themes.length > 0 && <p className="muted">{b.themes.map((th) => th.name).join(" · ")}</p>}
                {b.holders.length > 0 ? (
                  <ul className="holders">
                    {b.holders.map((h) => (
                      <li key={h.id}>
                        <HolderLine holder={h} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("governance.bodies.noHolders")}</p>
                )}
                {b.memberCount > 0 && <p>{t("governance.bodies.members", { count: b.memberCount })}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {viewer.canManage && (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t("governance.create.title")}</h2>
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <ChoiceField
              id="create-kind"
              name="kind"
              label={t("governance.field.kind")}
              defaultValue={values.kind ?? "thematic_unit"}
              options={bodyKinds.map((k) => ({ value: k, label: t(`governance.kind.${k}`) }))}
              error={err("kind")}
            />
            <InputField id="create-name" name="name" label={t("governance.field.name")} required maxLength={200} defaultValue={values.name} error={err("name")} />
            <ChoiceField
              id="create-nameLanguage"
              name="nameLanguage"
              label={t("governance.field.nameLanguage")}
              hint={t("governance.create.nameLanguageHint")}
              defaultValue={values.nameLanguage ?? locale}
              options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              error={err("nameLanguage")}
            />
            <InputField id="create-slug" name="slug" label={t("governance.field.slug")} hint={t("governance.create.slugHint")} maxLength={80} defaultValue={values.slug} error={err("slug")} />
            <LongTextField id="create-description" name="description" label={t("governance.field.description")} maxLength={4000} defaultValue={values.description} error={err("description")} />
            <ChecksField id="create-themeIds" name="themeIds" legend={t("governance.field.themeIds")} options={themes.map((th) => ({ value: th.id, label: th.name }))} checked={[]} error={err("themeIds")} />
            <InputField
              id="create-regionCodes"
              name="regionCodes"
              label={t("governance.field.regionCodes")}
              hint={t("governance.create.regionHint")}
              maxLength={400}
              defaultValue={values.regionCodes}
              error={err("regionCodes")}
            />
            <InputField id="create-position" name="position" type="number" min={0} max={10000} label={t("governance.field.position")} hint={t("governance.create.positionHint")} defaultValue={values.position ?? "0"} error={err("position")} />
            <div>
              <button type="submit">{t("governance.create.submit")}</button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
