// The dossier's first task: the facts of the visit, saved as you type. The visit date is a
// dd-mm-jjjj field; a date that cannot be read is named on the field and in the error
// summary, and the last good date stays stored.
import type { Ctx } from "../app";
import type { Dossier } from "../api";
import { h } from "../dom";
import { label, t } from "../i18n";
import { SIZE_BANDS, VISIT_FIELDS, type VisitField, debounced, visitInfo } from "../logic";
import { type ErrorSummary, dateField } from "./form";

export interface SaveStatus {
  el: HTMLElement;
  run(save: () => Promise<unknown>): Promise<boolean>;
  say(message: string): void;
}

export function visitSection(ctx: Ctx, d: Dossier, status: SaveStatus, summary: ErrorSummary, onOrg: (org: string) => void): HTMLElement {
  const s = t();
  const names: Record<VisitField, string> = {
    org: s.org, sector: s.sector, size_band: s.sizeBand, department: s.department, visit_date: s.visitDate,
    contact_name: s.contactName, contact_role: s.contactRole, professional: s.professional,
  };
  const controls = {} as Record<Exclude<VisitField, "visit_date">, HTMLInputElement | HTMLSelectElement>;
  const select = (field: VisitField, options: { value: string; text: string }[]) => {
    const current = d[field] ?? "";
    const known = options.some((o) => o.value === current);
    return h(
      "select",
      { id: `visit-${field}`, name: field },
      h("option", { value: "" }, s.unknownOption),
      ...options.map((o) => h("option", { value: o.value, selected: o.value === current }, o.text)),
      current && !known ? h("option", { value: current, selected: true }, current) : null,
    );
  };
  const date = dateField("visit-visit_date", s.visitDate, d.visit_date, summary);
  let lastGoodDate = d.visit_date ?? null;
  const orgError = h("p", { class: "field-error", id: "visit-org-error", hidden: true });
  for (const field of VISIT_FIELDS) {
    if (field === "visit_date") continue;
    if (field === "sector") controls[field] = select(field, ctx.taxonomy.sectors.map((x) => ({ value: x.id, text: label(ctx.taxonomy.sectors, x.id) })));
    else if (field === "size_band") controls[field] = select(field, SIZE_BANDS.map((b) => ({ value: b, text: b })));
    else {
      const autocomplete = field === "contact_name" || field === "professional" ? "name" : field === "org" ? "organization" : "off";
      controls[field] = h("input", { type: "text", id: `visit-${field}`, name: field, value: d[field] ?? "", autocomplete, required: field === "org" });
    }
  }
  const showOrgError = (on: boolean) => {
    orgError.hidden = !on;
    orgError.textContent = on ? s.orgRequired : "";
    if (on) controls.org.setAttribute("aria-invalid", "true");
    else controls.org.removeAttribute("aria-invalid");
    summary.set("visit-org", on ? s.orgRequired : null);
  };
  // `checkDate`: read the date field too (on leaving it or a committed change), not while
  // the user is still typing it.
  const save = (checkDate: boolean) => {
    const values = Object.fromEntries(Object.entries(controls).map(([f, c]) => [f, c.value])) as Record<VisitField, string>;
    if (checkDate) {
      const iso = date.check();
      if (iso !== undefined) lastGoodDate = iso;
    }
    values.visit_date = lastGoodDate ?? "";
    const info = visitInfo(values);
    showOrgError(!info.org);
    if (!info.org) {
      status.say(s.orgRequired);
      return;
    }
    void status.run(() => ctx.api.dossierUpdate(d.id, info)).then((ok) => ok && onOrg(info.org));
  };
  const typing = debounced(() => save(false), 400);
  for (const control of Object.values(controls)) {
    control.addEventListener("input", () => typing.schedule());
    control.addEventListener("change", () => typing.now());
    control.addEventListener("blur", () => typing.flush());
  }
  // The date is read when the user leaves the field ("change" fires then), never halfway.
  date.input.addEventListener("change", () => {
    typing.flush();
    save(true);
  });
  // Leaving the page (a link, the back key) still saves what was typed last.
  window.addEventListener("hashchange", () => typing.flush(), { once: true });
  const row = (f: VisitField): HTMLElement[] =>
    f === "visit_date"
      ? [date.label, date.control]
      : f === "org"
        ? [h("label", { for: "visit-org" }, names.org), h("div", { class: "field" }, orgError, controls.org)]
        : [h("label", { for: `visit-${f}` }, names[f]), controls[f]];
  return h(
    "section",
    { class: "visit", "aria-labelledby": "visit-title" },
    h("h2", { id: "visit-title", tabindex: "-1" }, s.visitTitle),
    h("div", { class: "form-grid" }, ...VISIT_FIELDS.flatMap(row)),
  );
}
