// A match's explanation in sentences a person understands, in their language: the shared themes
// and SDGs, the words that met (each side's own, across languages), the languages and ways of
// working both sides share, common networks, similar size, distance. Used by the page and the API.
import type { Database } from "../../platform/db/client.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { formatNumber } from "../../platform/i18n/format.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { sdgGoalNames, themeNames } from "../practices/describe.ts";
import type { MatchExplanation } from "./schema.ts";

export interface ExplainedMatch {
  sharedThemes: { id: string; name: string }[];
  sharedSdgGoals: { goal: number; name: string }[];
  words: { need: string[]; offer: string[] }[];
  sharedLanguages: string[];
  sharedModalities: string[];
  similarSize: boolean;
  distanceKm: number | null;
  parts: Record<string, number>;
  /** The reasons, one sentence each, strongest first. */
  reasons: string[];
}

export async function explainMatch(db: Database, explanation: MatchExplanation, sharedNetworks: string[], locale: Locale): Promise<ExplainedMatch> {
  const t = createTranslator(locale, catalogs[locale]);
  const list = (items: string[]) => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
  const sharedThemes = await themeNames(db, explanation.sharedThemeIds, locale);
  const sharedSdgGoals = await sdgGoalNames(db, explanation.sharedSdgGoals, locale);
  const reasons: string[] = [];
  if (explanation.words.length > 0) {
    const pairs = explanation.words.slice(0, 5).map((w) => {
      const need = w.need[0] ?? "";
      const offer = w.offer[0] ?? "";
      return need === offer ? `“${need}”` : `“${need}” ↔ “${offer}”`;
    });
    reasons.push(t("exchange.reason.words", { words: list(pairs) }));
  }
  if (sharedThemes.length > 0) reasons.push(t("exchange.reason.themes", { count: sharedThemes.length, themes: list(sharedThemes.map((x) => x.name)) }));
  if (sharedSdgGoals.length > 0) reasons.push(t("exchange.reason.sdgs", { count: sharedSdgGoals.length, goals: list(sharedSdgGoals.map((g) => `${g.goal}. ${g.name}`)) }));
  if (explanation.sharedLanguages.length > 0) reasons.push(t("exchange.reason.languages", { languages: list(explanation.sharedLanguages.map((l) => new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(l) ?? l)) }));
  else reasons.push(t("exchange.reason.noLanguage"));
  if (explanation.sharedModalities.length > 0) reasons.push(t("exchange.reason.modalities", { modalities: list(explanation.sharedModalities.map((m) => t(`exchange.modality.${m}`))) }));
  if (sharedNetworks.length > 0) reasons.push(t("exchange.reason.networks", { count: sharedNetworks.length, networks: list(sharedNetworks) }));
  if (explanation.similarSize) reasons.push(t("exchange.reason.size"));
  if (explanation.distanceKm !== null) reasons.push(t("exchange.reason.distance", { km: formatNumber(locale, explanation.distanceKm) }));
  return {
    sharedThemes,
    sharedSdgGoals,
    words: explanation.words,
    sharedLanguages: explanation.sharedLanguages,
    sharedModalities: explanation.sharedModalities,
    similarSize: explanation.similarSize,
    distanceKm: explanation.distanceKm,
    parts: explanation.parts,
    reasons,
  };
}
