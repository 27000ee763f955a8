// Two to four interventions side by side on the same fields.
import type { Ctx } from "../app";
import { h } from "../dom";
import { label, t } from "../i18n";

export async function renderCompare(ctx: Ctx): Promise<HTMLElement> {
  const s = t();
  const tx = ctx.taxonomy;
  const records = await Promise.all(ctx.state.compare.map((id) => ctx.api.intervention(id)));
  const title = h("h1", { id: "compare-title", tabindex: "-1" }, s.compareTitle);
  if (records.length < 2) {
    return h("section", { class: "compare", "aria-labelledby": "compare-title" }, title, h("p", {}, s.compareEmpty));
  }
  const known = (v: string | null) => v ?? s.notKnown;
  const rows: [string, (i: number) => string][] = [
    [s.whatYouGet, (i) => known(records[i].benefits)],
    [s.whatItInvolves, (i) => known(records[i].involves)],
    [s.time, (i) => known(records[i].time)],
    [s.cost, (i) => known(records[i].cost)],
    [s.privacy, (i) => known(records[i].privacy)],
    [s.evidence, (i) => `${label(tx.evidence_levels, records[i].evidence.level)} — ${known(records[i].evidence.basis)}`],
    [s.developedBy, (i) => records[i].developed_by?.join("; ") ?? s.notKnown],
    [s.levels, (i) => records[i].levels.map((x) => label(tx.levels, x)).join(", ")],
    [s.steps, (i) => records[i].steps.join(", ")],
    [s.roles, (i) => records[i].roles.map((x) => label(tx.roles, x)).join(", ")],
    [s.themes, (i) => records[i].themes.map((x) => label(tx.themes, x)).join(", ")],
    [s.sectors, (i) => records[i].sectors.map((x) => label(tx.sectors, x)).join(", ")],
  ];
  const table = h(
    "table",
    { class: "compare-table", id: "compare-table" },
    h("caption", {}, s.compareTitle),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, s.field), ...records.map((r) => h("th", { scope: "col" }, h("a", { href: `#/interventie/${encodeURIComponent(r.id)}` }, r.name))))),
    h("tbody", {}, ...rows.map(([name, value]) => h("tr", {}, h("th", { scope: "row" }, name), ...records.map((_, i) => h("td", {}, value(i)))))),
  );
  return h("section", { class: "compare", "aria-labelledby": "compare-title" }, title, h("div", { class: "table-wrap" }, table));
}
