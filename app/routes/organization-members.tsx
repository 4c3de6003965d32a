import { data, Form, Link } from "react-router";
import { changeMemberRole } from "../../modules/organizations/change-member-role.ts";
import { decideJoinRequest } from "../../modules/organizations/decide-join-request.ts";
import { inviteMember } from "../../modules/organizations/invite-member.ts";
import { listMembers } from "../../modules/organizations/list-members.ts";
import { removeMember } from "../../modules/organizations/remove-member.ts";
import { revokeInvitation } from "../../modules/organizations/revoke-invitation.ts";
import { memberRoles } from "../../modules/organizations/schema.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { CsrfField, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/organization-members";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  const list = await orPageError(listMembers(services(context), actor, params.slug), request, params);
  return {
    me: actor.userId,
    ...list,
    members: list.members.map((m) => ({ ...m, since: m.since.toISOString() })),
    invitations: list.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
    joinRequests: list.joinRequests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const fields = await formFields(request);
  try {
    switch (fields.intent) {
      case "invite": {
        await inviteMember(ctx, actor, params.slug, { email: fields.email ?? "", role: (fields.role ?? "") as never, locale: (fields.locale ?? locale) as never });
        return { done: "invited" as const };
      }
      case "role":
        await changeMemberRole(ctx, actor, params.slug, fields.userId ?? "", { role: fields.role });
        return { done: "roleChanged" as const };
      case "remove":
        await removeMember(ctx, actor, params.slug, fields.userId ?? "");
        return { done: "removed" as const };
      case "revoke":
        await revokeInvitation(ctx, actor, params.slug, fields.invitationId ?? "");
        return { done: "revoked" as const };
      case "decide":
        await decideJoinRequest(ctx, actor, params.slug, fields.requestId ?? "", { decision: fields.decision, role: fields.role || undefined });
        return { done: fields.decision === "approve" ? ("approved" as const) : ("declined" as const) };
      default:
        throw data(null, { status: 400 });
    }
  } catch (error) {
    return formError(error, locale, { intent: fields.intent, email: fields.email });
  }
}

export default function OrganizationMembers({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { organization, members, invitations, joinRequests, canManage, me } = loaderData;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const done = actionData && "done" in actionData ? actionData.done : undefined;
  const roleOptions = memberRoles.map((r) => ({ value: r, label: t(`organization.role.${r}`) }));
  const when = dateTime;
  return (
    <>
      <title>{`${t("members.title")} · ${organization.name} · Pares`}</title>
      <p>
        <Link to={`/${locale}/organizations/${organization.slug}`}>{organization.name}</Link>
      </p>
      <h1>{t("members.title")}</h1>
      {done && <p role="status">{t(`members.done.${done}`)}</p>}
      <ErrorSummary errors={errors} labels={{ email: t("account.email"), role: t("members.role") }} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("members.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.role")}</th>
              {canManage && <th scope="col">{t("members.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">
                  {m.name}
                  {m.position && <span className="muted"> · {m.position}</span>}
                  {m.email && <div className="muted">{m.email}</div>}
                </th>
                <td>{t(`organization.role.${m.role}`)}</td>
                {canManage && (
                  <td>
                    <Form method="post" className="inline-field">
                      <CsrfField />
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <label htmlFor={`role-${m.userId}`} className="visually-hidden">
                        {t("members.roleOf", { name: m.name })}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                        {roleOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="secondary">
                        {t("members.changeRole")}
                      </button>
                    </Form>
                    {m.userId !== me && (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="secondary" aria-label={t("members.removeNamed", { name: m.name })}>
                          {t("members.remove")}
                        </button>
                      </Form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage && (
        <>
          <section aria-labelledby="requests-title">
            <h2 id="requests-title">{t("members.requests.title")}</h2>
            {joinRequests.length === 0 ? (
              <p>{t("members.requests.none")}</p>
            ) : (
              <ul className="cards">
                {joinRequests.map((r) => (
                  <li key={r.id} className="card">
                    <h3 className="card-title">{r.name}</h3>
                    <p className="muted">
                      {r.email} · {when(r.createdAt)}
                    </p>
                    {r.message && <blockquote>{r.message}</blockquote>}
                    <Form method="post" className="inline-field">
                      <CsrfField />
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="requestId" value={r.id} />
                      <label htmlFor={`approve-role-${r.id}`}>{t("members.role")}</label>
                      <select id={`approve-role-${r.id}`} name="role" defaultValue="staff">
                        {roleOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" name="decision" value="approve">
                        {t("members.requests.approve")}
                      </button>
                      <button type="submit" name="decision" value="decline" className="secondary">
                        {t("members.requests.decline")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="invite-title">
            <h2 id="invite-title">{t("members.invite.title")}</h2>
            <p>{t("members.invite.intro")}</p>
            <Form method="post" className="stack narrow" noValidate key={done === "invited" ? `sent-${invitations.length}` : "invite"}>
              <CsrfField />
              <input type="hidden" name="intent" value="invite" />
              <TextField
                name="email"
                label={t("account.email")}
                type="email"
                required
                defaultValue={actionData && "email" in actionData && actionData.intent === "invite" ? (actionData.email ?? "") : ""}
                error={errors?.fields?.email}
              />
              <SelectField name="role" label={t("members.role")} options={roleOptions} defaultValue="staff" error={errors?.fields?.role} />
              <SelectField
                name="locale"
                label={t("members.invite.language")}
                defaultValue={locale}
                options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              />
              <div>
                <button type="submit">{t("members.invite.submit")}</button>
              </div>
            </Form>
          </section>
          <section aria-labelledby="invitations-title">
            <h2 id="invitations-title">{t("members.invitations.title")}</h2>
            {invitations.length === 0 ? (
              <p>{t("members.invitations.none")}</p>
            ) : (
              <ul>
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.email} · {t(`organization.role.${i.role}`)} · {t("members.invitations.expires", { time: when(i.expiresAt) })}{" "}
                    <Form method="post" className="inline">
                      <CsrfField />
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="secondary" aria-label={t("members.invitations.revokeNamed", { email: i.email })}>
                        {t("members.invitations.revoke")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
