import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/language-redirect.tsx"),
  route(":lang", "routes/locale-layout.tsx", [
    index("routes/home.tsx"),
    route("cities", "routes/cities.tsx"),
    route("cities/:cityId", "routes/city.tsx"),
    route("networks/:slug", "routes/network.tsx"),
    route("dev/mailbox", "routes/dev-mailbox.tsx"),
    route("sign-up", "routes/sign-up.tsx"),
    route("check-email", "routes/check-email.tsx"),
    route("verify-email", "routes/verify-email.tsx"),
    route("sign-in", "routes/sign-in.tsx"),
    route("sign-out", "routes/sign-out.tsx"),
    route("forgot-password", "routes/forgot-password.tsx"),
    route("reset-password", "routes/reset-password.tsx"),
    route("account", "routes/account.tsx"),
    route("account/sessions", "routes/account-sessions.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
