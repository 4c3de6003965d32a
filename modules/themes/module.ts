import type { ModuleManifest } from "../manifest.ts";
import { loadReferenceThemes } from "./load-reference-themes.ts";

export const themesModule: ModuleManifest = {
  name: "themes",
  loadReferenceData: loadReferenceThemes,
};
