import { describe, expect, it } from "vitest";
import { getCurrentUser } from "./get-current-user.ts";
import { getProfile } from "./get-profile.ts";
import { signIn } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { accountsTestContextPerFile } from "./testing.ts";
import { updateProfile } from "./update-profile.ts";
import { verifyEmail } from "./verify-email.ts";

const accounts = accountsTestContextPerFile();
const password = "una frase larga y segura";

async function signedUp(email: string): Promise<{ id: string; session: Headers }> {
  await signUp(accounts.ctx, { name: "Ana Souza", email, password, locale: "es" });
  await verifyEmail(accounts.ctx, await accounts.tokenOf(email, "accounts.verify-email"));
  const { headers } = await signIn(accounts.ctx, { email, password }, new Headers());
  const session = new Headers({ cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
  return { id: (await getCurrentUser(accounts.ctx, session))!.id, session };
}

const valid = {
  name: "Ana Souza",
  position: "Directora de Relaciones Internacionales",
  languages: ["es", "pt", "gn"],
  locale: "pt",
  timeZone: "America/Asuncion",
  themes: ["gender", "urban-mobility"],
};

describe("profile", () => {
  it("starts empty, saves every field, and replaces the themes on the next save", async () => {
    const { id, session } = await signedUp("ana@asuncion.test");
    expect(await getProfile(accounts.ctx, id)).toMatchObject({
      name: "Ana Souza",
      email: "ana@asuncion.test",
      position: null,
      languages: [],
      locale: "es",
      timeZone: null,
      themeIds: [],
      confirmWith: "password",
    });

    await expect(updateProfile(accounts.ctx, id, { ...valid, name: "  Ana Souza Benítez ", languages: ["es", "pt", "gn", "es"] })).resolves.toEqual({ locale: "pt" });
    expect(await getProfile(accounts.ctx, id)).toMatchObject({
      name: "Ana Souza Benítez",
      position: "Directora de Relaciones Internacionales",
      languages: ["es", "pt", "gn"],
      locale: "pt",
      timeZone: "America/Asuncion",
      themeIds: ["gender", "urban-mobility"],
    });
    // The language chosen is the one of the person's pages and e-mails.
    expect(await getCurrentUser(accounts.ctx, session)).toMatchObject({ locale: "pt", name: "Ana Souza Benítez" });

    await updateProfile(accounts.ctx, id, { ...valid, position: "", languages: [], timeZone: "UTC", themes: ["housing"] });
    expect(await getProfile(accounts.ctx, id)).toMatchObject({ position: null, languages: [], timeZone: "UTC", themeIds: ["housing"] });
  });

  it("refuses invalid fields, naming each one, and changes nothing", async () => {
    const { id } = await signedUp("bad@input.test");
    const attempt = updateProfile(accounts.ctx, id, {
      name: " ",
      position: "x".repeat(201),
      languages: ["es", "xx"],
      locale: "fr",
      timeZone: "Mars/Olympus_Mons",
      themes: [],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: {
        name: ["i18n:validation.required"],
        position: ["i18n:validation.upTo200"],
        languages: ["i18n:validation.choice"],
        locale: ["i18n:validation.choice"],
        timeZone: ["i18n:validation.timeZone"],
      },
    });
    await expect(updateProfile(accounts.ctx, id, { ...valid, themes: ["gender", "no-such-theme"] })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { themes: ["i18n:validation.choice"] },
    });
    expect(await getProfile(accounts.ctx, id)).toMatchObject({ name: "Ana Souza", locale: "es", themeIds: [], timeZone: null });
  });

  it("answers not found for an account that does not exist", async () => {
    await expect(getProfile(accounts.ctx, "nobody")).rejects.toMatchObject({ code: "not_found" });
    await expect(updateProfile(accounts.ctx, "nobody", valid)).rejects.toMatchObject({ code: "not_found" });
  });
});
