import { describe, expect, it } from "vitest";
import { getCurrentUser } from "./get-current-user.ts";
import { listSessions } from "./list-sessions.ts";
import { signIn } from "./sign-in.ts";
import { signOutElsewhere } from "./sign-out-elsewhere.ts";
import { signUp } from "./sign-up.ts";
import { accountsTestContextPerFile } from "./testing.ts";
import { verifyEmail } from "./verify-email.ts";

const accounts = accountsTestContextPerFile();

const password = "sessões em vários lugares";
async function signInFrom(userAgent: string): Promise<Headers> {
  const { headers } = await signIn(accounts.ctx, { email: "multi@device.test", password }, new Headers({ "user-agent": userAgent }));
  return new Headers({ cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "user-agent": userAgent });
}

describe("sessions", () => {
  it("lists the person's devices, the current first, and signs out all the others", async () => {
    await signUp(accounts.ctx, { name: "Multi", email: "multi@device.test", password, locale: "pt" });
    await verifyEmail(accounts.ctx, await accounts.tokenOf("multi@device.test", "accounts.verify-email"));
    const laptop = await signInFrom("Laptop Browser");
    const phone = await signInFrom("Phone Browser");
    const tablet = await signInFrom("Tablet Browser");
    const listed = await listSessions(accounts.ctx, phone);
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatchObject({ current: true, userAgent: "Phone Browser" });
    expect(listed.filter((s) => s.current)).toHaveLength(1);

    await signOutElsewhere(accounts.ctx, phone);
    expect(await getCurrentUser(accounts.ctx, phone)).not.toBeNull();
    expect(await getCurrentUser(accounts.ctx, laptop)).toBeNull();
    expect(await getCurrentUser(accounts.ctx, tablet)).toBeNull();
    expect(await listSessions(accounts.ctx, phone)).toHaveLength(1);
  });

  it("answers someone not signed in as unauthorized", async () => {
    await expect(listSessions(accounts.ctx, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(signOutElsewhere(accounts.ctx, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
  });
});
