import { Form } from "react-router";
import { createToken } from "../../modules/accounts/create-token.ts";
import { listTokens } from "../../modules/accounts/list-tokens.ts";
import { revokeToken } from "../../modules/accounts/revoke-token.ts";
import { CsrfField, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/account-tokens";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  const tokens = await listTokens(services(context), actor);
  return {
    tokens: tokens.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  try {
    if (fields.intent === "revoke") {
      await revokeToken(services(context), actor, fields.tokenId ?? "");
      return { revoked: true as const };
    }
    const created = await createToken(services(context), actor, {
      name: fields.name ?? "",
      scope: (fields.scope ?? "") as never,
      expiresInDays: fields.expiresInDays ?? "",
    });
    // The only time the token is shown: the response is not cached anywhere.
    return { created: { name: created.name, token: created.token, expiresAt: created.expiresAt.toISOString() } };
  } catch (error) {
    return formError(error, locale, { name: fields.name });
  }
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function AccountTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const created = actionData && "created" in actionData ? actionData.created : undefined;
  const when = dateTime;
  const labels = { name: t("tokens.name"), scope: t("tokens.scope"), expiresInDays: t("tokens.expiresInDays") };
  return (
    <>
      <title>{`${t("tokens.title")} · Pares`}</title>
      <h1>{t("tokens.title")}</h1>
      <p>{t("tokens.intro")}</p>
      {created && (
        <div role="status" className="notice">
          <h2>{t("tokens.created", { name: created.name })}</h2>
          <p>{t("tokens.copyNow")}</p>
          <p>
            <label htmlFor="new-token">{t("tokens.token")}</label>
            <input id="new-token" readOnly value={created.token} className="token" />
          </p>
        </div>
      )}
      {actionData && "revoked" in actionData && <p role="status">{t("tokens.revoked")}</p>}
      <ErrorSummary errors={errors} labels={labels} />
      <section aria-labelledby="new-token-title">
        <h2 id="new-token-title">{t("tokens.new")}</h2>
        {/* A new form after each token, so a second click does not make the same token again. */}
        <Form method="post" className="stack narrow" noValidate key={created?.token ?? "new"}>
          <CsrfField />
          <TextField name="name" label={labels.name} required maxLength={100} error={errors?.fields?.name} hint={t("tokens.nameHint")} />
          <SelectField
            name="scope"
            label={labels.scope}
            defaultValue="read"
            error={errors?.fields?.scope}
            options={[
              { value: "read", label: t("tokens.scope.read") },
              { value: "write", label: t("tokens.scope.write") },
            ]}
          />
          <SelectField
            name="expiresInDays"
            label={labels.expiresInDays}
            defaultValue="90"
            error={errors?.fields?.expiresInDays}
            options={[7, 30, 90, 180, 365].map((d) => ({ value: String(d), label: t("tokens.days", { count: d }) }))}
          />
          <div>
            <button type="submit">{t("tokens.create")}</button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="tokens-list-title">
        <h2 id="tokens-list-title">{t("tokens.list")}</h2>
        {loaderData.tokens.length === 0 ? (
          <p>{t("tokens.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("tokens.name")}</th>
                  <th scope="col">{t("tokens.scope")}</th>
                  <th scope="col">{t("tokens.status")}</th>
                  <th scope="col">{t("tokens.lastUsed")}</th>
                  <th scope="col">{t("members.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {loaderData.tokens.map((tk) => (
                  <tr key={tk.id}>
                    <th scope="row">
                      {tk.name} <code>{tk.prefix}…</code>
                    </th>
                    <td>{t(`tokens.scope.${tk.scope}`)}</td>
                    <td>
                      {t(`tokens.status.${tk.status}`)}
                      {tk.status === "active" && <div className="muted">{t("members.invitations.expires", { time: when(tk.expiresAt) })}</div>}
                    </td>
                    <td>{tk.lastUsedAt ? when(tk.lastUsedAt) : t("tokens.neverUsed")}</td>
                    <td>
                      {tk.status === "active" && (
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="tokenId" value={tk.id} />
                          <button type="submit" className="secondary" aria-label={t("tokens.revokeNamed", { name: tk.name })}>
                            {t("tokens.revoke")}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
