// The interface in Dutch (first) and English. The catalogue's own text stays Dutch.
import type { Term } from "./api";

export type Lang = "nl" | "en";

const nl = {
  appTitle: "Keuzehulp",
  tagline: "Interventies tegen psychosociale arbeidsbelasting",
  skip: "Naar de inhoud",
  navStart: "Start",
  navSearch: "Zoeken",
  navCompare: "Vergelijken",
  language: "English",
  languageLabel: "Switch the interface to English",
  startTitle: "Waar wilt u mee beginnen?",
  startIntro: "Kies een van de vier vragen uit de leidraad, of zoek direct.",
  searchLabel: "Zoek een interventie",
  searchPlaceholder: "bijvoorbeeld werkdruk, pesten, mantelzorgers (Ctrl+K)",
  matrixTitle: "Wat de catalogus bevat",
  matrixCaption: "Aantal interventies per niveau en stap; kies een getal om die lijst te openen",
  level: "Niveau",
  step: "Stap",
  count: (n: number) => (n === 1 ? "1 interventie in de catalogus" : `${n} interventies in de catalogus`),
  cellLabel: (n: number, level: string, step: string) => `${n} interventies op ${level}, stap ${step}`,
  version: (v: string) => `Catalogusversie ${v}`,
  questionOf: (i: number, n: number) => `Vraag ${i} van ${n}`,
  back: "Vorige",
  next: "Volgende",
  skipQuestion: "Overslaan",
  showResults: "Toon aanbevelingen",
  yes: "Ja",
  no: "Nee",
  noPreference: "Geen voorkeur",
  resultsTitle: "Aanbevelingen",
  yourAnswers: "Uw antwoorden",
  change: "Wijzig",
  notAnswered: "niet beantwoord",
  adviceTitle: "Advies van de leidraad",
  adviceFor: (step: string) => `Stap ${step}`,
  notFromLeidraad: "De leidraad geeft hier geen eigen advies voor deze rol; dit komt uit andere bronnen.",
  why: "Waarom",
  open: "Open",
  addCompare: "Vergelijk",
  removeCompare: "Uit vergelijking",
  compareCount: (n: number) => `Vergelijken (${n})`,
  filters: "Filters",
  allValues: "Alle",
  searchTitle: "Zoeken",
  resultsCount: (shown: number, total: number) => `${shown} van ${total} resultaten`,
  nothingFound: (q: string) => `Niets gevonden voor “${q}”.`,
  nearest: "Wat er het dichtst bij komt:",
  noRecommendations: "Geen aanbevelingen.",
  detailBack: "Terug",
  whatYouGet: "Wat je eraan hebt",
  whatItInvolves: "Wat het inhoudt",
  time: "Hoeveel tijd het kost",
  cost: "Kosten",
  privacy: "Privacy",
  evidence: "Bewijs",
  references: "Bronnen bij het bewijs",
  developedBy: "Ontwikkeld door",
  website: "Website",
  websiteNote: "Opent in uw browser; daarvoor is een internetverbinding nodig.",
  kind: "Soort",
  aliases: "Ook bekend als",
  levels: "Niveaus",
  steps: "Stappen",
  roles: "Voor",
  themes: "Thema's",
  sectors: "Sectoren",
  riskGroups: "Risicogroepen",
  sources: "Waar de feiten vandaan komen",
  lastReviewed: "Laatst gecontroleerd",
  notKnown: "niet bekend",
  none: "geen",
  compareTitle: "Vergelijken",
  compareEmpty: "Kies twee tot vier interventies met “Vergelijk” om ze naast elkaar te zien.",
  compareMax: "U kunt tot vier interventies vergelijken.",
  field: "Onderdeel",
  errorTitle: "Er ging iets mis",
  errorHelp: "Probeer het opnieuw. Blijft dit gebeuren, start Keuzehulp dan opnieuw en controleer of de gegevensmap bestaat en beschrijfbaar is.",
  loading: "Laden…",
  facetLevel: "Niveau",
  facetStep: "Stap",
  facetRole: "Rol",
  facetTheme: "Thema",
  facetSector: "Sector",
  facetEvidence: "Bewijs",
  facetCost: "Kosten",
  mismatch: "Past niet",
  fits: "Past",
};

