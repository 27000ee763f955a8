// View logic without the DOM: routes, the question flow, facet counts, highlighting.
// Kept pure so Vitest can check it directly.
import type { Answers, Dossier, DossierSummary, Entry, PlanItem, Question, Recommendation, VisitInfo } from "./api";
import { type EvalRoute, parseEvalRoute } from "./eval-logic";

export type Route =
  | { name: "start" }
  | { name: "question"; index: number }
  | { name: "change"; id: string }
  | { name: "review" }
  | { name: "worker" }
  | { name: "results" }
  | { name: "search"; query: string; filters: Record<string, string> }
  | { name: "detail"; id: string }
  | { name: "compare" }
  | { name: "dossiers"; query: string }
  | { name: "dossier"; id: string; task?: DossierTask }
  | { name: "restore" }
  | { name: "trash" }
  | { name: "catalogue" }
  | { name: "share" }
  | { name: "own"; id?: string }
  | { name: "talk"; id: string; guide?: string; step?: string }
  | EvalRoute;

/** Parses `#/...` into a route; anything unknown is the start screen. */
export function parseRoute(hash: string): Route {
  const [path, queryString = ""] = hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(queryString);
  switch (parts[0]) {
    case "vraag": {
      const index = Number.parseInt(parts[1] ?? "0", 10);
      return { name: "question", index: Number.isFinite(index) && index >= 0 ? index : 0 };
    }
    case "wijzig":
      return parts[1] ? { name: "change", id: parts[1] } : { name: "review" };
    case "controleer":
      return { name: "review" };
    case "bij-wie":
      return { name: "worker" };
    case "resultaten":
      return { name: "results" };
    case "zoeken": {
      const filters: Record<string, string> = {};
      for (const [key, value] of params) if (key !== "q" && value) filters[key] = value;
      return { name: "search", query: params.get("q") ?? "", filters };
    }
    case "interventie":
      return parts[1] ? { name: "detail", id: parts[1] } : { name: "start" };
    case "vergelijk":
      return { name: "compare" };
    case "dossiers":
      return { name: "dossiers", query: params.get("q") ?? "" };
    case "herstellen":
      return { name: "restore" };
    case "prullenbak":
      return { name: "trash" };
    case "catalogus":
      if (parts[1] === "praktijk") return { name: "share" };
      if (parts[1] === "eigen") return parts[2] ? { name: "own", id: parts[2] } : { name: "own" };
      return { name: "catalogue" };
    case "gesprek":
      // A conversation of a dossier (issue 28): its guide and the step within it.
      if (!parts[1]) return { name: "dossiers", query: "" };
      return { name: "talk", id: parts[1], guide: parts[2], step: parts.slice(3).join("/") || undefined };
    case "dossier":
      if (!parts[1]) return { name: "dossiers", query: "" };
      return (
        parseEvalRoute(parts) ??
        ((DOSSIER_TASKS as readonly string[]).includes(parts[2] ?? "")
          ? { name: "dossier", id: parts[1], task: parts[2] as DossierTask }
          : { name: "dossier", id: parts[1] })
      );
    default:
      return { name: "start" };
  }
}

export function searchHash(query: string, filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `#/zoeken?${qs}` : "#/zoeken";
}

export function emptyAnswers(): Answers {
  return { steps: [], themes: [], free: false, have: [] };
}

/** The answers an entry question presets (the user can still change them). */
export function applyEntry(entry: Entry): Answers {
  const a = emptyAnswers();
  a.entry = entry.id;
  a.role = entry.presets.role;
  a.level = entry.presets.level;
  a.steps = [...(entry.presets.steps ?? [])];
  return a;
}

/** The current answer to a question as a list of values. */
export function answerValues(answers: Answers, q: Question): string[] {
  const v = answers[q.answer];
  if (Array.isArray(v)) return v as string[];
  if (typeof v === "boolean") return v ? ["ja"] : [];
  return v ? [String(v)] : [];
}

/** Sets the answer to a question from a list of chosen values (empty = skipped). */
export function setAnswer(answers: Answers, q: Question, values: string[]): Answers {
  const next: Answers = { ...answers, steps: [...answers.steps], themes: [...answers.themes], have: [...answers.have] };
  const record = next as unknown as Record<string, unknown>;
  if (q.kind === "multi") record[q.answer] = values;
  else if (q.kind === "yes-no") record[q.answer] = values[0] === "ja";
  else record[q.answer] = values[0] || undefined;
  return next;
}

/** Where "next" or "skip" leads from question `index` of `count`: the last one leads to
 * "Controleer uw antwoorden". */
export function nextHash(index: number, count: number): string {
  return index + 1 < count ? `#/vraag/${index + 1}` : "#/controleer";
}

