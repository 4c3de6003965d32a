import { data, Form, Link, redirect } from "react-router";
import { addTeamMember } from "../../modules/governance/add-team-member.ts";
import { assignRole } from "../../modules/governance/assign-role.ts";
import { endRole } from "../../modules/governance/end-role.ts";
import { getBody } from "../../modules/governance/get-body.ts";
import { joinUnit } from "../../modules/governance/join-unit.ts";
import { leaveUnit } from "../../modules/governance/leave-unit.ts";
import { removeTeamMember } from "../../modules/governance/remove-team-member.ts";
import { candidacyRoles } from "../../modules/governance/schema.ts";
import { setCouncilSeats } from "../../modules/governance/set-council-seats.ts";
import { submitCandidacy } from "../../modules/governance/submit-candidacy.ts";
import { updateBody } from "../../modules/governance/update-body.ts";
import { withdrawCandidacy } from "../../modules/governance/withdraw-candidacy.ts";
import { listCountries } from "../../modules/cities/list-countries.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { isLocale, locales } from "../../platform/i18n/locales.ts";
import { CsrfField, ErrorSummary } from "../components/form.tsx";
import { formatDay, GovernanceNav, Period, years } from "../components/governance.tsx";
import { CheckField, ChecksField, ChoiceField, InputField, LongTextField } from "../components/governance-fields.tsx";
import { errorLabels, governanceFormError, readForm, splitCodes } from "../governance-forms.ts";
import { useI18n } from "../i18n.tsx";
import { actorOf, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/governance.css?url";
import type { Route } from "./+types/network-body";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

const doneKinds = ["created", "edited", "seats", "assigned", "alreadyAssigned", "ended", "joined", "alreadyTakesPart", "left", "teamJoined", "teamLeft", "teamAdded", "teamRemoved", "applied", "withdrawn"] as const;
type Done = (typeof doneKinds)[number];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const ctx = services(context);
  const detail = await orPageError(getBody(ctx, actor, params.slug, params.bodySlug, locale), request, params);
  const query = new URL(request.url).searchParams;
  const asked = query.get("language");
  const done = query.get("done");
  const themes = detail.viewer.canManage ? (await listThemes(ctx, { scheme: "network-spaces" }, locale)).map((t) => ({ id: t.id, name: t.name })) : [];
  const countries = detail.viewer.canManage && detail.body.kind === "council" ? (await listCountries(ctx, {}, locale)).map((c) => ({ code: c.code, name: c.name })) : [];
  return {
    ...detail,
    themes,
    countries,
    editLanguage: isLocale(asked) ? asked : locale,
    done: doneKinds.includes(done as Done) ? (done as Done) : null,
    signedIn: actor.userId !== null,
    me: actor.userId,
  };
}

