// The state of a form's problems and of "saved": one error summary per form lists the
// problems in the order of the form's fields, each field shows its own; the notification
// banner says whether the last change was saved, and does not say "Opgeslagen" while a value
// on the page was refused.
import { toApiError } from "./api";
import { type DateProblem, showTime } from "./date";
import { t } from "./i18n";

export interface Problem {
  /** The field's id: the summary's link leads there. */
  id: string;
  /** The message in the error summary. */
  message: string;
}

/** The problems of one form: per field a message for the field and one for the summary. */
export class FormErrors {
  #items = $state<Record<string, { field: string; summary: string; label: string }>>({});
  #order: string[];

  /** `order`: the field ids in the order the form shows them (others follow, as they come). */
  constructor(order: string[] = []) {
    this.#order = order;
  }

  /** Sets (or, with null, clears) the problem of field `id`; `summary` defaults to the
   * field's message; `label` names the field in the save banner. */
  set(id: string, field: string | null, summary: string | null = field, label = ""): void {
    if (field) this.#items[id] = { field, summary: summary ?? field, label };
    else delete this.#items[id];
  }

  get(id: string): string | null {
    return this.#items[id]?.field ?? null;
  }

  has(id: string): boolean {
    return id in this.#items;
  }

  clear(): void {
    for (const id of Object.keys(this.#items)) delete this.#items[id];
  }

  get size(): number {
    return Object.keys(this.#items).length;
  }

  /** The fields with a problem, by their labels (for "saved, except …"). */
  labels(): string[] {
    return this.list.map((p) => this.#items[p.id].label || p.id);
  }

  /** The summary's list, in the form's order. */
  get list(): Problem[] {
    const rank = (id: string) => {
      const i = this.#order.indexOf(id);
      return i < 0 ? this.#order.length : i;
    };
    return Object.entries(this.#items)
      .map(([id, item], n) => ({ id, message: item.summary, n }))
      .sort((a, b) => rank(a.id) - rank(b.id) || a.n - b.n)
      .map(({ id, message }) => ({ id, message }));
  }
}

/** The notification banner of a page that saves as you type. */
export class SaveStatus {
  message = $state("");
  failed = $state(false);
  #errors: FormErrors | undefined;

  /** `errors`: the page's refused values; while there are any, "saved" names them. */
  constructor(errors?: FormErrors) {
    this.#errors = errors;
  }

  say(message: string, failed = false): void {
    this.message = message;
    this.failed = failed;
  }

  /** After a change was saved: "Opgeslagen om …", or, while a value on the page was refused,
   * that the rest was saved and that one was not. */
  saved(): void {
    const refused = this.#errors?.labels() ?? [];
    if (refused.length) this.say(t().savedExcept(showTime(), refused.join(", ")), true);
    else this.say(t().saved(showTime()));
  }

  /** Runs a save, saying "Opslaan…" first and then how it went; true when it worked. */
  async run(save: () => Promise<unknown>): Promise<boolean> {
    this.say(t().saving);
    try {
      await save();
      this.saved();
      return true;
    } catch (err) {
      this.say(t().notSaved(toApiError(err).message), true);
      return false;
    }
  }
}

/** Why a typed date was refused, in words. */
export function dateProblemText(problem: DateProblem): string {
  const s = t();
  return { format: s.dateFormat, year: s.dateYear, month: s.dateMonth, day: s.dateDay }[problem];
}
