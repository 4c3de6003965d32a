// The governance messages read as Spanish is written: "del Consejo", "al Consejo", never
// "de el" or "a el" — neither in the text nor where a choice (select) puts an article after a
// preposition ("Decisión de {body, select, council {el Consejo}}").
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { displayName, placeOf } from "./display.ts";

/** Every way a message's text can read around its choices, flattened to plain strings. */
function readings(elements: MessageFormatElement[]): string[] {
  let texts = [""];
  for (const e of elements) {
    if (e.type === TYPE.literal) texts = texts.map((t) => t + e.value);
    else if (e.type === TYPE.select || e.type === TYPE.plural) {
      const options = Object.values(e.options).flatMap((o) => readings(o.value));
      texts = texts.flatMap((t) => options.map((o) => t + o));
    } else texts = texts.map((t) => `${t}X`);
    if (texts.length > 2000) texts = texts.slice(0, 2000);
  }
  return texts;
}

describe("Spanish governance messages", () => {
  const spanish = Object.entries(catalogs.es).filter(([key]) => key.startsWith("governance."));

  it("contract de + el and a + el, in the text and across choices", () => {
    const wrong = spanish.flatMap(([key, message]) => readings(parse(message)).filter((text) => /\b(de|a) el\b/i.test(text)).map((text) => `${key}: ${text}`));
    expect(wrong).toEqual([]);
  });

  it("say whose decision it was with the contraction", () => {
    expect(readings(parse(catalogs.es["governance.candidacy.decision"]!))).toContain("Decisión del Consejo (X), registrada el X.");
  });
});

describe("names as shown", () => {
  it("lose invisible direction marks and isolates, keeping every letter", () => {
    expect(displayName("Gualeguaychú\u200E")).toBe("Gualeguaychú");
    expect(displayName("\u2067Salto\u2069 \u200F")).toBe("Salto");
    expect(displayName("\u202AVilla Mercedes\u202C")).toBe("Villa Mercedes");
    expect(displayName("São João del-Rei")).toBe("São João del-Rei");
  });

  it("tell a place by province and country, or the country alone", () => {
    expect(placeOf("San Luis\u200E", "Argentina")).toBe("San Luis, Argentina");
    expect(placeOf(null, "Uruguay")).toBe("Uruguay");
  });
});
