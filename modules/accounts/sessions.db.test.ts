import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { listSessions } from "./list-sessions.ts";
import { signIn } from "./sign-in.ts";
import { signOutElsewhere } from "./sign-out-elsewhere.ts";
import { signUp } from "./sign-up.ts";
import { createAccountsTestContext } from "./testing.ts";
import { verifyEmail } from "./verify-email.ts";

let handle: DatabaseHandle;
let ctx: Awaited<ReturnType<typeof createAccountsTestContext>>["ctx"];
let tokenOf: Awaited<ReturnType<typeof createAccountsTestContext>>["tokenOf"];
beforeAll(async () => {
  ({ handle, ctx, tokenOf } = await createAccountsTestContext());
});
afterAll(() => handle.close());

const password = "sessões em vários lugares";
async function signInFrom(userAgent: string): Promise<Headers> {
  const { headers } = await signIn(ctx, { email: "multi@device.test", password }, new Headers({ "user-agent": userAgent }));
  return new Headers({ cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "user-agent": userAgent });
}

describe("sessions", () => {
  it("lists the person's devices, the current first, and signs out all the others", async () => {
    await signUp(ctx, { name: "Multi", email: "multi@device.test", password, locale: "pt" });
    await verifyEmail(ctx, await tokenOf("multi@device.test", "accounts.verify-email"));
    const laptop = await signInFrom("Laptop Browser");
    const phone = await signInFrom("Phone Browser");
    const tablet = await signInFrom("Tablet Browser");
    const listed = await listSessions(ctx, phone);
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatchObject({ current: true, userAgent: "Phone Browser" });
    expect(listed.filter((s) => s.current)).toHaveLength(1);

    await signOutElsewhere(ctx, phone);
    expect(await getCurrentUser(ctx, phone)).not.toBeNull();
    expect(await getCurrentUser(ctx, laptop)).toBeNull();
    expect(await getCurrentUser(ctx, tablet)).toBeNull();
    expect(await listSessions(ctx, phone)).toHaveLength(1);
  });

  it("answers someone not signed in as unauthorized", async () => {
    await expect(listSessions(ctx, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(signOutElsewhere(ctx, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
  });
});
