// A network's programme (the South–South programme): what it is, its calls, its trainings and its
// public figures (awarded per year, country, theme, modality), with the figures as CSV.
import { Link } from "react-router";
import { getProgramme } from "../../modules/calls/get-programme.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { useI18n } from "../i18n.tsx";
import { actorOf, orPageError, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/programme";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await actorOf(context, request);
  const locale = pageLocale(params);
  const programme = await orPageError(getProgramme(services(context), actor, params.slug, params.programme, locale), request, params);
  const themeNames = Object.fromEntries((await listThemes(services(context), {}, locale)).map((th) => [th.id, th.name]));
  return { programme, themeNames };
}

function Figures({ rows, label, keyLabel, currency }: { rows: { key: string; projects: number; awardedCents: number }[]; label: string; keyLabel: (key: string) => string; currency: string }) {
  const { t, number } = useI18n();
  if (rows.length === 0) return null;
  return (
    <table>
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">{t("callsPages.figures.projects")}</th>
          <th scope="col">{t("callsPages.figures.awarded")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{keyLabel(r.key)}</th>
            <td>{number(r.projects)}</td>
            <td>{number(r.awardedCents / 100, { style: "currency", currency, maximumFractionDigits: 0 })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Programme({ loaderData }: Route.ComponentProps) {
  const { t, locale, dateTime, number } = useI18n();
  const { programme, themeNames } = loaderData;
  const s = programme.statistics;
  const money = (cents: number, currency = s.currency) => number(cents / 100, { style: "currency", currency, maximumFractionDigits: 0 });
  return (
    <>
      <title>{`${programme.text.name} · ${programme.network.name} · Pares`}</title>
      <p className="muted">
        <Link to={`/${locale}/networks/${programme.network.slug}`}>{programme.network.name}</Link>
      </p>
      <div lang={programme.language}>
        <h1>{programme.text.name}</h1>
        <p>{programme.text.purpose}</p>
        <h2>{t("callsPages.programme.principles")}</h2>
        <p>{programme.text.principles}</p>
        <h2>{t("callsPages.programme.linesOfAction")}</h2>
        <p>{programme.text.linesOfAction}</p>
      </div>

      <section aria-labelledby="calls-title">
        <h2 id="calls-title">{t("callsPages.programme.calls")}</h2>
        {programme.calls.length === 0 ? (
          <p>{t("callsPages.programme.noCalls")}</p>
        ) : (
          <ul className="cards">
            {programme.calls.map((c) => (
              <li key={c.id} className="card">
                <h3 className="card-title" lang={c.language}>
                  <Link to={`/${locale}/calls/${c.id}`}>{c.title}</Link>
                </h3>
                <p className="muted">
                  {t(`callsPages.kind.${c.kind}`)} · {t(`callsPages.status.${c.status}`)} · {t("callsPages.call.period", { opens: dateTime(c.opensAt), closes: dateTime(c.closesAt) })}
                  {c.kind === "project_funding" && <> · {t("callsPages.call.cap", { cap: money(c.projectCapCents, c.currency) })}</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {programme.trainings.length > 0 && (
        <section aria-labelledby="trainings-title">
          <h2 id="trainings-title">{t("callsPages.programme.trainings")}</h2>
          {programme.trainings.map((tr) => (
            <article key={tr.name} lang={tr.language}>
              <h3>{tr.name}</h3>
              <p>{tr.description}</p>
              <p className="muted">{tr.covered}</p>
              <ul>
                {tr.editions.map((e) => (
                  <li key={e.id} lang={locale}>
                    <Link to={`/${locale}/calls/${e.callId}`}>{t("callsPages.training.edition", { label: e.label })}</Link> ·{" "}
                    {t("callsPages.training.details", { mode: t(`callsPages.mode.${e.mode}`), place: e.place || "—", min: e.seatsMin, max: e.seatsMax, value: money(e.valuePerParticipantCents, e.currency) })}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      )}

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("callsPages.figures.title")}</h2>
        <dl className="stats">
          <div>
            <dt>{t("callsPages.figures.awardedTotal")}</dt>
            <dd>{money(s.awardedCents)}</dd>
          </div>
          <div>
            <dt>{t("callsPages.figures.counterpart")}</dt>
            <dd>{money(s.counterpartCents)}</dd>
          </div>
          <div>
            <dt>{t("callsPages.figures.projects")}</dt>
            <dd>{number(s.projects)}</dd>
          </div>
          <div>
            <dt>{t("callsPages.figures.cities")}</dt>
            <dd>{number(s.cities)}</dd>
          </div>
        </dl>
        <Figures rows={s.byYear} label={t("callsPages.figures.byYear")} keyLabel={(k) => k} currency={s.currency} />
        <Figures rows={s.byCountry} label={t("callsPages.figures.byCountry")} keyLabel={(k) => new Intl.DisplayNames([locale], { type: "region" }).of(k) ?? k} currency={s.currency} />
        <Figures rows={s.byTheme} label={t("callsPages.figures.byTheme")} keyLabel={(k) => themeNames[k] ?? k} currency={s.currency} />
        <Figures rows={s.byModality} label={t("callsPages.figures.byModality")} keyLabel={(k) => t(`callsPages.modality.${k}`)} currency={s.currency} />
        <p>
          <a href={`/${locale}/networks/${programme.network.slug}/programmes/${programme.slug}/statistics.csv`} download>
            {t("callsPages.figures.csv")}
          </a>
        </p>
      </section>
    </>
  );
}
