// Generated data for the accounts and organizations scenarios: 50,000 people, 10,000
// organizations (one focal point each, the rest staff), 200,000 audit events, and two API
// tokens (a focal point's and a platform administrator's with two-factor sign-in on).
import { sql } from "drizzle-orm";
import { personalAccessTokens } from "../modules/accounts/schema.ts";
import { hashSecret, newSecret } from "../platform/tokens.ts";
import type { Database } from "../platform/db/client.ts";

export const scale = { people: 50_000, organizations: 10_000, auditEvents: 200_000 };

export interface GeneratedOrganizations {
  focalToken: string;
  adminToken: string;
  /** An organization with five members. */
  slug: string;
  /** What people type into the organization directory. */
  searches: Record<string, string>[];
}

export async function generateOrganizations(db: Database): Promise<GeneratedOrganizations> {
  const { people, organizations, auditEvents } = scale;
  await db.execute(sql`
    insert into users (id, name, email, email_verified, locale, role, two_factor_enabled)
    select 'bench-user-' || g,
           (array['Ana','João','María','Lucía','Pedro','Camila','Diego','Valentina'])[1 + g % 8] || ' ' ||
           (array['Souza','Pereyra','Fernández','Silva','Gómez','Oliveira','Rodríguez','Costa'])[1 + (g / 8) % 8] || ' ' || g,
           'person' || g || '@bench.test', true, (array['es','pt','en'])[1 + g % 3],
           case when g = ${people} then 'admin' else 'user' end, g = ${people}
    from generate_series(1, ${people}) g`);
  await db.execute(sql`
    insert into organizations (slug, name, kind, country_code, verified_at, description, description_language)
    select 'bench-org-' || g,
           (array['Prefeitura de','Municipalidad de','Universidad de','Fundación','Gobierno de','Consorcio de'])[1 + g % 6] || ' ' ||
           (array['Santa','San','Nova','Villa','Puerto','Campo'])[1 + (g / 6) % 6] || ' ' ||
           (array['Esperança','del Sur','Alegre','Grande','Verde','Real','Bonita','del Mar'])[1 + (g / 36) % 8] || ' ' || g,
           (array['company','university','civil_society','second_level_government','national_government','international_organization'])[1 + g % 6],
           (array['BR','AR','UY','PY','CL','BO','PE','CO'])[1 + g % 8],
           case when g % 3 = 0 then now() end,
           jsonb_build_object('es', 'Organización generada para las pruebas de rendimiento.'), 'es'
    from generate_series(1, ${organizations}) g`);
  await db.execute(sql`
    insert into organization_members (organization_id, user_id, role)
    select o.id, 'bench-user-' || g, case when g <= ${organizations} then 'focal_point' else 'staff' end
    from generate_series(1, ${people - 1}) g
    join organizations o on o.slug = 'bench-org-' || (1 + (g - 1) % ${organizations})`);
  await db.execute(sql`
    insert into audit_events (at, kind, actor_user_id, subject_user_id, organization_id, ip_address, details)
    select now() - (g || ' seconds')::interval,
           (array['sign_in','sign_in','sign_in','sign_in_failed','sign_out','member_added','token_created','organization_updated'])[1 + g % 8],
           'bench-user-' || (1 + g % ${people}), case when g % 8 = 3 then 'bench-user-' || (1 + g % ${people}) end,
           null, '10.' || (g % 250) || '.' || (g / 250 % 250) || '.1', '{}'::jsonb
    from generate_series(1, ${auditEvents}) g`);
  await db.execute(sql`analyze`);
  const tokenFor = async (userId: string) => {
    const token = `pares_${newSecret()}`;
    await db.insert(personalAccessTokens).values({
      userId,
      name: "bench",
      scope: "read",
      tokenHash: hashSecret(token),
      prefix: token.slice(0, 12),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    return token;
  };
  return {
    focalToken: await tokenFor("bench-user-1"),
    adminToken: await tokenFor(`bench-user-${people}`),
    slug: "bench-org-1",
    searches: [
      { q: "prefeitura" }, { q: "santa esperanca" }, { q: "municipalidad", country: "AR" }, { q: "universidad del sur" },
      { kind: "university" }, { country: "BR", page: "5" }, { q: "1234" }, { q: "fundacion verde" }, { q: "mercociudades" },
      { q: "porto alegre" }, { kind: "civil_society", country: "UY" }, { verified: "yes", q: "puerto" },
    ],
  };
}
