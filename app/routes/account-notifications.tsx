// What a person hears about and how: their interests (themes, SDGs, countries, networks, kinds of
// item) and, per kind of event, the e-mail it brings (at once, a daily or weekly digest, or none;
// the inbox always has everything). Until they save, the defaults apply and the page says so.
import { Form, Link, redirect } from "react-router";
import { listCountries } from "../../modules/cities/list-countries.ts";
import { listItemChoices } from "../../modules/exchange/list-item-choices.ts";
import { getNotificationSettings } from "../../modules/notifications/get-notification-settings.ts";
import { eventKindNames } from "../../modules/notifications/kinds.ts";
import { saveNotificationSettings } from "../../modules/notifications/save-notification-settings.ts";
import { channels, interestKinds } from "../../modules/notifications/schema.ts";
import { listMyOrganizations } from "../../modules/organizations/list-my-organizations.ts";
import { listSdgs } from "../../modules/themes/list-sdgs.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { CheckboxGroup, CsrfField, ErrorSummary, SelectField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/account-notifications";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

interface Values {
  themeIds: string[];
  sdgGoals: string[];
  countryCodes: string[];
  networks: string[];
  kinds: string[];
  channels: Record<string, string>;
}

/** Lists sent as several values of one name; a refusal of one of them ("themeIds.2") is shown on the list. */
const listFields = ["themeIds", "sdgGoals", "countryCodes", "networks", "kinds"] as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const [settings, themes, sdgs, countries, mine] = await Promise.all([
    getNotificationSettings(ctx, actor),
    listThemes(ctx, {}, locale),
    listSdgs(ctx, {}, locale),
    listCountries(ctx, {}, locale),
    listMyOrganizations(ctx, actor),
  ]);
  // The networks of the person's organizations (those each may show items to), and any chosen before.
  const choices = await Promise.all(mine.memberships.map((m) => listItemChoices(ctx, actor, m.slug, locale).catch(() => null)));
  const networks = new Map<string, string>();
  for (const c of choices) for (const n of c?.networks ?? []) networks.set(n.slug, n.name);
  for (const slug of settings.networks) if (!networks.has(slug)) networks.set(slug, slug);
  const chosenCountries = new Set(settings.countryCodes);
  const values: Values = {
    themeIds: settings.themeIds,
    sdgGoals: settings.sdgGoals.map(String),
    countryCodes: settings.countryCodes,
    networks: settings.networks,
    kinds: settings.kinds,
    channels: settings.channels,
  };
  return {
    customized: settings.customized,
    values,
    options: {
      themes: themes.map((th) => ({ id: th.id, scheme: th.scheme, name: th.name })),
      sdgs: sdgs.map((g) => ({ goal: g.goal, shortName: g.shortName })),
      // Countries with cities in the directory (and any chosen before).
      countries: countries.filter((c) => c.cityCount > 0 || chosenCountries.has(c.code)).map((c) => ({ code: c.code, name: c.name })),
      networks: [...networks].map(([slug, name]) => ({ slug, name })),
      kinds: [...interestKinds],
      events: [...eventKindNames],
      channels: [...channels],
    },
    saved: new URL(request.url).searchParams.has("saved"),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const form = await request.formData();
  const list = (key: string) => form.getAll(key).filter((v): v is string => typeof v === "string");
  const values: Values = {
    themeIds: list("themeIds"),
    sdgGoals: list("sdgGoals"),
    countryCodes: list("countryCodes"),
    networks: list("networks"),
    kinds: list("kinds"),
    channels: Object.fromEntries(eventKindNames.flatMap((k) => list(`channels.${k}`).slice(0, 1).map((v) => [k, v]))),
  };
  try {
    await saveNotificationSettings(services(context), actor, values as Parameters<typeof saveNotificationSettings>[2]);
    return redirect(`/${locale}/account/notifications?saved`);
  } catch (error) {
    const response = formError(error, locale, { values });
    const fields = response.data.errors.fields;
    if (fields) {
      const shown: Record<string, string> = {};
      for (const [key, message] of Object.entries(fields)) shown[listFields.find((f) => key.startsWith(`${f}.`)) ?? key] ??= message;
      response.data.errors.fields = shown;
    }
    return response;
  }
}

