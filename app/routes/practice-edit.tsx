// Editing a practice: the version being written (a published or answered one gets a new draft),
// from the revision the form was opened at; a file chosen is uploaded with the save; "save and
// submit" sends it to the moderators, whose missing fields show where they are asked.
import { data, Link, redirect } from "react-router";
import { getPractice } from "../../modules/practices/get-practice.ts";
import { submitPractice } from "../../modules/practices/submit-practice.ts";
import { updatePractice } from "../../modules/practices/update-practice.ts";
import { uploadPracticeFile } from "../../modules/practices/upload-practice-file.ts";
import { PracticeEditor } from "../components/practice-editor.tsx";
import { statusLabel } from "../components/practice-parts.tsx";
import { useI18n } from "../i18n.tsx";
import { editorError, editorOptions, practiceInput, valuesOf, valuesOfPractice } from "../practice-form.server.ts";
import { orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/practices.css?url";
import type { Route } from "./+types/practice-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const practice = await orPageError(getPractice(ctx, actor, params.slug, locale, { working: true }), request, params);
  // Only its authors edit; anyone else who may read it is told it is not theirs to change.
  if (practice.texts === null) throw data(null, { status: 403 });
  const options = await editorOptions(ctx, practice.network?.slug ?? null, locale);
  return {
    slug: practice.slug,
    title: practice.text.title,
    network: practice.network,
    status: practice.version.status,
    versionNumber: practice.version.number,
    published: practice.lastPublishedAt !== null,
    canEdit: practice.viewer.canEdit,
    decisionComment: practice.decisionComment,
    revision: practice.version.revision,
    values: valuesOfPractice(practice),
    options: {
      ...options,
      files: practice.files.map((f) => ({ id: f.id, kind: f.kind, name: f.name, alt: f.alt ? { text: f.alt.text, language: f.alt.language } : null })),
    },
    done: new URL(request.url).searchParams.get("done"),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const form = await request.formData();
  const values = valuesOf(form);
  const { input, rows } = practiceInput(values);
  let revision = typeof values.revision === "string" && /^\d+$/.test(values.revision) ? Number(values.revision) : undefined;
  const base = `/${locale}/practices/${params.slug}`;
  try {
    const file = form.get("file");
    if (file instanceof File && file.size > 0) {
      const alt = { es: form.get("alt.es"), pt: form.get("alt.pt"), en: form.get("alt.en") };
      const uploaded = await uploadPracticeFile(ctx, actor, params.slug, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        name: file.name,
        alt: Object.fromEntries(Object.entries(alt).filter((e): e is [string, string] => typeof e[1] === "string")),
        revision,
      });
      revision = uploaded.revision;
    }
    const removed = form.getAll("removeFile").filter((v): v is string => typeof v === "string");
    if (removed.length > 0) {
      const current = await getPractice(ctx, actor, params.slug, locale, { working: true });
      input.fileIds = current.files.map((f) => f.id).filter((id) => !removed.includes(id));
    }
    await updatePractice(ctx, actor, params.slug, { ...input, revision });
    if (values.then === "submit") {
      await submitPractice(ctx, actor, params.slug);
      return redirect(`${base}?working=1&done=submitted`);
    }
    return redirect(`${base}/edit?done=saved`);
  } catch (error) {
    // Alt text and the file choice are not shown again once the file is stored.
    return editorError(error, locale, values, rows);
  }
}

export default function PracticeEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const l = loaderData;
  const base = `/${locale}/practices/${l.slug}`;
  return (
    <>
      <title>{`${t("practicesPages.editor.editTitle", { title: l.title })} · Pares`}</title>
      <p>
        <Link to={`${base}?working=1`}>{t("practicesPages.editor.backToPractice")}</Link>
      </p>
      <h1>{t("practicesPages.editor.editTitle", { title: l.title })}</h1>
      <p>
        {t("practicesPages.editor.versionStatus", { number: l.versionNumber, status: statusLabel(t, l.status) })}
        {l.network && <> · {t("practicesPages.page.bankOf", { network: l.network.name })}</>}
      </p>
      {l.done && (
        <p role="status" className="notice">
          {t(`practicesPages.done.${l.done}`)}
        </p>
      )}
      {actionData?.stale && (
        <div role="alert" className="alert">
          <p>{t("practicesPages.editor.stale")}</p>
          <p>
            <a href={`${base}?working=1`} target="_blank" rel="noopener">
              {t("practicesPages.editor.staleSee")}
            </a>
          </p>
        </div>
      )}
      {l.decisionComment && (l.status === "changes_requested" || l.status === "declined") && (
        <section className="notice" aria-labelledby="decision-title">
          <h2 id="decision-title">{t(l.status === "declined" ? "practicesPages.page.declineReason" : "practicesPages.page.moderatorComment")}</h2>
          <p>{l.decisionComment}</p>
        </section>
      )}
      {l.published && l.canEdit && <p className="hint">{t("practicesPages.editor.newVersionHint")}</p>}
      {l.canEdit ? (
        <PracticeEditor
          slug={l.slug}
          values={actionData?.values ?? l.values}
          errors={actionData?.stale ? { ...actionData.errors, form: undefined } : actionData?.errors}
          options={l.options}
          revision={l.revision}
        />
      ) : (
        <p className="notice">{t("practicesPages.editor.withModerators")}</p>
      )}
    </>
  );
}