/** The answer fields an entry already filled, plus the sector when a dossier gave it: these
 * are not asked again (they can still be changed on the review page). */
export function givenFields(entry: Entry | undefined, dossierSector?: string | null): string[] {
  const given: string[] = [];
  if (entry?.presets.role) given.push("role");
  if (entry?.presets.level) given.push("level");
  if (entry?.presets.steps?.length) given.push("steps");
  if (dossierSector) given.push("sector");
  return given;
}

/** The questions asked one by one: not the refinements (they sit beside the results), not
 * what was given. */
export function askedQuestions(questions: Question[], given: string[]): Question[] {
  return questions.filter((q) => !q.refinement && !given.includes(q.answer));
}

/** The reasons worth showing on a card: the one or two that set it apart from the others in
 * the list (a reason most of the list shares is the user's own answer said back), or the
 * first reason when none does. What a conversation said ("uit het teamgesprek:
 * regelmogelijkheden 2 van 5") is why the user is here: it is always shown, first, though most
 * of the list shares it. In English (`reasons_en`, the same reasons in the same order) when
 * `en`; the choice is made on the Dutch words. */
export function distinctReasons(
  list: Recommendation[],
  r: Recommendation,
  max = 2,
  answers?: Answers,
  en = false,
): string[] {
  const shared = (reason: string) => list.filter((x) => x.reasons.includes(reason)).length;
  const all = r.reasons.map((_, i) => i);
  const rare = all.filter((i) => list.length < 3 || shared(r.reasons[i]) * 2 <= list.length);
  const heard = (answers?.signals ?? []).map((s) => `uit ${s.named}: ${s.label} `);
  const talk = all.filter((i) => heard.some((h) => r.reasons[i].startsWith(h)));
  const rest = (rare.length ? rare : all).filter((i) => !talk.includes(i));
  const words = en ? r.reasons_en : r.reasons;
  return [...talk, ...rest].slice(0, Math.max(max, talk.length + 1)).map((i) => words[i] ?? r.reasons[i]);
}

/** Where "Vorige" leads from question `index`: the question before, or, from the first,
 * back where the questions were started (the dossier, or the start screen). */
export function previousHash(index: number, from = "#/"): string {
  return index > 0 ? `#/vraag/${index - 1}` : from;
}

/** How many recommendations fit every answer, and how many only partly (something does not
 * fit: a mismatch). */
export function fitCounts(list: Recommendation[]): { full: number; partly: number } {
  const full = list.filter((r) => r.mismatches.length === 0).length;
  return { full, partly: list.length - full };
}

