// A conversation being entered (issue 28), without the DOM: the draft the store keeps across
// its screens, the order of the screens (one question per screen, each theme closed by its
// rating), and the answers the core takes (`TalkInput`). Kept pure so Vitest checks it.
import type { Guide, GuideQuestion, GuideTheme, TalkInput, ThemeInput } from "../../api";

/** The guides, in the order the dossier offers them. */
export const GUIDES = ["team", "leidinggevende", "medewerker"] as const;

/** What was said on one theme. */
export interface ThemeDraft {
  rating: number | null;
  note: string;
  /** Whether the notes of this theme are confidential (the worker's guide: yes). */
  confidential: boolean;
  /** Notes on single questions, by question id. */
  questions: Record<string, string>;
}

/** A conversation being entered: kept in the store until it is saved or another starts. */
export interface TalkDraft {
  dossier: string;
  guide: string;
  /** The day of the conversation (YYYY-MM-DD). */
  date: string;
  /** The number of people present, as typed. */
  present: string;
  /** "live": one question per screen; "after": typing in a paper session, a form per theme. */
  mode: "live" | "after";
  themes: Record<string, ThemeDraft>;
}

export function newDraft(dossier: string, guide: Guide, date: string): TalkDraft {
  const themes: Record<string, ThemeDraft> = {};
  for (const th of guide.themes) {
    themes[th.id] = { rating: null, note: "", confidential: guide.confidential_by_default, questions: {} };
  }
  return { dossier, guide: guide.id, date, present: "", mode: "live", themes };
}

/** One screen of the live conversation: a question of a theme, or the theme's rating. */
export type Screen =
  | { kind: "question"; theme: GuideTheme; question: GuideQuestion; number: number }
  | { kind: "rating"; theme: GuideTheme; number: number };

/** The screens in order: per theme its questions, then its rating. `number` counts the
 * questions (for "Vraag 3 van 24") or the themes (for the rating). */
export function screens(guide: Guide): Screen[] {
  const out: Screen[] = [];
  let asked = 0;
  guide.themes.forEach((theme, n) => {
    for (const question of theme.questions) out.push({ kind: "question", theme, question, number: ++asked });
    out.push({ kind: "rating", theme, number: n + 1 });
  });
  return out;
}

export function questionCount(guide: Guide): number {
  return guide.themes.reduce((sum, th) => sum + th.questions.length, 0);
}

/** The step of the address after screen `index` of `count`: the next screen, or the check. */
export function stepAfter(index: number, count: number): string {
  return index + 1 < count ? String(index + 1) : "controleer";
}

/** The address of a step of the conversation with `guide` for dossier `id`. */
export function talkHash(id: string, guide?: string, step?: string): string {
  const parts = ["#/gesprek", encodeURIComponent(id)];
  if (guide) parts.push(encodeURIComponent(guide));
  if (guide && step) parts.push(step);
  return parts.join("/");
}

/** The number of people present, read from what was typed: a whole number of 1 or more, or
 * null when it is not one. */
export function readPresent(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const n = Number.parseInt(trimmed, 10);
  return n >= 1 ? n : null;
}

function themeInput(theme: GuideTheme, d: ThemeDraft): ThemeInput | null {
  const questions = theme.questions
    .filter((q) => d.questions[q.id]?.trim())
    .map((q) => ({ question: q.id, note: d.questions[q.id].trim(), confidential: d.confidential }));
  const note = d.note.trim();
  if (d.rating === null && !note && !questions.length) return null;
  const out: ThemeInput = { theme: theme.id, confidential: d.confidential };
  if (d.rating !== null) out.rating = d.rating;
  if (note) out.note = note;
  if (questions.length) out.questions = questions;
  return out;
}

/** The answers as the core takes them; a theme with nothing said is left out (skipped). */
export function talkInput(guide: Guide, draft: TalkDraft): TalkInput {
  const themes = guide.themes
    .map((th) => themeInput(th, draft.themes[th.id] ?? newDraft("", guide, "").themes[th.id]))
    .filter((x): x is ThemeInput => x !== null);
  const input: TalkInput = { guide: guide.id, date: draft.date, themes };
  const present = readPresent(draft.present);
  if (guide.group && present !== null) input.present = present;
  return input;
}
