import { describe, expect, it } from "vitest";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { authorLabel } from "./author-label.ts";

describe("authorLabel", () => {
  const pt = createTranslator("pt", catalogs.pt);
  const en = createTranslator("en", catalogs.en);

  it("names the author and the organization they acted for", () => {
    expect(authorLabel({ authorName: "Ana Souza", organizationName: "Prefeitura de Recife" }, pt)).toBe("Ana Souza · Prefeitura de Recife");
    expect(authorLabel({ authorName: "Ana Souza", organizationName: null }, en)).toBe("Ana Souza");
  });

  it("says 'former member' once the author's account is deleted", () => {
    expect(authorLabel({ authorName: null, organizationName: "Prefeitura de Recife" }, pt)).toBe("Ex-membro de Prefeitura de Recife");
    expect(authorLabel({ authorName: null, organizationName: "Intendencia de Montevideo" }, en)).toBe("Former member of Intendencia de Montevideo");
    expect(authorLabel({ authorName: null, organizationName: null }, en)).toBe("Former member");
  });
});
