// A city's portfolio as shown on its page and on the printable copy: alerts, what is coming, and
// every network grouped by kind with the membership, roles (now, coming, before), technical
// teams and candidacies.
import { Link } from "react-router";
import type { ComingUpItem, Portfolio, PortfolioAlert, PortfolioNetwork, PortfolioRole } from "../../modules/portfolio/get-portfolio.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Translate } from "../../platform/i18n/translator.ts";
import { useI18n } from "../i18n.tsx";

const year = (date: string) => date.slice(0, 4);

/** "2022–2023", "2024" or "2022–" for a role's years. */
export function roleYears(role: Pick<PortfolioRole, "startsOn" | "endsOn">): string {
  const from = year(role.startsOn);
  if (!role.endsOn) return `${from}–`;
  const to = year(role.endsOn);
  return from === to ? from : `${from}–${to}`;
}

/** "Coordinated Culture 2022–2023", in the page's language. */
export function historySentence(t: Translate, role: PortfolioRole): string {
  return t(`portfolio.history.${role.role}`, { body: role.bodyName.text, years: roleYears(role) });
}

function until(t: Translate, locale: Locale, role: PortfolioRole): string {
  return role.endsOn
    ? t("networkPage.period", { from: formatDate(locale, role.startsOn), to: formatDate(locale, role.endsOn) })
    : t("networkPage.since", { from: formatDate(locale, role.startsOn) });
}

function Source({ url, about }: { url: string | null; about: string }) {
  const { t } = useI18n();
  // Only web addresses are links (a source is data someone typed).
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return (
    <>
      {" "}
      <a href={url} className="source-link" rel="noopener noreferrer nofollow" aria-label={t("networkPage.sourceOf", { about })}>
        {t("networkPage.source")}
      </a>
    </>
  );
}

function BodyName({ role }: { role: Pick<PortfolioRole, "bodyName"> }) {
  return <span lang={role.bodyName.fallback ? role.bodyName.language : undefined}>{role.bodyName.text}</span>;
}

function AlertText({ alert }: { alert: PortfolioAlert }) {
  const { t, locale } = useI18n();
  switch (alert.kind) {
    case "membership_stale":
      return (
        <>
          {t("portfolio.alert.membershipStale", {
            network: alert.network.name,
            status: t(`portfolio.status.${alert.status}`),
            date: formatDate(locale, alert.since),
            days: alert.days,
          })}
        </>
      );
    case "role_ending":
      return (
        <>
          {t("portfolio.alert.roleEnding", {
            network: alert.network.name,
            role: t(`portfolio.role.${alert.role.role}`),
            body: alert.role.bodyName.text,
            date: formatDate(locale, alert.role.endsOn!),
            days: alert.days,
          })}
        </>
      );
    case "unit_without_people":
      return <>{t("portfolio.alert.unitWithoutPeople", { network: alert.network.name, body: alert.bodyName.text })}</>;
  }
}

function ComingUpText({ item }: { item: ComingUpItem }) {
  const { t } = useI18n();
  switch (item.kind) {
    case "role_ends":
      return <>{t("portfolio.coming.roleEnds", { network: item.network.name, role: t(`portfolio.role.${item.role.role}`), body: item.role.bodyName.text })}</>;
    case "role_starts":
      return <>{t("portfolio.coming.roleStarts", { network: item.network.name, role: t(`portfolio.role.${item.role.role}`), body: item.role.bodyName.text })}</>;
    case "candidacy_window":
      return <>{t("portfolio.coming.window", { network: item.network.name, term: item.window.termLabel })}</>;
    case "candidacy":
      // Awaiting the decision: nothing begins for the city yet.
      return (
        <>
          {t("portfolio.coming.candidacy", {
            network: item.network.name,
            role: item.candidacy.role,
            body: item.candidacy.bodyName.text,
            term: item.candidacy.termLabel,
            status: item.candidacy.status,
          })}
        </>
      );
  }
}

