import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/language-redirect.tsx"),
  route(":lang", "routes/locale-layout.tsx", [
    index("routes/home.tsx"),
    route("cities", "routes/cities.tsx"),
    route("cities/:cityId", "routes/city.tsx"),
    route("networks/:slug", "routes/network.tsx"),
    route("dev/mailbox", "routes/dev-mailbox.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
