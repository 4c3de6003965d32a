import { randomInt } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Actor } from "../organizations/actor.ts";
import { findEdition } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import { enrolments } from "./schema.ts";

/** Letters and digits that cannot be mistaken for one another when typed from paper (no 0/O, 1/I/L). */
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A certificate's verification code: 12 characters in groups of four (about 59 bits). */
export function certificateCode(): string {
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8).join("")}`;
}

/**
 * The secretariat issues the certificates of an edition: every confirmed participant who attended
 * at least the required share of its sessions gets one, with a code anyone can verify on the
 * public page; the others are listed with their attendance. Issuing again adds only new ones.
 */
export async function issueCertificates(ctx: ServiceContext, actor: Actor, editionId: string): Promise<{ issued: number; notEarned: { enrolmentId: string; attendedPercent: number }[] }> {
  requireSignedIn(actor);
  const { edition, networkId } = await findEdition(ctx.db, editionId);
  authorize(callsPolicy.manage(actor, networkId), { visible: false });
  const rows = await queryRows<{ id: string; attended: number; sessions: number }>(
    ctx.db,
    sql`select e.id, (select count(*) from training_attendance a where a.enrolment_id = e.id and a.present)::int as attended,
               (select count(*) from training_sessions s where s.edition_id = e.edition_id)::int as sessions
        from enrolments e where e.edition_id = ${editionId} and e.status = 'confirmed'`,
  );
  const notEarned: { enrolmentId: string; attendedPercent: number }[] = [];
  let issued = 0;
  for (const r of rows) {
    const percent = r.sessions === 0 ? 100 : Math.round((r.attended / r.sessions) * 100);
    if (percent < edition.attendanceRequiredPercent) {
      notEarned.push({ enrolmentId: r.id, attendedPercent: percent });
      continue;
    }
    await ctx.db.update(enrolments).set({ status: "completed", certificateCode: certificateCode(), certificateIssuedAt: sql`now()` }).where(eq(enrolments.id, r.id));
    issued++;
  }
  return { issued, notEarned };
}
