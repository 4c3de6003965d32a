import { and, eq, gte, inArray, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { countries } from "../cities/schema.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { peakFrom, today } from "./dates.ts";
import { factsOf, findBody } from "./find.ts";
import { setSeatsInput, type SetSeatsInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { lockNetworkRoles, RuleViolation } from "./rules.ts";
import { networkBodySeats, networkRoles } from "./schema.ts";

/**
 * Sets a council's seats per country (the whole list: countries left out have none). A country
 * cannot get fewer seats than the council members it has at once from today on.
 */
export async function setCouncilSeats(ctx: ServiceContext, actor: Actor, networkSlug: string, bodySlug: string, raw: SetSeatsInput): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const body = await findBody(ctx.db, network.id, bodySlug);
  authorize(governancePolicy.manage(actor, factsOf(network)));
  if (body.kind !== "council") throw new RuleViolation("invalid", "governance.rule.seatsOnlyCouncil", "seats");
  const parsed = setSeatsInput.safeParse(raw);
  if (!parsed.success) throw invalid({ seats: [z.flattenError(parsed.error).fieldErrors.seats?.[0] ?? parsed.error.issues[0]?.message ?? "i18n:governance.validation.seats"] });
  const wanted = new Map(parsed.data.seats.map((s) => [s.countryCode, s.seats]));
  const known = wanted.size
    ? await ctx.db.select({ code: countries.code, name: countries.name }).from(countries).where(inArray(countries.code, [...wanted.keys()]))
    : [];
  if (known.length !== wanted.size) throw invalid({ seats: ["i18n:validation.countryCode"] });
  const day = today();
  await ctx.db.transaction(async (tx) => {
    await lockNetworkRoles(tx, network.id);
    const held = await tx
      .select({ country: networkRoles.seatCountryCode, startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn })
      .from(networkRoles)
      .where(and(eq(networkRoles.bodyId, body.id), eq(networkRoles.role, "council_member"), or(isNull(networkRoles.endsOn), gte(networkRoles.endsOn, day))));
    for (const country of new Set(held.map((h) => h.country))) {
      if (!country) continue;
      const peak = peakFrom(day, held.filter((h) => h.country === country));
      const seats = wanted.get(country) ?? 0;
      if (peak.count > seats) {
        const [row] = await tx.select({ name: countries.name }).from(countries).where(eq(countries.code, country));
        throw new RuleViolation("conflict", "governance.rule.seatsBelowHolders", "seats", { country: row?.name ?? country, count: peak.count, on: peak.on! });
      }
    }
    await tx.delete(networkBodySeats).where(eq(networkBodySeats.bodyId, body.id));
    const rows = [...wanted].filter(([, seats]) => seats > 0).map(([countryCode, seats]) => ({ bodyId: body.id, countryCode, seats }));
    if (rows.length) await tx.insert(networkBodySeats).values(rows);
    await recordAuditEvent(tx, {
      kind: "network_seats_set",
      actorUserId: actor.userId,
      organizationId: network.secretariatOrganizationId ?? network.recordedByOrganizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: body.id, seats: Object.fromEntries(rows.map((r) => [r.countryCode, r.seats])) },
    });
  });
}
