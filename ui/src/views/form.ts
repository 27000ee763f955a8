// Form patterns of the NL Design System (GOV.UK where it has none): a date field that reads
// dd-mm-jjjj whatever the system's locale, an error message on the field, the error summary
// at the top of the page, and the notification banner for "saved".
import { type DateProblem, parseDate, showDate } from "../date";
import { h } from "../dom";
import { t } from "../i18n";

/** One problem on the page: the field it is about and what to do. */
export interface FieldError { id: string; message: string }

/** The error summary: a list of links to the fields with a problem. Empty, it is hidden.
 * `id` tells two summaries on one page apart (one per form). */
export function errorSummary(id = "error-summary") {
  const s = t();
  const list = h("ul", {});
  const el = h(
    "div",
    { class: "error-summary", id, role: "alert", "aria-labelledby": `${id}-title`, tabindex: "-1", hidden: true },
    h("h2", { id: `${id}-title` }, s.errorSummaryTitle),
    list,
  );
  const shown = new Map<string, string>();
  const paint = () => {
    list.replaceChildren(
      ...[...shown].map(([id, message]) => {
        // A link to the field; followed by hand, because the hash is the router's.
        const link = h("a", { href: `#${id}`, "data-field": id }, message);
        link.addEventListener("click", (e) => {
          e.preventDefault();
          document.getElementById(id)?.focus();
        });
        return h("li", {}, link);
      }),
    );
    el.hidden = shown.size === 0;
  };
  return {
    el,
    /** Sets or clears (message null) the problem of one field. */
    set(id: string, message: string | null) {
      if (message) shown.set(id, message);
      else shown.delete(id);
      paint();
    },
    has: (id: string) => shown.has(id),
    /** Moves the focus to the summary, so a screen reader reads it first. */
    focus() {
      if (!el.hidden) el.focus();
    },
  };
}

export type ErrorSummary = ReturnType<typeof errorSummary>;

export function dateProblemText(problem: DateProblem): string {
  const s = t();
  return { format: s.dateFormat, year: s.dateYear, month: s.dateMonth, day: s.dateDay }[problem];
}

/**
 * A date field: a label, a hint ("dag-maand-jaar, bijvoorbeeld 15-03-2027"), an error line
 * and one text input. `check()` reads it: the ISO date (or null when empty), or undefined
 * when what was typed is no date, which it then names on the field and in `summary`.
 */
export function dateField(id: string, labelText: string, iso: string | null | undefined, summary: ErrorSummary) {
  const s = t();
  const input = h("input", {
    type: "text",
    id,
    name: id,
    inputmode: "numeric",
    autocomplete: "off",
    spellcheck: "false",
    size: 12,
    class: "date-input",
    "aria-describedby": `${id}-hint`,
    value: showDate(iso),
  });
  const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const label = h("label", { for: id }, labelText);
  const control = h("div", { class: "field date-field" }, h("p", { class: "hint", id: `${id}-hint` }, s.dateHint), error, input);
  const show = (message: string | null) => {
    error.hidden = !message;
    error.replaceChildren(...(message ? [h("span", { class: "visually-hidden" }, `${s.errorPrefix}: `), message] : []));
    if (message) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
    } else {
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", `${id}-hint`);
    }
    control.classList.toggle("has-error", !!message);
    summary.set(id, message ? `${labelText}: ${message}` : null);
  };
  return {
    label,
    control,
    input,
    /** Reads the field and shows or clears its error. */
    check(): string | null | undefined {
      const parsed = parseDate(input.value);
      if (!parsed.ok) {
        show(dateProblemText(parsed.problem));
        return undefined;
      }
      show(null);
      return parsed.iso;
    },
    /** Shows or clears an error of another kind (an empty required field, say). */
    show,
  };
}

/** The notification banner: a quiet, non-red line that says what was just done. */
export function notificationBanner(id = "notification") {
  const el = h("div", { class: "notification", id, role: "status" });
  return {
    el,
    say(message: string, failed = false) {
      el.textContent = message;
      el.classList.toggle("failed", failed);
    },
  };
}
