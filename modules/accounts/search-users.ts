import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import type { Page } from "../cities/search-cities.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizationMembers } from "../organizations/schema.ts";
import { searchUsersInput, type SearchUsersInput } from "./inputs.ts";
import { accountPolicy } from "./policy.ts";
import { users } from "./schema.ts";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  role: string;
  disabled: boolean;
  twoFactorEnabled: boolean;
  organizationCount: number;
  createdAt: Date;
}

/** For platform administrators: people by name or address, newest first. */
export async function searchUsers(ctx: ServiceContext, actor: Actor, raw: SearchUsersInput): Promise<Page<UserSummary>> {
  requireSignedIn(actor);
  authorize(accountPolicy.seeUsers(actor), { visible: false });
  const parsed = searchUsersInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const filters: SQL[] = [];
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(users.email, like), sql`public.pares_unaccent(${users.name}) ilike public.pares_unaccent(${like})`)!);
  }
  if (input.status === "disabled") filters.push(eq(users.banned, true));
  if (input.status === "active") filters.push(sql`coalesce(${users.banned}, false) = false`);
  if (input.status === "admin") filters.push(eq(users.role, "admin"));
  const where = filters.length ? and(...filters) : undefined;
  const [total] = await ctx.db.select({ n: count() }).from(users).where(where);
  const orgs = ctx.db
    .select({ userId: organizationMembers.userId, n: count().as("n") })
    .from(organizationMembers)
    .groupBy(organizationMembers.userId)
    .as("orgs");
  const rows = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      role: users.role,
      banned: users.banned,
      twoFactorEnabled: users.twoFactorEnabled,
      createdAt: users.createdAt,
      organizationCount: orgs.n,
    })
    .from(users)
    .leftJoin(orgs, eq(orgs.userId, users.id))
    .where(where)
    .orderBy(desc(users.createdAt), users.id)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const n = total?.n ?? 0;
  return {
    items: rows.map(({ banned, organizationCount, ...r }) => ({ ...r, disabled: banned === true, organizationCount: Number(organizationCount ?? 0) })),
    total: n,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.ceil(n / input.pageSize),
  };
}
