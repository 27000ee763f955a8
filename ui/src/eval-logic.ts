// The evaluation loop's view logic without the DOM: its addresses, the numbers typed in,
// the core's problems per field, the chart's geometry and the practice line. Kept pure so
// Vitest can check it directly.
import type { Change, Dossier, Practice, PracticeCount, Proposal } from "./api";
import { lang, locale } from "./i18n";

/** The evaluation loop's screens: a dossier's traject, the evaluation of one plan item, and
 * the entry of a questionnaire's team aggregate. */
export type EvalRoute =
  { name: "traject"; id: string } | { name: "evaluate"; id: string; item: number } | { name: "measure"; id: string };

const enc = encodeURIComponent;

export const trajectHash = (id: string) => `#/dossier/${enc(id)}/traject`;
export const evaluationHash = (id: string, item: number) => `#/dossier/${enc(id)}/evaluatie/${item}`;
export const measureHash = (id: string) => `#/dossier/${enc(id)}/meting`;

/** The route of `#/dossier/ID/traject|meting|evaluatie/N` (`parts` decoded), else null. */
export function parseEvalRoute(parts: string[]): EvalRoute | null {
  const [head, id, what, n] = parts;
  if (head !== "dossier" || !id) return null;
  if (what === "traject") return { name: "traject", id };
  if (what === "meting") return { name: "measure", id };
  if (what === "evaluatie" && n !== undefined && /^\d+$/.test(n)) return { name: "evaluate", id, item: Number(n) };
  return null;
}

/** A number as typed: "4,5" or "4.5"; null when empty, NaN when it is no number. */
export function typedNumber(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** A number for people, in the interface's language ("4,5"). */
export function showNumber(n: number): string {
  return n.toLocaleString(locale(), { maximumFractionDigits: 2 });
}

/** The problems the core names on its fields: its message lists them one a line, as
 * "  field: message". A message without such lines is one problem on `fallback`. */
export function coreProblems(message: string, fallback: string): { field: string; message: string }[] {
  const lines = message.split("\n").slice(1);
  const found = lines
    .map((line) => /^\s+([\w[\].-]+): (.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ field: m[1], message: m[2] }));
  return found.length ? found : [{ field: fallback, message }];
}

/** Where a bar of the chart ends, as a share of its full width (0…1) on the scale. */
export function barShare(value: number, min: number, max: number): number {
  if (!(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** The next plan item of the dossier to evaluate after `current`: due (its date passed) or
 * without an evaluation, not finished and not carried on into a later visit. */
export function nextToEvaluate(d: Dossier, current: number, today: string): Dossier["plan"][number] | undefined {
  const evaluated = new Set((d.evaluations ?? []).map((e) => e.item));
  return d.plan.find(
    (p) =>
      p.id !== current &&
      !p.carried_to &&
      (p.status === "gepland" || p.status === "lopend") &&
      !evaluated.has(p.id) &&
      (p.evaluation_date ?? "9999") <= today,
  );
}

function countText(c: PracticeCount): string {
  const times = (n: number) => (n === 1 ? "once" : `${n} times`);
  const parts = [`used ${times(c.chosen)}`];
  if (c.evaluated === 0) parts.push("not evaluated yet");
  const v = c.verdicts;
  const words: [number, string][] = [
    [v.werkte, "worked"],
    [v.onduidelijk, "unclear"],
    [v["werkte-niet"], "did not work"],
    [v["niet-uitgevoerd"], "not carried out"],
  ];
  for (const [n, word] of words) if (n > 0) parts.push(`${word} ${times(n)}`);
  return parts.join(", ");
}

/** The practice lines beside an evidence label: the user's own, and the arbodienst's when
 * shared records name the intervention. Dutch as the core writes them. */
export function practiceLines(p: Practice): string[] {
  if (lang() !== "en") return [p.text, ...(p.shared_text ? [p.shared_text] : [])];
  const shared = p.shared
    ? [
        `Practice in our occupational health service (${p.shared.trajecten} ${p.shared.trajecten === 1 ? "traject" : "trajects"}): ${countText(p.shared)}`,
      ]
    : [];
  return [`Own practice: ${countText(p.own)}`, ...shared];
}

/** The label of a change in the interface's language. */
export function changeLabel(c: Change): string {
  return lang() === "en" ? c.label_en : c.label;
}

/** How a change's source is named in the interface's language ("the team conversation"). */
export function sourceName(c: Change): string {
  return lang() === "en" ? c.source_name_en : c.source_name;
}

/** The proposal's lines in the interface's language: the English ones (`why_en`, made with
 * the proposal, the same lines in the same order) on the English interface when given. */
export function proposalLines(p: Proposal): string[] {
  return lang() === "en" && p.why_en?.length ? p.why_en : p.why;
}
