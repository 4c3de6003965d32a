import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import type { Translated } from "../../platform/i18n/locales.ts";
import { checkUpload } from "../../platform/storage/check-upload.ts";
import { filesOf, newStorageKey } from "../../platform/storage/file-store.ts";
import { processImage } from "../../platform/storage/process-image.ts";
import type { Actor } from "../organizations/actor.ts";
import { findPractice } from "./find.ts";
import { practicePolicy } from "./policy.ts";
import { practiceFiles } from "./schema.ts";
import { frozenStatuses, updatePractice } from "./update-practice.ts";

/** The largest file accepted, and how many files a practice may carry. */
export const maxPracticeFileBytes = 10 * 1024 * 1024;
export const maxPracticeFiles = 20;

/**
 * The organization's people add an image (PNG, JPEG, WebP: resized to at most 1600 px, metadata
 * removed, with a thumbnail) or a document (PDF, office formats) to the practice, checked by its
 * content, never its name. The file joins the version being written (a published practice gets a
 * new draft, as any edit).
 */
export async function uploadPracticeFile(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  upload: { bytes: Uint8Array; name: string; alt?: Translated; revision?: number },
): Promise<{ id: string; kind: "image" | "attachment"; revision: number }> {
  requireSignedIn(actor);
  const { practice, current, facts } = await findPractice(ctx.db, slug);
  authorize(practicePolicy.edit(actor, facts), { visible: practicePolicy.readWorking(actor, facts) || practicePolicy.read(actor, facts) });
  if ((frozenStatuses as readonly string[]).includes(current.status)) throw new AppError("conflict", "practices.error.withModerators");
  if (current.content.fileIds.length >= maxPracticeFiles) throw invalid({ file: ["i18n:practices.validation.tooManyFiles"] });
  const checked = await checkUpload(upload.bytes, upload.name, { kinds: ["image", "document"], maxBytes: maxPracticeFileBytes }, "file");
  const alt = Object.fromEntries(Object.entries(upload.alt ?? {}).filter(([, v]) => !!v?.trim()).map(([k, v]) => [k, v!.trim().slice(0, 300)])) as Translated;
  if (checked.kind === "image" && Object.keys(alt).length === 0) throw invalid({ alt: ["i18n:practices.validation.altRequired"] });
  const store = filesOf(ctx);
  let row: typeof practiceFiles.$inferInsert;
  if (checked.kind === "image") {
    const image = await processImage(checked.bytes, "file");
    const ext = image.full.contentType === "image/png" ? "png" : "jpg";
    const storageKey = newStorageKey(ext);
    const thumbnailKey = newStorageKey(image.thumbnail.contentType === "image/png" ? "png" : "jpg");
    await store.put(storageKey, image.full.bytes, image.full.contentType);
    await store.put(thumbnailKey, image.thumbnail.bytes, image.thumbnail.contentType);
    row = {
      practiceId: practice.id,
      kind: "image",
      storageKey,
      thumbnailKey,
      contentType: image.full.contentType,
      bytes: image.full.bytes.length,
      width: image.full.width,
      height: image.full.height,
      displayName: checked.displayName.replace(/\.[a-z0-9]+$/i, `.${ext}`),
      alt,
      createdBy: actor.userId,
    };
  } else {
    const storageKey = newStorageKey(checked.extension);
    await store.put(storageKey, checked.bytes, checked.contentType);
    row = { practiceId: practice.id, kind: "attachment", storageKey, contentType: checked.contentType, bytes: checked.bytes.length, displayName: checked.displayName, alt: {}, createdBy: actor.userId };
  }
  const [file] = await ctx.db.insert(practiceFiles).values(row).returning({ id: practiceFiles.id, kind: practiceFiles.kind });
  // The bytes are stored before the row: a crash in between leaves an unreferenced object, never a row without its file.
  const saved = await updatePractice(ctx, actor, slug, { fileIds: [...current.content.fileIds, file!.id], revision: upload.revision });
  return { id: file!.id, kind: file!.kind, revision: saved.revision };
}
