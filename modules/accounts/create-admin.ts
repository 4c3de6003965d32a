import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { adminWelcomeEmail } from "./emails.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { createAdminInput, type CreateAdminInput } from "./inputs.ts";
import { users } from "./schema.ts";

/**
 * Creates a platform administrator with e-mail and password, the address taken as verified
 * (the person running the command vouches for it). Run from the command line only: there is no
 * actor to authorize, the operator's access to the server is the authorization.
 */
export async function createAdmin(ctx: ServiceContext & { auth: Auth }, raw: CreateAdminInput): Promise<{ id: string; email: string }> {
  const parsed = createAdminInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw new AppError("conflict", "error.emailTaken", { email: ["an account with this e-mail already exists"] });
  const created = await ctx.auth.api.createUser({
    body: { email: input.email, password: input.password, name: input.name, role: "admin" },
  });
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ emailVerified: true }).where(eq(users.id, created.user.id));
    await sendEmail(
      tx as unknown as Database,
      { to: input.email, locale: input.locale, template: adminWelcomeEmail.name, data: { name: input.name } },
      `admin-welcome:${created.user.id}`,
    );
  });
  return { id: created.user.id, email: input.email };
}
