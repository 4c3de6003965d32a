// Orthographic cognates: the regular spelling correspondences between Spanish, Portuguese and
// English (-ción/-ção/-tion, -dad/-dade/-ty, ñ/nh, ll/lh, ie/e …). The rules only propose
// candidates; a candidate counts when it is attested — in a word list when the lexicon is
// built (scripts/build-lexicon.ts), in the search vocabulary of published documents at query
// time (prepare-query.ts). Every rule is optional, so a word yields a small set of candidates.
import { fold, type SearchLanguage } from "./text.ts";

interface Rule {
  /** Applied to the lower-case word (accents kept); suffix rules end in `$`. */
  from: RegExp;
  to: string;
}

const r = (from: string, to: string): Rule => ({ from: new RegExp(from, from.endsWith("$") ? "u" : "gu"), to });

// Suffixes first: they are the most reliable, and the candidate cap keeps the early rules.
const esToPt: Rule[] = [
  r("cciones$", "ções"), r("cción$", "ção"), r("ciones$", "ções"), r("ción$", "ção"), r("siones$", "sões"), r("sión$", "são"),
  r("ones$", "ões"), r("ón$", "ão"), r("dad$", "dade"), r("tud$", "tude"), r("ajes$", "agens"), r("aje$", "agem"),
  r("bles$", "veis"), r("ble$", "vel"), r("ales$", "ais"), r("eros$", "eiros"), r("ero$", "eiro"), r("eras$", "eiras"),
  r("era$", "eira"), r("icias$", "iças"), r("icia$", "iça"), r("anzas$", "anças"), r("anza$", "ança"), r("cios$", "ços"),
  r("cio$", "ço"), r("miento$", "mento"), r("mientos$", "mentos"), r("ún$", "um"), r("ín$", "im"), r("én$", "em"),
  r("ñ", "nh"), r("ll", "lh"), r("ie", "e"), r("ue", "o"), r("iu", "i"), r("j", "lh"), r("z(?=[aou])", "ç"),
  r("cc", "c"), r("(?<=[aeiouáéíóú])s(?=[aeiouáéíóú])", "ss"), r("ct", "t"), r("ct", "it"), r("pt", "t"), r("y(?=[aeiou])", "j"),
  r("b", "v"), r("ch", "it"), r("cu(?=[aeo])", "qu"),
];

const ptToEs: Rule[] = [
  r("ções$", "ciones"), r("ção$", "ción"), r("ção$", "cción"), r("sões$", "siones"), r("são$", "sión"), r("ões$", "ones"),
  r("ão$", "ón"), r("dade$", "dad"), r("tude$", "tud"), r("agens$", "ajes"), r("agem$", "aje"), r("veis$", "bles"),
  r("vel$", "ble"), r("ais$", "ales"), r("eiros$", "eros"), r("eiro$", "ero"), r("eiras$", "eras"), r("eira$", "era"),
  r("iças$", "icias"), r("iça$", "icia"), r("anças$", "anzas"), r("ança$", "anza"), r("ços$", "cios"), r("ço$", "cio"),
  r("mentos$", "mientos"), r("mento$", "miento"), r("um$", "ún"), r("im$", "ín"), r("em$", "én"),
  r("nh", "ñ"), r("lh", "ll"), r("lh", "j"), r("ç", "z"), r("ss", "s"), r("eit", "ect"), r("it", "ch"), r("ou", "o"),
  r("v", "b"), r("qu(?=[aeo])", "cu"), r("e", "ie"), r("o", "ue"), r("j(?=[aeiou])", "y"), r("ci", "ciu"),
];

