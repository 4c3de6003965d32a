// A practice's image or attachment (?size=thumbnail: an image's thumbnail). Files of the published
// version are public and cached; those of a version being written only reach its authors and
// moderators, never cached by others. Attachments download; images show inline. Always nosniff.
import { getPracticeFile } from "../../modules/practices/get-practice-file.ts";
import { AppError } from "../../platform/errors.ts";
import { actorOf, services } from "../route-helpers.ts";
import type { Route } from "./+types/practice-file";

/** A Content-Disposition header that keeps a non-ASCII name (RFC 6266 / 5987). */
function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await actorOf(context, request);
  const variant = new URL(request.url).searchParams.get("size") === "thumbnail" ? "thumbnail" : "full";
  try {
    const file = await getPracticeFile(services(context), actor, params.slug, params.fileId, variant);
    const headers = new Headers({
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": disposition(file.kind === "image" ? "inline" : "attachment", file.name),
      "Cache-Control": file.public ? "public, max-age=3600" : "private, no-store",
      // A document opened here may carry active content: it runs in no page of ours.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    });
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
    throw error;
  }
}
