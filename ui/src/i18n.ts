// The interface in Dutch (first, `i18n/nl.ts`) and English (`i18n/en.ts`): which one is
// chosen, and the labels of the taxonomy's terms. The catalogue's own text stays Dutch.
import type { Term } from "./api";
import { en } from "./i18n/en";
import { nl, type Strings } from "./i18n/nl";

export type { Strings };

export type Lang = "nl" | "en";

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