// English ↔ Romance: the learned vocabulary of public policy is mostly shared Latin.
const enToRomance = (pt: boolean): Rule[] => [
  r("izations$", pt ? "izações" : "izaciones"), r("ization$", pt ? "ização" : "ización"),
  r("tions$", pt ? "ções" : "ciones"), r("tion$", pt ? "ção" : "ción"), r("sions$", pt ? "sões" : "siones"), r("sion$", pt ? "são" : "sión"),
  r("ities$", pt ? "idades" : "idades"), r("ity$", pt ? "idade" : "idad"), r("ties$", "dades"), r("ty$", pt ? "dade" : "dad"),
  r("ments$", pt ? "mentos" : "mientos"), r("ment$", pt ? "mento" : "miento"), r("ical$", "ico"), r("ics$", "icas"), r("ic$", "ico"),
  r("ic$", "ica"), r("ive$", "ivo"), r("ous$", "oso"), r("ences$", pt ? "ências" : "encias"), r("ence$", pt ? "ência" : "encia"),
  r("ances$", pt ? "âncias" : "ancias"), r("ance$", pt ? "ância" : "ancia"), r("ism$", "ismo"), r("ist$", "ista"), r("i[sz]e$", "izar"),
  r("ate$", "ar"), r("ary$", pt ? "ário" : "ario"), r("ory$", pt ? "ório" : "orio"), r("y$", pt ? "ia" : "ía"),
  r("ble$", pt ? "vel" : "ble"), r("([bcdfgklmnprstv])$", "$1o"), r("([bcdfgklmnprstv])$", "$1a"), r("([bcdfgklmnprstv])$", "$1e"),
  r("e$", "o"), r("th", "t"), r("ph", "f"), r("ch", "c"), r("y", "i"), r("^s(?=[cmpt])", "es"),
  r("([bcdfglmnprt])\\1", "$1"), ...(pt ? [r("(?<=[aeiou])s(?=[aeiou])", "ss")] : []), r("b", "v"),
];

const romanceToEn = (pt: boolean): Rule[] => [
  r(pt ? "izações$" : "izaciones$", "izations"), r(pt ? "ização$" : "ización$", "ization"),
  r(pt ? "ções$" : "ciones$", "tions"), r(pt ? "ção$" : "ción$", "tion"), r(pt ? "sões$" : "siones$", "sions"), r(pt ? "são$" : "sión$", "sion"),
  r("idades$", "ities"), r(pt ? "idade$" : "idad$", "ity"), r("dades$", "ties"), r(pt ? "dade$" : "dad$", "ty"),
  r(pt ? "mentos$" : "mientos$", "ments"), r(pt ? "mento$" : "miento$", "ment"), r("icos$", "ic"), r("ico$", "ic"), r("ica$", "ic"),
  r("ico$", "ical"), r("ivo$", "ive"), r("iva$", "ive"), r("osos?$", "ous"), r("osa$", "ous"), r(pt ? "ências$" : "encias$", "ences"),
  r(pt ? "ência$" : "encia$", "ence"), r(pt ? "âncias$" : "ancias$", "ances"), r(pt ? "ância$" : "ancia$", "ance"), r("ismo$", "ism"),
  r("ista$", "ist"), r("izar$", "ize"), r("ar$", "ate"), r(pt ? "ário$" : "ario$", "ary"), r(pt ? "ório$" : "orio$", "ory"),
  r(pt ? "ia$" : "ía$", "y"), r("ia$", "y"), r(pt ? "vel$" : "ble$", "ble"), r("[oae]$", ""), r("[oae]s$", "s"), r("o$", "e"),
  r("^es(?=[cmpt])", "s"), r("v", "b"), ...(pt ? [r("ss", "s")] : []), r("f", "ph"),
];

const rules: Record<string, Rule[]> = {
  "es>pt": esToPt,
  "pt>es": ptToEs,
  "en>es": enToRomance(false),
  "en>pt": enToRomance(true),
  "es>en": romanceToEn(false),
  "pt>en": romanceToEn(true),
};

/** How many candidates one word may yield per target language. */
export const COGNATE_CANDIDATE_CAP = 48;

/**
 * Folded spellings that a word of language `from` could have in language `to`, by the rules
 * above, the word's own folded form excepted. Unattested: the caller checks them.
 */
export function cognateCandidates(word: string, from: SearchLanguage, to: SearchLanguage): string[] {
  const list = rules[`${from}>${to}`];
  if (!list || word.length < 4) return [];
  const lower = word.toLowerCase().normalize("NFC");
  let forms = [lower];
  for (const rule of list) {
    if (forms.length >= COGNATE_CANDIDATE_CAP) break;
    const next = [...forms];
    for (const form of forms) {
      rule.from.lastIndex = 0;
      if (!rule.from.test(form)) continue;
      const changed = form.replace(rule.from, rule.to);
      if (!next.includes(changed)) next.push(changed);
      if (next.length >= COGNATE_CANDIDATE_CAP) break;
    }
    forms = next;
  }
  const source = fold(lower);
  const out = new Set<string>();
  for (const form of forms) {
    const folded = fold(form);
    if (folded !== source && folded.length >= 3) out.add(folded);
  }
  return [...out];
}
