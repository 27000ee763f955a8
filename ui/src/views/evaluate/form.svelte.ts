// The evaluation form's state: what is typed (as text, so nothing typed is lost), turned
// into the core's `EvaluationInput` with the problems found before sending (a missing
// choice, a number that is no number, a date that is no date), each on its field's id.
import type { CarriedOut, EvaluationInput, Indicator, IndicatorInput, Verdict } from "../../api";
import { parseDate } from "../../date";
import { typedNumber } from "../../eval-logic";
import { dateProblemText } from "../../form.svelte";
import { te } from "../../i18n/eval";

export interface IndicatorRow {
  indicator: Indicator;
  before: string;
  after: string;
  beforeFrom: string;
  beforeTo: string;
  afterFrom: string;
  afterTo: string;
}

export interface LocalProblem {
  id: string;
  message: string;
}

export const CARRIED_OUT: readonly CarriedOut[] = ["ja", "deels", "nee", "gestopt"];
export const VERDICTS: readonly Verdict[] = ["werkte", "onduidelijk", "werkte-niet", "niet-uitgevoerd"];
export const INDICATORS: readonly Indicator[] = ["verzuimpercentage", "meldingsfrequentie", "verloop", "deelname"];

/** The element id of the core's field name: `indicators[0].before_period.from` →
 * `ev-ind-0-before_period-from`; a period without its end points at its first day. */
export function fieldId(field: string): string {
  const m = /^indicators\[(\d+)\]\.(\w+)(?:\.(from|to))?$/.exec(field);
  if (m) {
    const end = m[3] ?? (m[2].endsWith("_period") ? "from" : "");
    return `ev-ind-${m[1]}-${m[2]}${end ? `-${end}` : ""}`;
  }
  if (field === "item" || field === "date" || field === "evaluatie") return "ev-carried_out";
  return `ev-${field}`;
}

export class EvaluationForm {
  carriedOut = $state<CarriedOut | "">("");
  reached = $state("");
  reachOf = $state("");
  teamSays = $state("");
  teamChanged = $state(false);
  indicators = $state<IndicatorRow[]>([]);
  verdict = $state<Verdict | "">("");
  reason = $state("");
  readonly item: number;

  constructor(item: number) {
    this.item = item;
  }

  /** The first field filled in (its element id), or null while the form is untouched:
   * leaving then loses nothing. */
  firstFilled(): string | null {
    const choice = (id: string, first: string, v: string) => (v === first ? id : `${id}-${v}`);
    const filled: [boolean, string][] = [
      [this.carriedOut !== "", choice("ev-carried_out", CARRIED_OUT[0], this.carriedOut)],
      [this.reached.trim() !== "", "ev-reached"],
      [this.reachOf.trim() !== "", "ev-reach_of"],
      [this.teamSays.trim() !== "", "ev-team_says"],
      [this.teamChanged, "ev-team_changed"],
      [this.indicators.length > 0, "ev-ind-0-indicator"],
      [this.verdict !== "", choice("ev-verdict", VERDICTS[0], this.verdict)],
      [this.reason.trim() !== "", "ev-reason"],
    ];
    return filled.find(([yes]) => yes)?.[1] ?? null;
  }

  addIndicator(): void {
    const used = this.indicators.map((r) => r.indicator);
    const indicator = INDICATORS.find((x) => !used.includes(x)) ?? "verzuimpercentage";
    this.indicators.push({
      indicator,
      before: "",
      after: "",
      beforeFrom: "",
      beforeTo: "",
      afterFrom: "",
      afterTo: "",
    });
  }

  /** The input for the core and what is wrong before it is sent; `forDraft` asks no choice
   * yet (the proposal is made while the form is filled in). */
  input(forDraft = false): { input: EvaluationInput; problems: LocalProblem[] } {
    const problems: LocalProblem[] = [];
    const num = (id: string, text: string): number | undefined => {
      const n = typedNumber(text);
      if (n === null) return undefined;
      if (Number.isNaN(n)) problems.push({ id, message: te().notANumber(text.trim()) });
      return Number.isNaN(n) ? undefined : n;
    };
    if (!forDraft && !this.carriedOut) problems.push({ id: "ev-carried_out", message: te().carriedOutMissing });
    const input: EvaluationInput = {
      item: this.item,
      carried_out: (this.carriedOut || "ja") as CarriedOut,
      reached: num("ev-reached", this.reached),
      reach_of: num("ev-reach_of", this.reachOf),
      team_says: this.teamSays.trim() || undefined,
      team_changed: this.teamChanged,
      indicators: this.indicators.map((row, i) => this.#indicator(row, i, problems, num)),
      verdict: (this.verdict || "onduidelijk") as Verdict,
      reason: this.reason.trim() || undefined,
    };
    if (!forDraft && !this.verdict) problems.push({ id: "ev-verdict", message: te().verdictMissing });
    return { input, problems };
  }

  #indicator(
    row: IndicatorRow,
    i: number,
    problems: LocalProblem[],
    num: (id: string, text: string) => number | undefined,
  ): IndicatorInput {
    const at = (f: string) => `ev-ind-${i}-${f}`;
    const required = (id: string, text: string): number => {
      if (text.trim() === "") problems.push({ id, message: te().requiredNumber });
      return num(id, text) ?? 0;
    };
    const day = (id: string, text: string): string => {
      const parsed = parseDate(text);
      if (!parsed.ok) problems.push({ id, message: dateProblemText(parsed.problem) });
      else if (!parsed.iso) problems.push({ id, message: dateProblemText("format") });
      return parsed.ok && parsed.iso ? parsed.iso : "";
    };
    return {
      indicator: row.indicator,
      before: required(at("before"), row.before),
      after: required(at("after"), row.after),
      before_period: {
        from: day(at("before_period-from"), row.beforeFrom),
        to: day(at("before_period-to"), row.beforeTo),
      },
      after_period: { from: day(at("after_period-from"), row.afterFrom), to: day(at("after_period-to"), row.afterTo) },
    };
  }
}
