import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../../platform/auth.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { AppError } from "../../platform/errors.ts";
import { createAdmin } from "./create-admin.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { accounts, users } from "./schema.ts";

let handle: DatabaseHandle;
let auth: ReturnType<typeof createAuth>;
beforeAll(async () => {
  handle = await createTestDatabase();
  auth = createAuth({ db: handle.db, secret: "test-secret-test-secret-test-secret-1" });
});
afterAll(() => handle.close());

describe("createAdmin", () => {
  it("creates a verified administrator who can sign in with the password; the password is stored hashed", async () => {
    const admin = await createAdmin({ db: handle.db, auth }, { email: " Ana@Example.org ", name: "Ana Souza", password: "correct horse battery" });
    expect(admin.email).toBe("ana@example.org");
    const [user] = await handle.db.select().from(users).where(eq(users.id, admin.id));
    expect(user).toMatchObject({ role: "admin", emailVerified: true, name: "Ana Souza" });
    const [account] = await handle.db.select().from(accounts).where(eq(accounts.userId, admin.id));
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain("correct horse");
    const signedIn = await auth.api.signInEmail({ body: { email: "ana@example.org", password: "correct horse battery" } });
    expect(signedIn.user.id).toBe(admin.id);
    await expect(auth.api.signInEmail({ body: { email: "ana@example.org", password: "wrong password here" } })).rejects.toThrow();
    const [welcome] = await handle.db.select().from(outbox).where(eq(outbox.idempotencyKey, `admin-welcome:${admin.id}`));
    expect(welcome).toMatchObject({ kind: "email", status: "pending", payload: expect.objectContaining({ to: "ana@example.org", template: "accounts.admin-welcome" }) });
  });

  it("refuses a second account with the same e-mail, and a short password, naming the field", async () => {
    await expect(createAdmin({ db: handle.db, auth }, { email: "ana@example.org", name: "Other", password: "another long password" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: [expect.any(String)] },
    });
    const short = createAdmin({ db: handle.db, auth }, { email: "bob@example.org", name: "Bob", password: "short" });
    await expect(short).rejects.toBeInstanceOf(AppError);
    await expect(short).rejects.toMatchObject({ code: "invalid", fieldErrors: { password: [expect.any(String)] } });
    expect(await handle.db.select().from(users).where(eq(users.email, "bob@example.org"))).toEqual([]);
  });
});
