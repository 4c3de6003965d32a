import { and, asc, eq, exists, isNull, ne, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ServiceContext } from "../../platform/context.ts";
import { organizationMembers, organizations } from "../organizations/schema.ts";

/**
 * The organizations that would be left with members but no focal point if this person's account
 * went: they must hand the role over first.
 */
export async function listDeletionBlockers(ctx: Pick<ServiceContext, "db">, userId: string): Promise<{ id: string; name: string; slug: string }[]> {
  const otherFocalPoint = alias(organizationMembers, "other_focal_point");
  const otherMember = alias(organizationMembers, "other_member");
  return ctx.db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(
      and(
        eq(organizationMembers.userId, userId),
        eq(organizationMembers.role, "focal_point"),
        isNull(organizations.mergedIntoId),
        notExists(
          ctx.db
            .select({ one: otherFocalPoint.userId })
            .from(otherFocalPoint)
            .where(
              and(
                eq(otherFocalPoint.organizationId, organizationMembers.organizationId),
                eq(otherFocalPoint.role, "focal_point"),
                ne(otherFocalPoint.userId, userId),
              ),
            ),
        ),
        exists(
          ctx.db
            .select({ one: otherMember.userId })
            .from(otherMember)
            .where(and(eq(otherMember.organizationId, organizationMembers.organizationId), ne(otherMember.userId, userId))),
        ),
      ),
    )
    .orderBy(asc(organizations.name));
}
