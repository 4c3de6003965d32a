import type { ModuleManifest } from "../manifest.ts";
import { loadReferencePlaces } from "./load-reference-places.ts";

export const citiesModule: ModuleManifest = {
  name: "cities",
  loadReferenceData: loadReferencePlaces,
};
