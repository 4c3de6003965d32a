import { Form, Link } from "react-router";
import { searchUsers } from "../../modules/accounts/search-users.ts";
import { setUserDisabled } from "../../modules/accounts/set-user-disabled.ts";
import { CsrfField, ErrorSummary, SelectField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orPageError, pageLocale, queryOf, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/admin-users";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  const query = queryOf(request);
  const result = await orPageError(searchUsers(services(context), actor, query), request, params);
  return { query, me: actor.userId, result: { ...result, items: result.items.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })) } };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  try {
    await setUserDisabled(services(context), actor, fields.userId ?? "", fields.intent === "disable");
    return { done: fields.intent === "disable" ? ("disabled" as const) : ("enabled" as const) };
  } catch (error) {
    return formError(error, pageLocale(params));
  }
}

export default function AdminUsers({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { query, result, me } = loaderData;
  const pageLink = (page: number) => `/${locale}/admin/users?${new URLSearchParams({ ...query, page: String(page) })}`;
  return (
    <>
      <title>{`${t("admin.users.title")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/admin`}>{t("admin.title")}</Link>
      </p>
      <h1>{t("admin.users.title")}</h1>
      {actionData && "done" in actionData && <p role="status">{t(`admin.users.done.${actionData.done}`)}</p>}
      <ErrorSummary errors={actionData && "errors" in actionData ? actionData.errors : undefined} labels={{}} />
      <form method="get" className="filters" role="search" aria-label={t("admin.users.title")}>
        <div className="field">
          <label htmlFor="q">{t("admin.users.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <SelectField
          name="status"
          label={t("tokens.status")}
          defaultValue={query.status ?? ""}
          options={[
            { value: "", label: t("admin.users.status.any") },
            { value: "active", label: t("admin.users.status.active") },
            { value: "disabled", label: t("admin.users.status.disabled") },
            { value: "admin", label: t("admin.users.status.admin") },
          ]}
        />
        <div className="field actions">
          <button type="submit">{t("cities.search.submit")}</button>
        </div>
      </form>
      <h2 aria-live="polite">{t("admin.users.count", { count: result.total })}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("tokens.status")}</th>
              <th scope="col">{t("admin.users.since")}</th>
              <th scope="col">{t("members.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  <div className="muted">{u.email}</div>
                </th>
                <td>
                  {u.disabled ? t("admin.users.status.disabled") : t("admin.users.status.active")}
                  {u.role === "admin" && <> · {t("account.role.admin")}</>}
                  {!u.emailVerified && <> · {t("admin.users.unverified")}</>}
                  {u.twoFactorEnabled && <> · {t("admin.users.twoFactor")}</>}
                  <div className="muted">{t("admin.users.organizations", { count: u.organizationCount })}</div>
                </td>
                <td>{dateTime(u.createdAt)}</td>
                <td>
                  {u.id !== me && (
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="intent" value={u.disabled ? "enable" : "disable"} />
                      <button type="submit" className="secondary" aria-label={t(u.disabled ? "admin.users.enableNamed" : "admin.users.disableNamed", { name: u.name })}>
                        {t(u.disabled ? "admin.users.enable" : "admin.users.disable")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} link={pageLink} />
    </>
  );
}
