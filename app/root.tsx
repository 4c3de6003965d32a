import type { ReactNode } from "react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useLocation,
  useRouteLoaderData,
} from "react-router";
import { countUnread } from "../modules/notifications/list-notifications.ts";
import { catalogs } from "../platform/i18n/catalogs.ts";
import { defaultLocale, isLocale, locales } from "../platform/i18n/locales.ts";
import { localeCookieName, negotiateLocale, readCookie } from "../platform/i18n/negotiate.ts";
import type { Route } from "./+types/root";
import { Shell } from "./components/shell.tsx";
import { getRequestContext } from "./context.ts";
import { actorOf, currentUserOf } from "./route-helpers.ts";
import { I18nProvider, useI18n } from "./i18n.tsx";
import { useNonce } from "./nonce.tsx";
import stylesheet from "./styles/app.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = isLocale(params.lang)
    ? params.lang
    : negotiateLocale(request.headers.get("accept-language"), readCookie(request.headers.get("cookie"), localeCookieName));
  const { services, csrfToken } = getRequestContext(context);
  const [current, actor] = await Promise.all([currentUserOf(context, request), actorOf(context, request)]);
  // The header's count of unread notifications: one indexed count per page.
  const user = current ? { name: current.name, admin: actor.platformAdmin, timeZone: current.timeZone, unread: await countUnread(services, actor) } : null;
  const origin = services.config.PUBLIC_URL ? new URL(services.config.PUBLIC_URL).origin : new URL(request.url).origin;
  return { locale, messages: catalogs[locale], csrfToken, origin, user };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? defaultLocale;
  const nonce = useNonce();
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <LanguageAlternates origin={data?.origin} />
        {/* Stylesheets are same-origin (style-src 'self') and need no nonce; browsers hide
            nonces on scripts but not on links, so one here would differ at hydration. */}
        <Links nonce="" />
      </head>
      <body>
        <I18nProvider locale={locale} messages={data?.messages ?? catalogs[locale]} timeZone={data?.user?.timeZone}>
          {children}
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The same page in each language, for search engines (hreflang). */
function LanguageAlternates({ origin }: { origin?: string }) {
  const location = useLocation();
  const [, first, ...rest] = location.pathname.split("/");
  if (!origin || !isLocale(first)) return null;
  const path = rest.length ? `/${rest.join("/")}` : "";
  return (
    <>
      {locales.map((l) => (
        <link key={l} rel="alternate" hrefLang={l} href={`${origin}/${l}${path}${location.search}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${origin}/`} />
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, locale } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A refusal is not a failure of ours: it says so, not "something went wrong".
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "invalid" : "server";
  const title = t(`error.${kind}.title`);
  const detail = t(kind === "invalid" ? "error.badRequest.detail" : `error.${kind}.detail`);
  return (
    <Shell>
      <title>{`${title} · Pares`}</title>
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        <p>{detail}</p>
        <p>
          <a href={`/${locale}`}>{t("error.backHome")}</a>
        </p>
      </section>
    </Shell>
  );
}
