import { Form, Link, redirect } from "react-router";
import { getProfile } from "../../modules/accounts/get-profile.ts";
import { spokenLanguages } from "../../modules/accounts/inputs.ts";
import { updateProfile } from "../../modules/accounts/update-profile.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { languageNames } from "../../platform/i18n/language-names.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { timeZoneGroups, utc } from "../../platform/i18n/time-zones.ts";
import { CheckboxGroup, CsrfField, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, pageLocale, requireUser, services } from "../route-helpers.ts";
import type { Route } from "./+types/account";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(context, request, params);
  const locale = pageLocale(params);
  const ctx = services(context);
  const [profile, themes] = await Promise.all([getProfile(ctx, user.id), listThemes(ctx, {}, locale)]);
  return {
    profile,
    themes: themes.map((t) => ({ id: t.id, scheme: t.scheme, name: t.name })),
    languages: languageNames(locale, spokenLanguages),
    timeZones: timeZoneGroups(locale),
    saved: new URL(request.url).searchParams.has("saved"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(context, request, params);
  const form = await request.formData();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const list = (key: string) => form.getAll(key).filter((v): v is string => typeof v === "string");
  const values = {
    name: text("name"),
    position: text("position"),
    languages: list("languages"),
    locale: text("locale"),
    timeZone: text("timeZone"),
    themes: list("themes"),
  };
  try {
    const { locale } = await updateProfile(services(context), user.id, values);
    // The page follows a new preferred language at once.
    return redirect(`/${locale}/account?saved`);
  } catch (error) {
    return formError(error, pageLocale(params), { values });
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { profile } = loaderData;
  const errors = actionData?.errors;
  const values = actionData?.values ?? { ...profile, timeZone: profile.timeZone ?? utc, themes: profile.themeIds };
  const labels = {
    name: t("account.name"),
    position: t("account.position"),
    languages: t("account.languages"),
    locale: t("account.language"),
    timeZone: t("account.timeZone"),
    themes: t("account.themes"),
  };
  const schemes = [
    { scheme: "network-spaces", legend: t("account.themes.networkSpaces") },
    { scheme: "pairing-themes", legend: t("account.themes.pairingThemes") },
  ];
  return (
    <>
      <title>{`${t("account.title")} · Pares`}</title>
      <h1>{t("account.title")}</h1>
      {loaderData.saved && !actionData && <p role="status">{t("account.saved")}</p>}
      <dl className="facts">
        <dt>{t("account.email")}</dt>
        <dd>{profile.email}</dd>
        {profile.role === "admin" && (
          <>
            <dt>{t("account.role")}</dt>
            <dd>{t("account.role.admin")}</dd>
          </>
        )}
      </dl>
      <p>
        <Link to={`/${locale}/account/email`}>{t("emailChange.title")}</Link>
      </p>

      <h2>{t("account.profile")}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <div className="stack narrow">
          <TextField name="name" label={labels.name} autoComplete="name" required maxLength={200} defaultValue={values.name} error={errors?.fields?.name} />
          <TextField
            name="position"
            label={labels.position}
            autoComplete="organization-title"
            maxLength={200}
            defaultValue={values.position ?? ""}
            hint={t("account.position.hint")}
            error={errors?.fields?.position}
          />
          <SelectField
            name="locale"
            label={labels.locale}
            defaultValue={values.locale}
            options={locales.map((l) => ({ value: l, label: t(`language.${l}`), lang: l }))}
            hint={t("account.language.hint")}
            error={errors?.fields?.locale}
          />
          <SelectField
            name="timeZone"
            label={labels.timeZone}
            defaultValue={values.timeZone}
            options={[{ value: utc, label: t("account.timeZone.utc") }]}
            groups={loaderData.timeZones.map((g) => ({
              label: t(`timeZone.region.${g.region}`),
              options: g.zones.map((z) => ({ value: z.id, label: z.label })),
            }))}
            hint={t("account.timeZone.hint")}
            error={errors?.fields?.timeZone}
          />
        </div>
        <CheckboxGroup
          name="languages"
          legend={labels.languages}
          options={loaderData.languages.map((l) => ({ value: l.code, label: l.name }))}
          checked={values.languages}
          error={errors?.fields?.languages}
        />
        <CheckboxGroup
          name="themes"
          legend={labels.themes}
          hint={t("account.themes.hint")}
          groups={schemes.map((s) => ({
            legend: s.legend,
            options: loaderData.themes.filter((th) => th.scheme === s.scheme).map((th) => ({ value: th.id, label: th.name })),
          }))}
          checked={values.themes}
          error={errors?.fields?.themes}
        />
        <div>
          <button type="submit">{t("account.profile.submit")}</button>
        </div>
      </Form>

      <h2>{t("account.work")}</h2>
      <ul className="links">
        <li>
          <Link to={`/${locale}/account/organizations`}>{t("myOrganizations.title")}</Link>
        </li>
        <li>
          <Link to={`/${locale}/account/tokens`}>{t("tokens.title")}</Link>
        </li>
        <li>
          <Link to={`/${locale}/account/expertise`}>{t("exchangePages.expertise.title")}</Link>
        </li>
        <li>
          <Link to={`/${locale}/account/notifications`}>{t("notificationsPages.settings.title")}</Link>
        </li>
      </ul>

      <h2>{t("account.security")}</h2>
      <ul className="links">
        <li>
          <Link to={`/${locale}/account/sessions`}>{t("sessions.title")}</Link>
        </li>
        <li>
          <Link to={`/${locale}/account/two-factor`}>{t("twoFactor.title")}</Link>
        </li>
      </ul>

      <h2>{t("account.privacy")}</h2>
      <p>{t("account.privacy.intro")}</p>
      <ul className="links">
        <li>
          <a href={`/${locale}/account/export`} download>
            {t("account.export")}
          </a>
        </li>
        <li>
          <Link to={`/${locale}/account/delete`}>{t("deleteAccount.title")}</Link>
        </li>
      </ul>
    </>
  );
}
