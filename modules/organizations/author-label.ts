// How content is attributed. Content rows (practices, posts, comments…) keep two columns:
//   author_user_id          text references users(id) ON DELETE SET NULL (nullable)
//   author_organization_id  uuid references organizations(id), the organization the person acted for
// so when a person deletes their account the content stays, attributed to "Former member of
// <organization>". organizations.created_by, invitations.invited_by and join_requests.decided_by
// follow the same rule (ON DELETE SET NULL).
import type { Translate } from "../../platform/i18n/translator.ts";

export interface Authorship {
  /** null when the author's account was deleted. */
  authorName: string | null;
  /** The organization the author acted for, if any. */
  organizationName: string | null;
}

/** "Ana Souza · Prefeitura de Recife", or "Former member of Prefeitura de Recife" once the account is gone. */
export function authorLabel({ authorName, organizationName }: Authorship, t: Translate): string {
  if (authorName && organizationName) return t("author.withOrganization", { name: authorName, organization: organizationName });
  if (authorName) return authorName;
  if (organizationName) return t("author.formerMember", { organization: organizationName });
  return t("author.formerMemberUnknown");
}
