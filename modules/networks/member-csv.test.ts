import { describe, expect, it } from "vitest";
import { csvCell, membersCsv } from "./export-network-members.ts";
import { fold, parseMemberCsv, statusOf } from "./member-csv.ts";

describe("reading a member list from CSV", () => {
  it("reads headers and statuses as people write them in es, pt and en, with ';' as Spanish spreadsheets save it", () => {
    const parsed = parseMemberCsv("\uFEFFCiudad;País;Estado;Miembro desde;Categoría\r\nRosario;ar;Activo;1995-11-11;full\r\n;;;;\r\nPorto Alegre;BR;suspenso;2001-01-31;\r\n");
    expect(parsed.issues).toEqual([]);
    expect(parsed.rowCount).toBe(2);
    expect(parsed.rows).toEqual([
      { line: 2, city: "Rosario", country: "AR", status: "active", since: "1995-11-11", category: "full", valid: true },
      { line: 4, city: "Porto Alegre", country: "BR", status: "suspended", since: "2001-01-31", valid: true },
    ]);
  });

  it("reports every bad cell of a row, and suggests the date meant when it is written day first", () => {
    const parsed = parseMemberCsv("city,geonames_id,country,status,since\nX,12a,ARG,maybe,15/03/2019\n,,AR,active,2019-02-30\n");
    expect(parsed.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, "geonames_id", "networks.import.error.geonamesId"],
      [2, "country", "networks.import.error.countryCode"],
      [2, "status", "networks.import.error.status"],
      [2, "since", "networks.import.error.date"],
      [3, "city", "networks.import.error.cityRequired"],
      [3, "since", "networks.import.error.date"],
    ]);
    expect(parsed.issues[3]!.suggestions).toEqual(["2019-03-15"]);
    expect(parsed.issues[5]!.suggestions).toBeUndefined();
  });

  it("folds text for comparison and knows the statuses", () => {
    expect(fold("  Miembro Desde ")).toBe("miembro_desde");
    expect(statusOf("INATIVO")).toBe("inactive");
    expect(statusOf("withdrawn")).toBe("withdrawn");
    expect(statusOf("applicant")).toBeUndefined();
  });
});

describe("writing the member directory as CSV", () => {
  it("quotes what needs quoting and defuses cells that a spreadsheet would run as formulas", () => {
    expect(csvCell("Rosario")).toBe("Rosario");
    expect(csvCell('Intendencia "de" Montevideo, Uruguay')).toBe('"Intendencia ""de"" Montevideo, Uruguay"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    const csv = membersCsv([]);
    expect(csv.startsWith("\uFEFForganization,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
