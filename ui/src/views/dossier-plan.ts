// The action plan: each action as a small form of its own (no wide table), saved as you
// type. Its two dates are dd-mm-jjjj fields; a date that cannot be read is named on the
// field and in the error summary and is not sent.
import type { Ctx } from "../app";
import type { Dossier, PlanChange, PlanItem, PlanStatus } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { debounced } from "../logic";
import type { SaveStatus } from "./dossier-visit";
import { type ErrorSummary, dateField } from "./form";

/** The statuses in the order an action moves through them. */
const STATUSES: readonly PlanStatus[] = ["gepland", "lopend", "afgerond", "gestopt"];

function planItem(ctx: Ctx, d: Dossier, item: PlanItem, name: string, overdue: boolean, status: SaveStatus, summary: ErrorSummary): HTMLElement {
  const s = t();
  const base = `plan-${item.id}`;
  const send = (change: PlanChange) => void status.run(() => ctx.api.dossierPlan(d.id, { item: item.id, ...change }));
  const text = (field: "what" | "who" | "evaluation_method", labelText: string) => {
    const id = `${base}-${field}`;
    const input = h("input", { type: "text", id, value: item[field], "data-field": field });
    const save = debounced(() => send({ [field]: input.value.trim() }), 400);
    input.addEventListener("input", () => save.schedule());
    input.addEventListener("change", () => save.now());
    input.addEventListener("blur", () => save.flush());
    window.addEventListener("hashchange", () => save.flush(), { once: true });
    return [h("label", { for: id }, labelText), input];
  };
  const date = (field: "start_date" | "evaluation_date", labelText: string) => {
    const f = dateField(`${base}-${field}`, labelText, item[field], summary);
    f.input.setAttribute("data-field", field);
    f.input.addEventListener("change", () => {
      const iso = f.check();
      // An empty field clears the date; one that cannot be read is not sent.
      if (iso !== undefined) send({ [field]: iso ?? "" });
    });
    return [f.label, f.control];
  };
  const statusId = `${base}-status`;
  const statusSelect = h(
    "select",
    { id: statusId, "data-field": "status" },
    ...STATUSES.map((st) => h("option", { value: st, selected: st === item.status }, s.statuses[st])),
  );
  statusSelect.addEventListener("change", () => {
    const chosen = STATUSES.find((st) => st === statusSelect.value);
    if (chosen) send({ status: chosen });
  });
  return h(
    "li",
    { class: "plan-item", "data-item": item.id },
    h(
      "fieldset",
      {},
      h("legend", {}, name, overdue ? h("strong", { class: "tag tag-warn" }, s.overdueBadge) : null),
      h(
        "div",
        { class: "form-grid" },
        ...text("what", s.planWhat),
        ...text("who", s.planWho),
        ...date("start_date", s.planStart),
        ...date("evaluation_date", s.planEvaluation),
        ...text("evaluation_method", s.planMethod),
        h("label", { for: statusId }, s.planStatus),
        statusSelect,
      ),
    ),
  );
}

export function planSection(ctx: Ctx, d: Dossier, names: Map<string, string>, overdue: Set<number>, status: SaveStatus, summary: ErrorSummary): HTMLElement {
  const s = t();
  return h(
    "section",
    { class: "plan", "aria-labelledby": "plan-title" },
    h("h2", { id: "plan-title", tabindex: "-1" }, s.planTitle),
    d.plan.length
      ? h("ol", { class: "plan-list", id: "plan" }, ...d.plan.map((item) => planItem(ctx, d, item, names.get(item.intervention_id) ?? item.intervention_id, overdue.has(item.id), status, summary)))
      : h("p", {}, s.planNone),
  );
}
