// The frame of every page: skip link, header with navigation and language switcher, footer.
import type { ReactNode } from "react";
import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "react-router";
import { locales } from "../../platform/i18n/locales.ts";
import { useI18n } from "../i18n.tsx";
import { CsrfField } from "./form.tsx";

export function Shell({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const root = useRouteLoaderData("root") as { user?: unknown } | undefined;
  // The exchange is for people signed in.
  const signedIn = !!root?.user;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to={`/${locale}`} className="brand">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.main")}>
            <ul className="nav-list">
              <li>
                <NavLink to={`/${locale}`} end>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink to={`/${locale}/cities`}>{t("nav.cities")}</NavLink>
              </li>
              <li>
                <NavLink to={`/${locale}/networks`}>{t("nav.networks")}</NavLink>
              </li>
              <li>
                <NavLink to={`/${locale}/organizations`}>{t("nav.organizations")}</NavLink>
              </li>
              <li>
                <NavLink to={`/${locale}/practices`}>{t("practicesPages.nav")}</NavLink>
              </li>
              {signedIn && (
                <li>
                  <NavLink to={`/${locale}/exchange`}>{t("exchangePages.nav")}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <UserMenu />
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("footer.about")}</p>
          <p>
            <a href="/api/v1/openapi.json">{t("footer.api")}</a>
          </p>
        </div>
      </footer>
    </>
  );
}

/** Who is signed in, with sign-out (a form post, so it works without JavaScript), or a sign-in link. */
function UserMenu() {
  const { t, locale } = useI18n();
  const root = useRouteLoaderData("root") as { user?: { name: string; admin: boolean; unread: number } | null } | undefined;
  const user = root?.user;
  if (!user) {
    return (
      <p className="user-menu">
        <Link to={`/${locale}/sign-in`}>{t("signIn.title")}</Link>
      </p>
    );
  }
  return (
    <div className="user-menu">
      {/* The count is part of the link's text, so screen readers say it too. */}
      <Link to={`/${locale}/notifications`} className={user.unread > 0 ? "notifications-link has-unread" : "notifications-link"}>
        {t("notificationsPages.nav", { count: user.unread })}
      </Link>
      <Link to={`/${locale}/account`}>{t("nav.account", { name: user.name })}</Link>
      <Link to={`/${locale}/account/organizations`}>{t("nav.myOrganizations")}</Link>
      {user.admin && <Link to={`/${locale}/admin`}>{t("nav.admin")}</Link>}
      <Form method="post" action={`/${locale}/sign-out`}>
        <CsrfField />
        <button type="submit" className="link-button">
          {t("nav.signOut")}
        </button>
      </Form>
    </div>
  );
}

/** Links to the same page in the other languages; the server remembers the choice. */
function LanguageSwitcher() {
  const { t, locale } = useI18n();
  const location = useLocation();
  const rest = location.pathname.split("/").slice(2).join("/");
  return (
    <nav aria-label={t("nav.language")} className="language-switcher">
      <ul>
        {locales.map((l) => (
          <li key={l}>
            {l === locale ? (
              <span aria-current="true" lang={l}>
                {t(`language.${l}`)}
              </span>
            ) : (
              <a href={`/${l}${rest ? `/${rest}` : ""}${location.search}`} hrefLang={l} lang={l}>
                {t(`language.${l}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
