import { eq } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { findNetwork } from "./find-network.ts";
import { networkPolicy } from "./policy.ts";
import { networks } from "./schema.ts";

/** The largest logo accepted, in bytes. */
export const maxLogoBytes = 200 * 1024;

export const logoTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof logoTypes)[number];

/**
 * What an image is, read from its first bytes (never from its name or the type a browser
 * claims): PNG, JPEG or WebP; anything else (SVG, GIF, a renamed document) is not a logo.
 */
export function imageTypeOf(bytes: Uint8Array): LogoType | null {
  const starts = (signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (bytes.length >= 3 && starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  // "RIFF" <size> "WEBP"
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

/**
 * Whoever may edit the network sets its logo (PNG, JPEG or WebP, at most 200 KB, checked by
 * content), or removes it with null.
 */
export async function setNetworkLogo(ctx: ServiceContext, actor: Actor, slug: string, bytes: Uint8Array | null): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, slug);
  authorize(networkPolicy.update(actor, network));
  let type: LogoType | null = null;
  if (bytes !== null) {
    if (bytes.length === 0) throw invalid({ logo: ["i18n:validation.logoMissing"] });
    if (bytes.length > maxLogoBytes) throw invalid({ logo: ["i18n:validation.logoTooLarge"] });
    type = imageTypeOf(bytes);
    if (!type) throw invalid({ logo: ["i18n:validation.logoType"] });
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(networks)
      .set({ logo: bytes, logoType: type, logoUpdatedAt: bytes ? new Date() : null, updatedAt: new Date() })
      .where(eq(networks.id, network.id));
    await recordAuditEvent(tx, {
      kind: "network_logo_changed",
      actorUserId: actor.userId,
      organizationId: network.hosted ? network.secretariatOrganizationId : network.recordedByOrganizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, removed: bytes === null, type, bytes: bytes?.length ?? 0 },
    });
  });
}
