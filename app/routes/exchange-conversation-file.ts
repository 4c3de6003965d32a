// A file sent in a conversation, for the people of its two organizations only: always downloaded
// (never shown in a page of ours), never cached by anyone else, nosniff. Nobody signed in is sent
// to sign in and back; anyone else gets 404.
import { getMessageFile } from "../../modules/exchange/get-message-file.ts";
import { AppError } from "../../platform/errors.ts";
import { pageLocale, requireActor, services, signInRedirect } from "../route-helpers.ts";
import type { Route } from "./+types/exchange-conversation-file";

/** A Content-Disposition header that keeps a non-ASCII name (RFC 6266 / 5987). */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  if (!uuidPattern.test(params.fileId)) return notFound();
  try {
    const file = await getMessageFile(services(context), actor, params.id, params.fileId);
    const headers = new Headers({
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": attachment(file.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    });
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers });
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") throw signInRedirect(request, pageLocale(params));
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) return notFound();
    throw error;
  }
}
