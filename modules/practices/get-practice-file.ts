import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { filesOf } from "../../platform/storage/file-store.ts";
import { assertUuid } from "../organizations/find-organization.ts";
import type { Actor } from "../organizations/actor.ts";
import { findPractice } from "./find.ts";
import { practicePolicy } from "./policy.ts";
import { practiceFiles } from "./schema.ts";

/**
 * A practice's image or attachment: anyone may have those of the published version (and may
 * cache them); the files of versions being written only the people who may read those.
 */
export async function getPracticeFile(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  fileId: string,
  variant: "full" | "thumbnail" = "full",
): Promise<{ bytes: Uint8Array; contentType: string; name: string; kind: "image" | "attachment"; public: boolean }> {
  assertUuid(fileId, "practices.error.fileNotFound");
  const { practice, published, facts } = await findPractice(ctx.db, slug);
  const [file] = await ctx.db
    .select()
    .from(practiceFiles)
    .where(and(eq(practiceFiles.id, fileId), eq(practiceFiles.practiceId, practice.id)));
  if (!file) throw notFound("practices.error.fileNotFound");
  const isPublic = practicePolicy.read(actor, facts) && !!published && published.content.fileIds.includes(file.id);
  if (!isPublic && !practicePolicy.readWorking(actor, facts)) throw notFound("practices.error.fileNotFound");
  const key = variant === "thumbnail" && file.thumbnailKey ? file.thumbnailKey : file.storageKey;
  const bytes = await filesOf(ctx).get(key);
  if (!bytes) throw notFound("practices.error.fileNotFound");
  return {
    bytes,
    contentType: variant === "thumbnail" && file.thumbnailKey ? (key.endsWith(".png") ? "image/png" : "image/jpeg") : file.contentType,
    name: file.displayName,
    kind: file.kind,
    public: isPublic,
  };
}