/** The fields each form shows, by intent: a refusal about any other field is told for the whole form. */
const shown: Record<string, readonly string[]> = {
  edit: ["name", "description", "themeIds", "regionCodes", "position", "active"],
  seats: ["seats"],
  assign: ["organization", "role", "term", "startsOn", "endsOn", "seatCountryCode", "note", "sourceUrl"],
  apply: ["term", "role", "statement"],
  addTeam: ["userId"],
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const { fields, all } = await readForm(request);
  const { slug, bodySlug } = params;
  const intent = fields.intent ?? "";
  const back = (done: Done, extra = "") => redirect(`/${locale}/networks/${slug}/bodies/${bodySlug}?done=${done}${extra}`);
  try {
    switch (intent) {
      case "edit": {
        const language = isLocale(fields.language) ? fields.language : locale;
        if (fields.scope === "description") {
          await updateBody(ctx, actor, slug, bodySlug, { language, description: fields.description ?? "" });
        } else {
          await updateBody(ctx, actor, slug, bodySlug, {
            language,
            name: fields.name || undefined,
            description: fields.description ?? "",
            themeIds: all("themeIds"),
            regionCodes: splitCodes(fields.regionCodes),
            position: (fields.position || undefined) as never,
            active: fields.active as never,
          });
        }
        return back("edited", `&language=${language}`);
      }
      case "seats": {
        const seats = Object.entries(fields)
          .filter(([k, v]) => k.startsWith("seat-") && v !== "")
          .map(([k, v]) => ({ countryCode: k.slice(5), seats: v as never }));
        if (fields.newCountry && fields.newSeats) seats.push({ countryCode: fields.newCountry, seats: fields.newSeats as never });
        await setCouncilSeats(ctx, actor, slug, bodySlug, { seats });
        return back("seats");
      }
      case "assign": {
        const { created } = await assignRole(ctx, actor, slug, {
          body: bodySlug,
          organization: fields.organization ?? "",
          role: fields.role as never,
          term: fields.term,
          startsOn: fields.startsOn,
          endsOn: fields.endsOn,
          seatCountryCode: fields.seatCountryCode,
          note: fields.note,
          sourceUrl: fields.sourceUrl,
        });
        // The same role sent again: already recorded, nothing changed.
        return back(created ? "assigned" : "alreadyAssigned");
      }
      case "end":
        await endRole(ctx, actor, slug, fields.roleId ?? "", { endsOn: fields.endsOn });
        return back("ended");
      case "join": {
        // An organization already taking part (a coordinator included) is told so: nothing is added.
        const { joined } = await joinUnit(ctx, actor, slug, bodySlug, { organization: fields.organization });
        return back(joined ? "joined" : "alreadyTakesPart");
      }
      case "leave":
        await leaveUnit(ctx, actor, slug, bodySlug, { organization: fields.organization });
        return back("left");
      case "joinTeam":
        await addTeamMember(ctx, actor, slug, bodySlug, actor.userId, { organization: fields.organization });
        return back("teamJoined");
      case "leaveTeam":
        await removeTeamMember(ctx, actor, slug, bodySlug, actor.userId, { organization: fields.organization });
        return back("teamLeft");
      case "addTeam":
        await addTeamMember(ctx, actor, slug, bodySlug, fields.userId ?? "", { organization: fields.organization });
        return back("teamAdded");
      case "removeTeam":
        await removeTeamMember(ctx, actor, slug, bodySlug, fields.userId ?? "", { organization: fields.organization });
        return back(fields.userId === actor.userId ? "teamLeft" : "teamRemoved");
      case "apply":
        await submitCandidacy(ctx, actor, slug, { body: bodySlug, term: fields.term ?? "", role: fields.role as never, statement: fields.statement ?? "", organization: fields.organization });
        return back("applied");
      case "withdraw":
        await withdrawCandidacy(ctx, actor, slug, fields.candidacyId ?? "");
        return back("withdrawn");
      default:
        throw data(null, { status: 400 });
    }
  } catch (error) {
    return governanceFormError(error, locale, { intent, shown: shown[intent] ?? [], values: fields });
  }
}