export const FACET_FIELDS = ["level", "step", "role", "theme", "sector", "evidence", "cost"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

function valuesOf(r: Recommendation, field: FacetField): string[] {
  switch (field) {
    case "level":
      return r.levels;
    case "step":
      return r.steps;
    case "role":
      return r.roles;
    case "theme":
      return r.themes;
    case "sector":
      return r.sectors;
    case "evidence":
      return [r.evidence];
    case "cost":
      return [r.cost];
  }
}

/** Recommendations that pass every chosen facet value. */
export function applyFacets(list: Recommendation[], chosen: Partial<Record<FacetField, string>>): Recommendation[] {
  return list.filter((r) => FACET_FIELDS.every((f) => !chosen[f] || valuesOf(r, f).includes(chosen[f] as string)));
}

/** Counts per facet value among `list`, as the other chosen facets leave it. */
export function facetCounts(
  list: Recommendation[],
  chosen: Partial<Record<FacetField, string>>,
): Record<FacetField, Record<string, number>> {
  const out = {} as Record<FacetField, Record<string, number>>;
  for (const field of FACET_FIELDS) {
    const others = { ...chosen, [field]: undefined };
    const counts: Record<string, number> = {};
    for (const r of applyFacets(list, others)) for (const v of valuesOf(r, field)) counts[v] = (counts[v] ?? 0) + 1;
    out[field] = counts;
  }
  return out;
}

/** Splits `text` into parts, marking the words in `words` (case-insensitive, whole words). */
export function highlightParts(text: string, words: string[]): { text: string; mark: boolean }[] {
  const wanted = new Set(words.map((w) => w.toLowerCase()));
  if (wanted.size === 0) return [{ text, mark: false }];
  const parts: { text: string; mark: boolean }[] = [];
  const re = /[\p{L}\p{N}&-]+/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const word = m[0].replace(/^-+|-+$/g, "");
    if (!wanted.has(word.toLowerCase())) continue;
    const start = (m.index ?? 0) + m[0].indexOf(word);
    if (start > last) parts.push({ text: text.slice(last, start), mark: false });
    parts.push({ text: word, mark: true });
    last = start + word.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}

/** Adds or removes an id from the comparison (at most four). */
export function toggleCompare(list: string[], id: string): { list: string[]; full: boolean } {
  if (list.includes(id)) return { list: list.filter((x) => x !== id), full: false };
  if (list.length >= 4) return { list, full: true };
  return { list: [...list, id], full: false };
}

export function dossierHash(id: string, task?: DossierTask): string {
  return `#/dossier/${encodeURIComponent(id)}${task ? `/${task}` : ""}`;
}

/** The work of a visit, in the order it is done. */
export const DOSSIER_TASKS = ["bezoek", "vragen", "keuzelijst", "actieplan", "notities", "rapport"] as const;
export type DossierTask = (typeof DOSSIER_TASKS)[number];
export type TaskStatus = "niet-begonnen" | "bezig" | "klaar";

/** What the visit still lacks before its task counts as done (a visit date and a contact
 * person), as the visit form's field ids. */
export function visitMissing(d: Dossier): ("visit_date" | "contact_name")[] {
  const missing: ("visit_date" | "contact_name")[] = [];
  if (!d.visit_date) missing.push("visit_date");
  if (!d.contact_name?.trim()) missing.push("contact_name");
  return missing;
}

/** How far each task of a dossier is. `reportSaved`: a report was saved this session (the
 * dossier does not record it). */
export function taskStatuses(d: Dossier, reportSaved: boolean): Record<DossierTask, TaskStatus> {
  const a = d.answers;
  const answered = !!(
    a.role ||
    a.level ||
    a.sector ||
    a.risk_group ||
    a.min_evidence ||
    a.max_time ||
    a.free ||
    a.steps.length ||
    a.themes.length
  );
  const all = <T>(list: T[], done: (x: T) => boolean): TaskStatus =>
    list.length === 0 ? "niet-begonnen" : list.every(done) ? "klaar" : "bezig";
  return {
    bezoek: visitMissing(d).length === 0 ? "klaar" : "bezig",
    vragen: answered ? "klaar" : "niet-begonnen",
    keuzelijst: all(d.shortlist, (x) => !!x.why?.trim()),
    actieplan: all(d.plan, (p) => !!p.who.trim() && !!p.evaluation_date),
    notities: d.notes.length ? "klaar" : "niet-begonnen",
    rapport: reportSaved ? "klaar" : "niet-begonnen",
  };
}

export const VISIT_FIELDS = [
  "org",
  "sector",
  "size_band",
  "department",
  "visit_date",
  "contact_name",
  "contact_role",
  "professional",
] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];

/** The size bands (number of employees) offered for a client organisation. */
export const SIZE_BANDS = ["1-9", "10-49", "50-249", "250-999", "1000+"];

/** Builds the core's VisitInfo from form values: trimmed, and empty fields left out. */
export function visitInfo(values: Partial<Record<VisitField, string>>): VisitInfo {
  const info: VisitInfo = { org: (values.org ?? "").trim() };
  for (const field of VISIT_FIELDS) {
    if (field === "org") continue;
    const v = (values[field] ?? "").trim();
    info[field] = v === "" ? null : v;
  }
  return info;
}

/** Every overdue evaluation over all dossiers, the longest overdue first. */
export function overdueAcross(list: DossierSummary[]): { dossier: DossierSummary; item: PlanItem }[] {
  return list
    .flatMap((dossier) => dossier.overdue.map((item) => ({ dossier, item })))
    .sort((a, b) => (a.item.evaluation_date ?? "").localeCompare(b.item.evaluation_date ?? ""));
}

/** Adds or removes an intervention from what the organisation already offers. */
export function toggleHave(answers: Answers, id: string): Answers {
  const have = answers.have.includes(id) ? answers.have.filter((x) => x !== id) : [...answers.have, id];
  return { ...answers, steps: [...answers.steps], themes: [...answers.themes], have };
}

/** Calls `save` once typing has paused for `ms`; `flush` saves a pending change at once (on
 * blur or leaving the page); `now` saves at once in any case (a committed change). */
export function debounced(save: () => void, ms: number): { schedule(): void; flush(): void; now(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    now() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      save();
    },
    schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        save();
      }, ms);
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      save();
    },
  };
}

/** The first sentence of a text: a card shows one line of what an intervention is. A full
 * stop inside an abbreviation ("o.a.", "bijv.") is not taken for the end. */
export function firstSentence(text: string): string {
  const m = /^.*?[^.\s]{3,}[.!?](?=\s+[A-Z\u00C0-\u024F]|$)/su.exec(text.trim());
  return m ? m[0] : text.trim();
}
