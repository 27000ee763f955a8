// The interface in Dutch (first, `i18n/nl.ts`) and English (`i18n/en.ts`): which one is
// chosen, the labels of the taxonomy's terms, and numbers and dates in words. The
// catalogue's own text stays Dutch. The chosen language lives in the store
// (`store.svelte.ts`), which re-renders the screen when it changes; this module answers
// for the current one.
import type { ErrorCode, Term } from "./api";
import { en } from "./i18n/en";
import { errorsEn } from "./i18n/errors-en";
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

/** The locale for numbers in the current language. */
export function locale(): string {
  return current === "en" ? "en-GB" : "nl-NL";
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

/** What went wrong, for people: the core's words (Dutch) on the Dutch interface; on the
 * English one the gist in English by the error's code, then the core's words marked as Dutch
 * (they name the file, field or value). */
export function errorText(code: ErrorCode | "onbekend", detail: string): string {
  return current === "en" ? `${errorsEn[code] ?? errorsEn.onbekend} ${en.inDutch(detail)}` : detail;
}

/** An ISO date in words: "3 december 2027" / "3 December 2027". */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${t().monthNames[Number(m[2]) - 1]} ${m[1]}`;
}

/** A byte count for people: "1,2 MB" (in the interface's language). */
export function sizeText(bytes: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let n = bytes;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u += 1;
  }
  return `${n.toLocaleString(locale(), { maximumFractionDigits: u ? 1 : 0 })} ${units[u]}`;
}

export const strings = { nl, en };
