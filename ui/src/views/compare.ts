// Two to four interventions side by side on the same fields. A fact no compared record's
// source gives is not a row of "niet bekend" cells but named on one line, as the detail page
// and the report do; a fact unknown for some records only says so in that cell, set apart
// from the values (class "unknown").
import type { Ctx } from "../app";
import type { Intervention, Taxonomy } from "../api";
import { h } from "../dom";
import { label, t } from "../i18n";

/** A cell: a value, or `null` when that record's sources do not give it. */
type Cell = string | null;

/** The compared fields in order; `fold` marks those that may be unknown for every record. */
function compareRows(records: Intervention[], tx: Taxonomy): { name: string; cells: Cell[]; fold: boolean }[] {
  const s = t();
  const all = (f: (r: Intervention) => Cell) => records.map((r) => f(r) || null);
  return [
    { name: s.whatYouGet, cells: all((r) => r.benefits), fold: true },
    { name: s.whatItInvolves, cells: all((r) => r.involves), fold: true },
    { name: s.time, cells: all((r) => r.time), fold: true },
    { name: s.cost, cells: all((r) => r.cost), fold: true },
    { name: s.privacy, cells: all((r) => r.privacy), fold: true },
    { name: s.evidence, cells: all((r) => `${label(tx.evidence_levels, r.evidence.level)} — ${r.evidence.basis ?? s.notKnown}`), fold: false },
    { name: s.developedBy, cells: all((r) => r.developed_by?.join("; ") ?? null), fold: true },
    { name: s.levels, cells: all((r) => r.levels.map((x) => label(tx.levels, x)).join(", ")), fold: false },
    { name: s.steps, cells: all((r) => r.steps.join(", ")), fold: false },
    { name: s.roles, cells: all((r) => r.roles.map((x) => label(tx.roles, x)).join(", ")), fold: false },
    { name: s.themes, cells: all((r) => r.themes.map((x) => label(tx.themes, x)).join(", ")), fold: false },
    { name: s.sectors, cells: all((r) => r.sectors.map((x) => label(tx.sectors, x)).join(", ")), fold: false },
  ];
}

export function compareView(ctx: Ctx, records: Intervention[]): HTMLElement {
  const s = t();
  const title = h("h1", { id: "compare-title", tabindex: "-1" }, s.compareTitle);
  if (records.length < 2) {
    return h("section", { class: "compare", "aria-labelledby": "compare-title" }, title, h("p", {}, s.compareEmpty));
  }
  const rows = compareRows(records, ctx.taxonomy);
  const unknownForAll = (r: { cells: Cell[]; fold: boolean }) => r.fold && r.cells.every((c) => c === null);
  const shown = rows.filter((r) => !unknownForAll(r));
  const folded = rows.filter(unknownForAll).map((r) => r.name.toLowerCase());
  const cell = (c: Cell) => (c === null ? h("td", { class: "unknown" }, h("em", {}, s.notKnown)) : h("td", {}, c));
  const table = h(
    "table",
    { class: "compare-table", id: "compare-table" },
    h("caption", {}, s.compareTitle),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, s.field), ...records.map((r) => h("th", { scope: "col" }, h("a", { href: `#/interventie/${encodeURIComponent(r.id)}` }, r.name))))),
    h(
      "tbody",
      {},
      ...shown.map((r) => h("tr", {}, h("th", { scope: "row" }, r.name), ...r.cells.map(cell))),
      folded.length
        ? h("tr", { id: "compare-unknown" }, h("th", { scope: "row" }, s.notKnownTitle), h("td", { colspan: String(records.length) }, folded.join(", ")))
        : null,
    ),
  );
  return h("section", { class: "compare", "aria-labelledby": "compare-title" }, title, h("div", { class: "table-wrap" }, table));
}

export async function renderCompare(ctx: Ctx): Promise<HTMLElement> {
  const records = await Promise.all(ctx.state.compare.map((id) => ctx.api.intervention(id)));
  return compareView(ctx, records);
}
