import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Actor } from "../organizations/actor.ts";
import { findApplication } from "./find.ts";
import { callsPolicy } from "./policy.ts";

/** The organizations the lead may invite as partners: the call's network's active members (not the lead, not already invited), by country. */
export async function listPartnerCandidates(ctx: ServiceContext, actor: Actor, applicationId: string): Promise<{ slug: string; name: string; countryCode: string | null }[]> {
  requireSignedIn(actor);
  const { application, call, facts } = await findApplication(ctx.db, applicationId);
  authorize(callsPolicy.editApplication(actor, facts), { visible: callsPolicy.readApplication(actor, facts) });
  return queryRows<{ slug: string; name: string; countryCode: string | null }>(
    ctx.db,
    sql`select o.slug, o.name, o.country_code as "countryCode" from organizations o join network_memberships m on m.organization_id = o.id
        where m.network_id = ${call.networkId} and m.status = 'active' and o.id <> ${application.leadOrganizationId} and o.merged_into_id is null
          and not exists (select 1 from application_partners p where p.application_id = ${applicationId} and p.organization_id = o.id and p.status <> 'declined')
        order by o.country_code, o.name`,
  );
}
