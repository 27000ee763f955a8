// The start screen: the leidraad's four questions, the search field, the level × step matrix.
import type { Ctx } from "../app";
import { showDate } from "../date";
import { h } from "../dom";
import { label, lang, t } from "../i18n";
import { applyEntry, dossierHash, givenFields, overdueAcross, searchHash } from "../logic";
import { dossierItem, newDossierForm } from "./dossiers";

export async function renderStart(ctx: Ctx): Promise<HTMLElement> {
  const s = t();
  const [summary, dossiers] = await Promise.all([ctx.api.catalogueSummary(), ctx.api.dossiers()]);
  const input = h("input", {
    type: "search",
    id: "search-input",
    name: "q",
    autocomplete: "off",
    placeholder: s.searchPlaceholder,
    "data-autofocus": true,
  });
  // The first key press opens the search view; it picks up whatever is typed meanwhile.
  let opened = false;
  input.addEventListener("input", () => {
    if (!opened) {
      opened = true;
      ctx.go(searchHash(input.value, {}));
    }
  });
  const form = h("form", { role: "search", class: "search-form" }, h("label", { for: "search-input" }, s.searchLabel), input);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    ctx.go(searchHash(input.value, {}));
  });

  const entries = h(
    "ul",
    { class: "entries" },
    ...ctx.tree.entries.map((entry) => {
      const button = h(
        "button",
        { type: "button", class: "entry", "data-entry": entry.id },
        h("span", { class: "entry-q" }, lang() === "en" ? entry.question_en : entry.question),
        h("span", { class: "entry-help" }, lang() === "en" && entry.help_en ? entry.help_en : entry.help),
      );
      button.addEventListener("click", () => {
        ctx.state.answers = applyEntry(entry);
        ctx.state.given = givenFields(entry);
        // A worker with worries first reads who to turn to; the others answer questions.
        ctx.go(entry.presets.role === "medewerker" ? "#/bij-wie" : "#/vraag/0");
      });
      return h("li", {}, button);
    }),
  );

  const steps = summary.matrix[0]?.cells.map((c) => c.step) ?? [];
  const table = h(
    "table",
    { class: "matrix" },
    h("caption", {}, s.matrixCaption),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col" }, s.level), ...steps.map((step) => h("th", { scope: "col" }, h("abbr", { title: label(ctx.taxonomy.steps, step) }, step), " ", h("span", { class: "step-name" }, label(ctx.taxonomy.steps, step))))),
    ),
    h(
      "tbody",
      {},
      ...summary.matrix.map((row) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, label(ctx.taxonomy.levels, row.level)),
          ...row.cells.map((cell) =>
            h(
              "td",
              {},
              h(
                "a",
                {
                  href: searchHash("", { level: row.level, step: cell.step }),
                  class: "cell",
                  "aria-label": s.cellLabel(cell.count, label(ctx.taxonomy.levels, row.level), cell.step),
                },
                String(cell.count),
              ),
            ),
          ),
        ),
      ),
    ),
  );

  const overdue = overdueAcross(dossiers);
  const dossierBlock = h(
    "section",
    { class: "start-dossiers", "aria-labelledby": "recent-title" },
    overdue.length
      ? h(
          "div",
          { class: "overdue-block", id: "overdue", role: "region", "aria-labelledby": "overdue-title" },
          h("h2", { id: "overdue-title" }, s.overdueTitle),
          h("ul", {}, ...overdue.map(({ dossier, item }) => h("li", {}, h("a", { href: dossierHash(dossier.id) }, s.overdueItem(dossier.org, item.what || item.intervention_id, showDate(item.evaluation_date)))))),
        )
      : null,
    h("h2", { id: "recent-title" }, s.recentDossiers),
    dossiers.length ? h("ul", { class: "dossiers", id: "recent-dossiers" }, ...dossiers.slice(0, 5).map((d) => dossierItem(ctx, d))) : h("p", {}, s.noDossiers),
    h("p", {}, h("a", { href: "#/dossiers", id: "all-dossiers" }, s.allDossiers)),
    newDossierForm(ctx, "start-new-dossier"),
  );

  return h(
    "section",
    { class: "start", "aria-labelledby": "start-title" },
    h("h1", { id: "start-title", tabindex: "-1" }, s.startTitle),
    h("p", {}, s.startIntro),
    form,
    entries,
    dossierBlock,
    h("h2", {}, s.matrixTitle),
    h("p", { id: "catalogue-count", class: "count", "data-count": summary.count }, s.count(summary.count)),
    h("div", { class: "table-wrap" }, table),
    h("p", { class: "version", id: "catalogue-version" }, s.version(summary.version, showDate(summary.date), summary.publisher)),
    h("p", { class: "version" }, h("a", { href: "#/catalogus", id: "start-catalogue" }, s.manageCatalogue)),
    summary.lapsed ? h("p", { class: "version", id: "catalogue-lapsed" }, s.lapsedCount(summary.lapsed)) : null,
    h("p", { class: "version", id: "program-version" }, s.about(summary.program_version)),
  );
}