export type Strings = typeof nl;

const en: Strings = {
  appTitle: "Keuzehulp",
  tagline: "Interventions against psychosocial workload",
  skip: "Skip to content",
  navStart: "Start",
  navSearch: "Search",
  navCompare: "Compare",
  language: "Nederlands",
  languageLabel: "Zet de interface in het Nederlands",
  startTitle: "Where would you like to start?",
  startIntro: "Choose one of the guideline's four questions, or search directly.",
  searchLabel: "Search an intervention",
  searchPlaceholder: "for example werkdruk, pesten, mantelzorgers (Ctrl+K)",
  matrixTitle: "What the catalogue holds",
  matrixCaption: "Number of interventions per level and step; choose a number to open that list",
  level: "Level",
  step: "Step",
  count: (n: number) => (n === 1 ? "1 intervention in the catalogue" : `${n} interventions in the catalogue`),
  cellLabel: (n: number, level: string, step: string) => `${n} interventions at ${level}, step ${step}`,
  version: (v: string) => `Catalogue version ${v}`,
  questionOf: (i: number, n: number) => `Question ${i} of ${n}`,
  back: "Back",
  next: "Next",
  skipQuestion: "Skip",
  showResults: "Show recommendations",
  yes: "Yes",
  no: "No",
  noPreference: "No preference",
  resultsTitle: "Recommendations",
  yourAnswers: "Your answers",
  change: "Change",
  notAnswered: "not answered",
  adviceTitle: "The guideline's advice",
  adviceFor: (step: string) => `Step ${step}`,
  notFromLeidraad: "The guideline gives no advice of its own for this role here; this comes from other sources.",
  why: "Why",
  open: "Open",
  addCompare: "Compare",
  removeCompare: "Remove from comparison",
  compareCount: (n: number) => `Compare (${n})`,
  filters: "Filters",
  allValues: "All",
  searchTitle: "Search",
  resultsCount: (shown: number, total: number) => `${shown} of ${total} results`,
  nothingFound: (q: string) => `Nothing found for “${q}”.`,
  nearest: "The nearest matches:",
  noRecommendations: "No recommendations.",
  detailBack: "Back",
  whatYouGet: "What you get from it",
  whatItInvolves: "What it involves",
  time: "Time it takes",
  cost: "Cost",
  privacy: "Privacy",
  evidence: "Evidence",
  references: "References for the evidence",
  developedBy: "Developed by",
  website: "Website",
  websiteNote: "Opens in your browser; this needs an internet connection.",
  kind: "Kind",
  aliases: "Also known as",
  levels: "Levels",
  steps: "Steps",
  roles: "For",
  themes: "Themes",
  sectors: "Sectors",
  riskGroups: "Risk groups",
  sources: "Where the facts come from",
  lastReviewed: "Last reviewed",
  notKnown: "not known",
  none: "none",
  compareTitle: "Compare",
  compareEmpty: "Choose two to four interventions with “Compare” to see them side by side.",
  compareMax: "You can compare up to four interventions.",
  field: "Field",
  errorTitle: "Something went wrong",
  errorHelp: "Please try again. If it keeps happening, restart Keuzehulp and check that the data folder exists and can be written.",
  loading: "Loading…",
  facetLevel: "Level",
  facetStep: "Step",
  facetRole: "Role",
  facetTheme: "Theme",
  facetSector: "Sector",
  facetEvidence: "Evidence",
  facetCost: "Cost",
  mismatch: "Does not fit",
  fits: "Fits",
};

const STORAGE_KEY = "keuzehulp.taal";

function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

let current: Lang = storedLang();

/** The interface strings in the current language. */
export function t(): Strings {
  return current === "en" ? en : nl;
}

export function lang(): Lang {
  return current;
}

/** Switches the language and remembers the choice. */
export function setLang(next: Lang): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode: the choice lasts for this session */
  }
  document.documentElement.lang = next;
}

/** A taxonomy term's label in the current language. */
export function label(terms: Term[], id: string): string {
  const term = terms.find((x) => x.id === id);
  if (!term) return id;
  return current === "en" ? term.label_en : term.label;
}

export const strings = { nl, en };