export default function NetworkBody({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { network, body, seats, current, participants, upcoming, history, team, terms, candidacies, members, viewer, themes, countries, editLanguage, done, signedIn, me } = loaderData;
  const errors = actionData?.errors;
  const failed = actionData?.intent;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const valueFor = (intent: string, field: string, fallback = "") => (failed === intent ? (values[field] ?? fallback) : fallback);
  const err = (intent: string, field: string) => errors?.fields?.[`${intent}-${field}`];
  const org = viewer.organization;
  const ownHistory = org ? history.filter((h) => h.organization.slug === org.slug) : [];
  const roleOptions = body.roleKinds.map((r) => ({ value: r, label: t(`governance.role.${r}`) }));
  const termOptions = [{ value: "", label: t("governance.assign.noTerm") }, ...terms.map((term) => ({ value: term.id, label: term.label }))];
  // Who ends which role: a hosted network's secretariat (or an administrator) any; in an external
  // network an organization's focal point its own.
  const mayEnd = (role: { organization: { slug: string } }) => viewer.canEndAnyRole || (viewer.canEndOwnRoles && role.organization.slug === org?.slug);
  const endsRoles = viewer.canEndAnyRole || viewer.canEndOwnRoles;
  const endForm = (role: { id: string; organization: { slug: string; name: string } }) =>
    mayEnd(role) && (
      <Form method="post" className="inline-field">
        <CsrfField />
        <input type="hidden" name="intent" value="end" />
        <input type="hidden" name="roleId" value={role.id} />
        <label htmlFor={`end-${role.id}`} className="visually-hidden">
          {t("governance.end.lastDayOf", { organization: role.organization.name })}
        </label>
        <input id={`end-${role.id}`} name="endsOn" type="date" />
        <button type="submit" className="secondary" aria-label={t("governance.end.submitNamed", { organization: role.organization.name })}>
          {t("governance.end.submit")}
        </button>
      </Form>
    );
  const rolesTable = (caption: string, rows: typeof current) => (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("governance.field.organization")}</th>
            <th scope="col">{t("governance.field.role")}</th>
            <th scope="col">{t("governance.table.period")}</th>
            <th scope="col">{t("governance.field.term")}</th>
            {endsRoles && <th scope="col">{t("governance.table.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/${locale}/organizations/${r.organization.slug}`}>{r.organization.name}</Link>
              </th>
              <td>
                {t(`governance.role.${r.role}`)}
                {r.seatCountryCode && <span className="muted"> ({r.seatCountryCode})</span>}
              </td>
              <td>
                <Period startsOn={r.startsOn} endsOn={r.endsOn} />
              </td>
              <td>{r.term?.label ?? "—"}</td>
              {endsRoles && <td>{endForm(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <title>{`${body.name} · ${network.name} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${network.slug}`}>{network.name}</Link> › <Link to={`/${locale}/networks/${network.slug}/bodies`}>{t("governance.nav.bodies")}</Link>
      </p>
      <h1 lang={body.nameLanguage}>{body.name}</h1>
      <p className="lead">
        {t(`governance.kind.${body.kind}`)} {!body.active && <span className="tag">{t("governance.inactive")}</span>}
      </p>
      <GovernanceNav slug={network.slug} current="body" signedIn={signedIn} />
      {done && <p role="status">{t(`governance.done.${done}`)}</p>}
      <ErrorSummary errors={errors} labels={errorLabels(errors, t)} />

      {body.description && (
        <div lang={body.description.language}>
          {body.description.text.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {body.description?.fallback && <p className="muted">{t("content.originalLanguage", { language: t(`language.${body.description.language}`) })}</p>}
      <dl className="facts">
        {body.themes.length > 0 && (
          <>
            <dt>{t("governance.field.themeIds")}</dt>
            <dd>{body.themes.map((th) => th.name).join(" · ")}</dd>
          </>
        )}
        {body.regionCodes.length > 0 && (
          <>
            <dt>{t("governance.field.regionCodes")}</dt>
            <dd>{body.regionCodes.join(", ")}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="current-title">
        <h2 id="current-title">{t("governance.body.current")}</h2>
        {current.length === 0 ? <p>{t("governance.bodies.noHolders")}</p> : rolesTable(t("governance.body.current"), current)}
      </section>

      {body.unit && (
        <section aria-labelledby="participants-title">
          <h2 id="participants-title">{t("governance.body.participants")}</h2>
          {participants.length === 0 ? (
            <p>{t("governance.body.noParticipants")}</p>
          ) : viewer.canEndAnyRole ? (
            rolesTable(t("governance.body.participants"), participants)
          ) : (
            <ul className="columns">
              {participants.map((r) => (
                <li key={r.id}>
                  <Link to={`/${locale}/organizations/${r.organization.slug}`}>{r.organization.name}</Link>
                  {r.endsOn && (
                    <span className="muted">
                      {" "}
                      (<Period startsOn={r.startsOn} endsOn={r.endsOn} />)
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("governance.body.upcoming")}</h2>
        {upcoming.length === 0 ? <p>{t("governance.body.noUpcoming")}</p> : rolesTable(t("governance.body.upcoming"), upcoming)}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("governance.body.history")}</h2>
        {history.length === 0 ? (
          <p>{t("governance.body.noHistory")}</p>
        ) : (
          <ul className="history">
            {history.map((h) => (
              <li key={h.id}>
                {t("governance.history.byOrganization", { organization: h.organization.name, role: h.role, body: h.body.name, years: years(h.fromYear, h.toYear) })}
              </li>
            ))}
          </ul>
        )}
      </section>

      {seats && (
        <section aria-labelledby="seats-title">
          <h2 id="seats-title">{t("governance.seats.title")}</h2>
          {seats.length === 0 ? (
            <p>{t("governance.seats.none")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t("governance.seats.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("governance.seats.country")}</th>
                    <th scope="col" className="number">
                      {t("governance.seats.seats")}
                    </th>
                    <th scope="col" className="number">
                      {t("governance.seats.taken")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {seats.map((s) => (
                    <tr key={s.countryCode}>
                      <th scope="row">{s.country}</th>
                      <td className="number">{s.seats}</td>
                      <td className="number">{s.taken}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {team && (
        <section aria-labelledby="team-title">
          <h2 id="team-title">{t("governance.team.title")}</h2>
          <p className="muted">{t("governance.team.private")}</p>
          {team.length === 0 ? (
            <p>{t("governance.team.none")}</p>
          ) : (
            <ul className="team">
              {team.map((group) => (
                <li key={group.organization.slug}>
                  <Link to={`/${locale}/organizations/${group.organization.slug}`}>{group.organization.name}</Link>
                  <ul>
                    {group.people.map((p) => (
                      <li key={p.userId}>
                        {p.name}
                        {p.position && <span className="muted"> · {p.position}</span>}{" "}
                        {org && group.organization.slug === org.slug && (viewer.canManageTeam || p.userId === me) && (
                          <Form method="post" className="inline">
                            <CsrfField />
                            <input type="hidden" name="intent" value="removeTeam" />
                            <input type="hidden" name="userId" value={p.userId} />
                            <input type="hidden" name="organization" value={org.slug} />
                            <button type="submit" className="secondary" aria-label={t("governance.team.removeNamed", { name: p.name })}>
                              {t("governance.team.remove")}
                            </button>
                          </Form>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {candidacies && (
        <section aria-labelledby="candidacies-title">
          <h2 id="candidacies-title">{t("governance.body.candidacies")}</h2>
          {candidacies.length === 0 ? (
            <p>{t("governance.candidacies.none")}</p>
          ) : (
            <ul>
              {candidacies.map((c) => (
                <li key={c.id}>
                  {t("governance.candidacy.line", { organization: c.organization.name, role: c.role, term: c.term.label })} —{" "}
                  <span className={`status-${c.status}`}>{t(`governance.candidacy.status.${c.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`/${locale}/networks/${network.slug}/candidacies?body=${body.slug}`}>{t("governance.body.allCandidacies")}</Link>
          </p>
        </section>
      )}

      <div className="governance-forms">
        {org && body.unit && (
          <section aria-labelledby="yours-title">
            <h2 id="yours-title">{t("governance.yours.title", { organization: org.name })}</h2>
            <p>{org.participates ? t("governance.yours.participates", { role: org.roles[0] ?? "member" }) : t("governance.yours.notParticipating")}</p>
            {!org.activeMember && <p className="muted">{network.hosted ? t("governance.yours.notActiveMember") : t("governance.yours.notActiveMemberExternal")}</p>}
            {ownHistory.length > 0 && (
              <>
                <h3>{t("governance.yours.history")}</h3>
                <ul className="history">
                  {ownHistory.map((h) => (
                    <li key={h.id}>{t("governance.history.sentence", { role: h.role, body: h.body.name, years: years(h.fromYear, h.toYear) })}</li>
                  ))}
                </ul>
              </>
            )}
            {viewer.canJoinUnit && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="join" />
                <input type="hidden" name="organization" value={org.slug} />
                <button type="submit">{t("governance.yours.join")}</button>
              </Form>
            )}
            {viewer.canLeaveUnit && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="leave" />
                <input type="hidden" name="organization" value={org.slug} />
                <button type="submit" className="secondary">
                  {t("governance.yours.leave")}
                </button>
              </Form>
            )}
            {viewer.canJoinTeam && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="joinTeam" />
                <input type="hidden" name="organization" value={org.slug} />
                <button type="submit">{t("governance.yours.joinTeam")}</button>
              </Form>
            )}
            {viewer.canLeaveTeam && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="leaveTeam" />
                <input type="hidden" name="organization" value={org.slug} />
                <button type="submit" className="secondary">
                  {t("governance.yours.leaveTeam")}
                </button>
              </Form>
            )}
            {viewer.canManageTeam && viewer.teamCandidates.length > 0 && (
              <Form method="post" className="stack">
                <CsrfField />
                <input type="hidden" name="intent" value="addTeam" />
                <input type="hidden" name="organization" value={org.slug} />
                <ChoiceField
                  id="addTeam-userId"
                  name="userId"
                  label={t("governance.yours.addPerson")}
                  options={viewer.teamCandidates.map((p) => ({ value: p.userId, label: p.name }))}
                  error={err("addTeam", "userId")}
                />
                <div>
                  <button type="submit" className="secondary">
                    {t("governance.yours.addToTeam")}
                  </button>
                </div>
              </Form>
            )}
            {viewer.ownCandidacies.length > 0 && (
              <>
                <h3>{t("governance.yours.candidacies")}</h3>
                <ul>
                  {viewer.ownCandidacies.map((c) => (
                    <li key={c.id}>
                      {t("governance.candidacy.own", { role: c.role, term: c.term.label })} —{" "}
                      <span className={`status-${c.status}`}>{t(`governance.candidacy.status.${c.status}`)}</span>
                      {c.decisionReason && <span className="muted"> ({c.decisionReason})</span>}
                      {c.status === "submitted" && org.focalPoint && (
                        <Form method="post" className="inline">
                          {" "}
                          <CsrfField />
                          <input type="hidden" name="intent" value="withdraw" />
                          <input type="hidden" name="candidacyId" value={c.id} />
                          <button type="submit" className="secondary">
                            {t("governance.candidacy.withdraw")}
                          </button>
                        </Form>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}

        {(viewer.openTerms.length > 0 || viewer.liveCandidacies.length > 0) && org && (
          <section aria-labelledby="apply-title">
            <h2 id="apply-title">{t("governance.apply.title")}</h2>
            {/* A live candidacy for a term: said instead of offering a second one. */}
            {viewer.liveCandidacies.map((c) => (
              <p key={c.id} className="live-candidacy">
                {t("governance.apply.live", { organization: org.name, status: c.status, role: c.role, term: c.term.label })}{" "}
                <Link to={`/${locale}/networks/${network.slug}/candidacies?body=${body.slug}&term=${c.term.id}`}>{t("governance.apply.seeCandidacies")}</Link>
              </p>
            ))}
            {viewer.openTerms.length > 0 && <p>{t("governance.apply.intro", { organization: org.name })}</p>}
            {viewer.openTerms.length > 0 && (
              <Form method="post" className="stack" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="apply" />
                <input type="hidden" name="organization" value={org.slug} />
                <ChoiceField
                  id="apply-term"
                  name="term"
                  label={t("governance.field.term")}
                  defaultValue={valueFor("apply", "term")}
                  options={viewer.openTerms.map((term) => ({ value: term.id, label: t("governance.apply.termOption", { term: term.label, close: formatDay(locale, term.candidaciesCloseOn) }) }))}
                  error={err("apply", "term")}
                />
                <ChoiceField
                  id="apply-role"
                  name="role"
                  label={t("governance.field.role")}
                  defaultValue={valueFor("apply", "role", "coordinator")}
                  options={candidacyRoles.map((r) => ({ value: r, label: t(`governance.role.${r}`) }))}
                  error={err("apply", "role")}
                />
                <LongTextField
                  id="apply-statement"
                  name="statement"
                  label={t("governance.field.statement")}
                  hint={t("governance.apply.statementHint")}
                  maxLength={4000}
                  rows={6}
                  defaultValue={valueFor("apply", "statement")}
                  error={err("apply", "statement")}
                />
                <div>
                  <button type="submit">{t("governance.apply.submit")}</button>
                </div>
              </Form>
            )}
          </section>
        )}

        {viewer.canEditDescription && (
          <section aria-labelledby="edit-title">
            <h2 id="edit-title">{viewer.canManage ? t("governance.edit.title") : t("governance.edit.descriptionTitle")}</h2>
            <form method="get" className="inline-field" aria-label={t("governance.edit.chooseLanguage")}>
              <ChoiceField
                id="language"
                name="language"
                label={t("governance.edit.chooseLanguage")}
                defaultValue={editLanguage}
                options={locales.map((l) => ({ value: l, label: `${t(`language.${l}`)}${body.descriptions[l] || body.names[l] ? "" : ` (${t("governance.edit.notWritten")})`}` }))}
              />
              <div className="field actions">
                <button type="submit" className="secondary">
                  {t("governance.edit.showLanguage")}
                </button>
              </div>
            </form>
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="edit" />
              <input type="hidden" name="language" value={editLanguage} />
              {!viewer.canManage && <input type="hidden" name="scope" value="description" />}
              {viewer.canManage && (
                <InputField
                  id="edit-name"
                  name="name"
                  label={t("governance.edit.nameIn", { language: t(`language.${editLanguage}`) })}
                  maxLength={200}
                  defaultValue={valueFor("edit", "name", body.names[editLanguage] ?? "")}
                  error={err("edit", "name")}
                />
              )}
              <LongTextField
                id="edit-description"
                name="description"
                label={t("governance.edit.descriptionIn", { language: t(`language.${editLanguage}`) })}
                lang={editLanguage}
                maxLength={4000}
                rows={6}
                defaultValue={valueFor("edit", "description", body.descriptions[editLanguage] ?? "")}
                error={err("edit", "description")}
              />
              {viewer.canManage && (
                <>
                  <ChecksField id="edit-themeIds" name="themeIds" legend={t("governance.field.themeIds")} options={themes.map((th) => ({ value: th.id, label: th.name }))} checked={body.themeIds} error={err("edit", "themeIds")} />
                  <InputField
                    id="edit-regionCodes"
                    name="regionCodes"
                    label={t("governance.field.regionCodes")}
                    hint={t("governance.create.regionHint")}
                    maxLength={400}
                    defaultValue={valueFor("edit", "regionCodes", body.regionCodes.join(", "))}
                    error={err("edit", "regionCodes")}
                  />
                  <InputField id="edit-position" name="position" type="number" min={0} max={10000} label={t("governance.field.position")} defaultValue={valueFor("edit", "position", String(body.position))} error={err("edit", "position")} />
                  <CheckField id="edit-active" name="active" label={t("governance.edit.active")} defaultChecked={body.active} error={err("edit", "active")} />
                </>
              )}
              <div>
                <button type="submit">{t("form.save")}</button>
              </div>
            </Form>
          </section>
        )}

        {viewer.canAssign && (
          <section aria-labelledby="assign-title">
            <h2 id="assign-title">{viewer.canEndAnyRole || !org ? t("governance.assign.title") : t("governance.assign.ownTitle", { organization: org.name })}</h2>
            {!network.hosted && <p>{t("governance.assign.ownIntro")}</p>}
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="assign" />
              <ChoiceField
                id="assign-organization"
                name="organization"
                label={t("governance.field.organization")}
                defaultValue={valueFor("assign", "organization")}
                options={[
                  ...(viewer.canEndAnyRole ? [{ value: "", label: t("governance.assign.chooseOrganization") }] : []),
                  // "San Antonio — Valparaíso, Chile": cities of the same name told apart.
                  ...members.map((m) => {
                    const label = t("governance.assign.organizationOption", { organization: m.name, place: m.place });
                    return { value: m.slug, label: m.status === "active" ? label : `${label} (${t(`governance.membership.${m.status}`)})` };
                  }),
                ]}
                error={err("assign", "organization")}
              />
              <ChoiceField id="assign-role" name="role" label={t("governance.field.role")} defaultValue={valueFor("assign", "role", body.roleKinds[0])} options={roleOptions} error={err("assign", "role")} />
              <ChoiceField id="assign-term" name="term" label={t("governance.field.term")} hint={t("governance.assign.termHint")} defaultValue={valueFor("assign", "term")} options={termOptions} error={err("assign", "term")} />
              <InputField id="assign-startsOn" name="startsOn" type="date" label={t("governance.field.startsOn")} defaultValue={valueFor("assign", "startsOn")} error={err("assign", "startsOn")} />
              <InputField id="assign-endsOn" name="endsOn" type="date" label={t("governance.field.endsOn")} hint={t("governance.assign.endHint")} defaultValue={valueFor("assign", "endsOn")} error={err("assign", "endsOn")} />
              {body.kind === "council" && (
                <InputField
                  id="assign-seatCountryCode"
                  name="seatCountryCode"
                  label={t("governance.field.seatCountryCode")}
                  hint={t("governance.assign.seatHint")}
                  maxLength={2}
                  defaultValue={valueFor("assign", "seatCountryCode")}
                  error={err("assign", "seatCountryCode")}
                />
              )}
              <InputField id="assign-note" name="note" label={t("governance.field.note")} maxLength={500} defaultValue={valueFor("assign", "note")} error={err("assign", "note")} />
              {(viewer.canDocument || err("assign", "sourceUrl")) && (
                <InputField
                  id="assign-sourceUrl"
                  name="sourceUrl"
                  type="url"
                  label={t("governance.field.sourceUrl")}
                  hint={t("governance.assign.sourceHint")}
                  maxLength={300}
                  defaultValue={valueFor("assign", "sourceUrl")}
                  error={err("assign", "sourceUrl")}
                />
              )}
              <div>
                <button type="submit">{t("governance.assign.submit")}</button>
              </div>
            </Form>
          </section>
        )}

        {viewer.canManage && seats && (
          <section aria-labelledby="seats-form-title">
            <h2 id="seats-form-title">{t("governance.seats.formTitle")}</h2>
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="seats" />
              {err("seats", "seats") && (
                <p id="seats-seats" className="field-error" tabIndex={-1}>
                  {err("seats", "seats")}
                </p>
              )}
              {seats.map((s) => (
                <InputField key={s.countryCode} id={`seat-${s.countryCode}`} name={`seat-${s.countryCode}`} type="number" min={0} max={100} label={s.country} defaultValue={String(s.seats)} />
              ))}
              <ChoiceField
                id="newCountry"
                name="newCountry"
                label={t("governance.seats.addCountry")}
                options={[{ value: "", label: t("governance.seats.noCountry") }, ...countries.filter((c) => !seats.some((s) => s.countryCode === c.code)).map((c) => ({ value: c.code, label: c.name }))]}
              />
              <InputField id="newSeats" name="newSeats" type="number" min={0} max={100} label={t("governance.seats.newSeats")} />
              <p className="hint">{t("governance.seats.hint")}</p>
              <div>
                <button type="submit">{t("governance.seats.submit")}</button>
              </div>
            </Form>
          </section>
        )}
      </div>
    </>
  );
}
