// For the accounts module's tests: a fresh database with Better Auth and the module's e-mails.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { createAuth, type SsoProvider } from "../../platform/auth.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { accountsAuthEmails } from "./auth-emails.ts";

/** `sso`: an OpenID Connect provider to sign in with (see tests/support/oidc-provider.ts). */
export async function createAccountsTestContext(options: { sso?: SsoProvider } = {}) {
  const handle: DatabaseHandle = await createTestDatabase();
  const auth = createAuth({ db: handle.db, secret: "test-secret-test-secret-test-secret-1", emails: accountsAuthEmails(handle.db), sso: options.sso });
  return {
    handle,
    ctx: { db: handle.db, auth },
    /** The token in the newest e-mail of this template queued for `email`. */
    async tokenOf(email: string, template: string): Promise<string> {
      const rows = await handle.db.select().from(outbox).where(eq(outbox.kind, "email"));
      const mail = rows.reverse().find((r) => r.payload.to === email && r.payload.template === template);
      if (!mail) throw new Error(`no ${template} e-mail for ${email}`);
      return String((mail.payload.data as { token: string }).token);
    },
  };
}

type AccountsTestContext = Awaited<ReturnType<typeof createAccountsTestContext>>;

/**
 * Gives a test file its own accounts test context, opened before its tests and closed after.
 * Read the fields inside tests (they are set by the time tests run).
 */
export function accountsTestContextPerFile(): AccountsTestContext {
  const context = {} as AccountsTestContext;
  beforeAll(async () => {
    Object.assign(context, await createAccountsTestContext());
  });
  afterAll(() => context.handle?.close());
  return context;
}

/** A browser's cookies for tests: keeps what responses set (an expired cookie is dropped). */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    keep(headers: Headers): void {
      for (const line of headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(";");
        const eq = pair!.indexOf("=");
        const name = pair!.slice(0, eq).trim();
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || pair!.slice(eq + 1) === "";
        if (expired) cookies.delete(name);
        else cookies.set(name, pair!.slice(eq + 1));
      }
    },
    /** Request headers carrying the cookies. */
    headers(): Headers {
      return new Headers({ cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") });
    },
    has(name: string): boolean {
      return [...cookies.keys()].some((k) => k.endsWith(name));
    },
  };
}