function NetworkEntry({ network: n, links }: { network: PortfolioNetwork; links: boolean }) {
  const { t, locale } = useI18n();
  const m = n.membership;
  const headingId = `network-${n.slug}`;
  return (
    <article className="card portfolio-network" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        {links ? <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link> : n.name}
        {n.acronym && n.acronym !== n.name && <span className="muted"> ({n.acronym})</span>}{" "}
        <span className={n.hosted ? "badge" : "badge external"}>{n.hosted ? t("networkPage.hosted") : t("networkPage.external")}</span>
      </h3>
      <p>
        {m ? (
          <>
            <strong>{t(`portfolio.status.${m.status}`)}</strong>
            {m.category && <> · {m.category}</>}
            {m.since && <> · {t("portfolio.memberSince", { date: formatDate(locale, m.since) })}</>}
            {m.founding && <> · {t("portfolio.founding")}</>}
            <Source url={m.sourceUrl} about={`${n.name}, ${t(`portfolio.status.${m.status}`)}`} />
          </>
        ) : (
          <span className="muted">{t("portfolio.noMembership")}</span>
        )}
      </p>
      <h4>{t("portfolio.rolesNow")}</h4>
      {n.current.length === 0 ? (
        <p className="muted">{t("portfolio.noRolesNow")}</p>
      ) : (
        <ul>
          {n.current.map((r) => (
            <li key={r.id}>
              {t(`portfolio.role.${r.role}`)} · <BodyName role={r} /> <span className="muted">({r.termLabel ? `${r.termLabel}, ` : ""}{until(t, locale, r)})</span>
              <Source url={r.sourceUrl} about={`${n.name}, ${t(`portfolio.role.${r.role}`)}, ${r.bodyName.text}`} />
            </li>
          ))}
        </ul>
      )}
      {n.upcoming.length > 0 && (
        <>
          <h4>{t("portfolio.rolesUpcoming")}</h4>
          <ul>
            {n.upcoming.map((r) => (
              <li key={r.id}>
                {t(`portfolio.role.${r.role}`)} · <BodyName role={r} /> <span className="muted">({r.termLabel ? `${r.termLabel}, ` : ""}{until(t, locale, r)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {n.past.length > 0 && (
        <>
          <h4>{t("portfolio.rolesPast")}</h4>
          <ul>
            {n.past.map((r) => (
              <li key={r.id}>
                {historySentence(t, r)}
                <Source url={r.sourceUrl} about={`${n.name}, ${historySentence(t, r)}`} />
              </li>
            ))}
          </ul>
        </>
      )}
      {n.units.length > 0 && (
        <>
          <h4>{t("portfolio.teams")}</h4>
          <ul>
            {n.units.map((u) => (
              <li key={u.bodySlug}>
                {links ? (
                  <Link to={`/${locale}/networks/${n.slug}/bodies/${u.bodySlug}`} lang={u.bodyName.fallback ? u.bodyName.language : undefined}>
                    {u.bodyName.text}
                  </Link>
                ) : (
                  <BodyName role={u} />
                )}
                :{" "}
                {u.people.length > 0 ? (
                  u.people.map((p) => p.name).join(", ")
                ) : (
                  <strong className="warning-text">{t("portfolio.teamEmpty")}</strong>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {n.candidacies.length > 0 && (
        <>
          <h4>{t("portfolio.candidacies")}</h4>
          <ul>
            {n.candidacies.map((c) => (
              <li key={c.id}>
                {t("portfolio.candidacy", { role: t(`portfolio.role.${c.role}`), body: c.bodyName.text, term: c.termLabel })}:{" "}
                <strong>{t(`portfolio.candidacyStatus.${c.status}`)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {n.openWindows.map((w) => (
        <p key={w.termLabel} className="notice">
          {t("portfolio.windowOpen", { term: w.termLabel, date: formatDate(locale, w.closesOn) })}
          {/* A candidacy is submitted on the unit's own page, reached from the network's bodies. */}
          {links && (
            <>
              {" "}
              {t("portfolio.applyHow")} <Link to={`/${locale}/networks/${n.slug}/bodies`}>{t("portfolio.applyToCoordinate", { network: n.name })}</Link>
            </>
          )}
        </p>
      ))}
    </article>
  );
}

/** The portfolio's content; `links` off on the printable copy. */
export function PortfolioView({ portfolio, links = true }: { portfolio: Portfolio; links?: boolean }) {
  const { t, locale } = useI18n();
  const total = portfolio.groups.reduce((sum, g) => sum + g.networks.length, 0);
  return (
    <>
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t("portfolio.alerts.title", { count: portfolio.alerts.length })}</h2>
        {portfolio.alerts.length === 0 ? (
          <p>{t("portfolio.alerts.none")}</p>
        ) : (
          <ul className="portfolio-alerts">
            {portfolio.alerts.map((a, i) => (
              <li key={i} className="alert">
                <span className="alert-kind">{t(`portfolio.alert.kind.${a.kind}`)}: </span>
                <AlertText alert={a} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="coming-title">
        <h2 id="coming-title">{t("portfolio.coming.title")}</h2>
        {portfolio.comingUp.length === 0 ? (
          <p>{t("portfolio.coming.none")}</p>
        ) : (
          <ul className="coming-up">
            {portfolio.comingUp.map((item, i) => (
              <li key={i}>
                <time dateTime={item.date}>{formatDate(locale, item.date)}</time> · <ComingUpText item={item} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {total === 0 && <p>{t("portfolio.noNetworks")}</p>}
      {portfolio.groups
        .filter((g) => g.networks.length > 0)
        .map((g) => (
          <section key={g.kind} aria-labelledby={`group-${g.kind}`}>
            <h2 id={`group-${g.kind}`}>{t(`portfolio.group.${g.kind}`, { count: g.networks.length })}</h2>
            <div className="portfolio-networks">
              {g.networks.map((n) => (
                <NetworkEntry key={n.slug} network={n} links={links} />
              ))}
            </div>
          </section>
        ))}
    </>
  );
}