export default function AccountNotifications({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { customized, options, saved } = loaderData;
  const values = actionData?.values ?? loaderData.values;
  const errors = actionData?.errors;
  const fieldErrors = errors?.fields ?? {};
  const labels: Record<string, string> = {
    themeIds: t("notificationsPages.settings.themes"),
    sdgGoals: t("notificationsPages.settings.sdgs"),
    countryCodes: t("notificationsPages.settings.countries"),
    networks: t("notificationsPages.settings.networks"),
    kinds: t("notificationsPages.settings.kinds"),
  };
  for (const k of options.events) labels[`channels.${k}`] = t(`notifications.kind.${k}`);
  const schemes = [...new Set(options.themes.map((th) => th.scheme))];
  const chosenCountries = new Set(values.countryCodes);
  return (
    <>
      <title>{`${t("notificationsPages.settings.title")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/account`}>{t("account.title")}</Link> · <Link to={`/${locale}/notifications`}>{t("notificationsPages.inbox.title")}</Link>
      </p>
      <h1>{t("notificationsPages.settings.title")}</h1>
      <p className="lead">{t("notificationsPages.settings.intro")}</p>
      {saved && !actionData && (
        <p role="status" className="notice">
          {t("notificationsPages.settings.saved")}
        </p>
      )}
      {!customized && !actionData && <p className="notice">{t("notificationsPages.settings.defaults")}</p>}
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <h2>{t("notificationsPages.settings.interestsTitle")}</h2>
        <p className="hint">{t("notificationsPages.settings.interestsHint")}</p>
        <CheckboxGroup
          name="themeIds"
          legend={labels.themeIds!}
          checked={values.themeIds}
          error={fieldErrors.themeIds}
          groups={schemes.map((s) => ({ legend: t(`exchangePages.scheme.${s}`), options: options.themes.filter((th) => th.scheme === s).map((th) => ({ value: th.id, label: th.name })) }))}
        />
        <CheckboxGroup
          name="sdgGoals"
          legend={labels.sdgGoals!}
          checked={values.sdgGoals}
          error={fieldErrors.sdgGoals}
          options={options.sdgs.map((g) => ({ value: String(g.goal), label: t("exchangePages.sdg", { goal: g.goal, name: g.shortName }) }))}
        />
        <CheckboxGroup
          name="kinds"
          legend={labels.kinds!}
          hint={t("notificationsPages.settings.kindsHint")}
          checked={values.kinds}
          error={fieldErrors.kinds}
          options={options.kinds.map((k) => ({ value: k, label: t(`notificationsPages.kind.${k}`) }))}
        />
        {options.networks.length > 0 && (
          <CheckboxGroup
            name="networks"
            legend={labels.networks!}
            hint={t("notificationsPages.settings.networksHint")}
            checked={values.networks}
            error={fieldErrors.networks}
            options={options.networks.map((n) => ({ value: n.slug, label: n.name }))}
          />
        )}
        <fieldset id="countryCodes" tabIndex={-1} aria-describedby={`countryCodes-hint${fieldErrors.countryCodes ? " countryCodes-error" : ""}`}>
          <legend>{labels.countryCodes}</legend>
          <p id="countryCodes-hint" className="hint">
            {t("notificationsPages.settings.countriesHint")}
          </p>
          {fieldErrors.countryCodes && (
            <p id="countryCodes-error" className="field-error">
              {fieldErrors.countryCodes}
            </p>
          )}
          <details className="choices" open={chosenCountries.size > 0 || !!fieldErrors.countryCodes}>
            <summary>{t("notificationsPages.settings.countriesShow", { count: chosenCountries.size })}</summary>
            <ul className="checkboxes">
              {options.countries.map((c) => (
                <li key={c.code}>
                  <input type="checkbox" id={`countryCodes-${c.code}`} name="countryCodes" value={c.code} defaultChecked={chosenCountries.has(c.code)} />
                  <label htmlFor={`countryCodes-${c.code}`}>{c.name}</label>
                </li>
              ))}
            </ul>
          </details>
        </fieldset>

        <h2>{t("notificationsPages.settings.channelsTitle")}</h2>
        <p className="hint">{t("notificationsPages.settings.channelsHint")}</p>
        <div className="channel-grid">
          {options.events.map((k) => (
            <SelectField
              key={k}
              name={`channels.${k}`}
              label={labels[`channels.${k}`]!}
              defaultValue={values.channels[k]}
              error={fieldErrors[`channels.${k}`]}
              options={options.channels.map((c) => ({ value: c, label: t(`notificationsPages.channel.${c}`) }))}
            />
          ))}
        </div>
        <div>
          <button type="submit">{t("notificationsPages.settings.save")}</button>
        </div>
      </Form>
    </>
  );
}
