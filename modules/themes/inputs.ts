import { z } from "zod";
import { themeSchemes } from "./schema.ts";

export const listThemesInput = z.object({
  scheme: z.enum(themeSchemes).optional().describe("Only the themes of one scheme"),
  sdg: z.coerce.number().int().min(1).max(17).optional().describe("Only the themes that serve this SDG (1–17)"),
});

export const listSdgsInput = z.object({
  targets: z
    .enum(["true", "false"])
    .optional()
    .describe("Include each goal's targets"),
});
