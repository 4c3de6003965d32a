import { describe, expect, it } from "vitest";
import { markCuts } from "./search-practices.ts";

const summary =
  "Medellín destina una bolsa del presupuesto participativo a iniciativas de jóvenes. Colectivos juveniles formulan los proyectos con acompañamiento técnico. Hoy 48 huertas producen hortalizas para las familias participantes.";

describe("markCuts", () => {
  it("adds an ellipsis where the snippet cuts the summary, at either end", () => {
    expect(markCuts("Medellín destina una bolsa del \uE000presupuesto\uE001 participativo a iniciativas", summary)).toBe(
      "Medellín destina una bolsa del \uE000presupuesto\uE001 participativo a iniciativas …",
    );
    expect(markCuts("Hoy 48 \uE000huertas\uE001 producen hortalizas para las familias participantes.", summary)).toBe(
      "… Hoy 48 \uE000huertas\uE001 producen hortalizas para las familias participantes.",
    );
    expect(markCuts("Colectivos \uE000juveniles\uE001 formulan … Hoy 48 huertas producen", summary)).toBe("… Colectivos \uE000juveniles\uE001 formulan … Hoy 48 huertas producen …");
  });

  it("leaves a snippet that is the whole summary, or empty, as it is", () => {
    expect(markCuts(summary.replace("presupuesto", "\uE000presupuesto\uE001"), summary)).toBe(summary.replace("presupuesto", "\uE000presupuesto\uE001"));
    expect(markCuts("", "")).toBe("");
    expect(markCuts("Corto.", "Corto.")).toBe("Corto.");
  });
});
