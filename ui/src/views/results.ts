// The results of the guided questions: recommendations with reasons, the leidraad's advice,
// facet filters with counts, and the next actions (open, compare).
import type { Ctx } from "../app";
import type { Recommendation } from "../api";
import { h } from "../dom";
import { label, lang, t } from "../i18n";
import { FACET_FIELDS, type FacetField, answerValues, applyFacets, facetCounts } from "../logic";
import { addToDossierButton, compareButton, dossierBar, openLink } from "./parts";

const SHOWN = 10;

function facetTerms(ctx: Ctx, field: FacetField) {
  const tx = ctx.taxonomy;
  return { level: tx.levels, step: tx.steps, role: tx.roles, theme: tx.themes, sector: tx.sectors, evidence: tx.evidence_levels, cost: tx.cost_classes }[field];
}

function facetName(field: FacetField): string {
  const s = t();
  return { level: s.facetLevel, step: s.facetStep, role: s.facetRole, theme: s.facetTheme, sector: s.facetSector, evidence: s.facetEvidence, cost: s.facetCost }[field];
}

function recommendationItem(ctx: Ctx, r: Recommendation): HTMLElement {
  const s = t();
  return h(
    "li",
    { class: "recommendation", "data-id": r.id },
    h("h3", {}, r.name),
    h("ul", { class: "reasons", "aria-label": s.why }, ...r.reasons.map((x) => h("li", {}, x))),
    r.mismatches.length ? h("ul", { class: "mismatches", "aria-label": s.mismatch }, ...r.mismatches.map((x) => h("li", {}, x))) : null,
    h("p", { class: "actions" }, openLink(r.id, r.name), compareButton(ctx, r.id, r.name), addToDossierButton(ctx, r.id, r.name, r.reasons.join("; "))),
  );
}

export async function renderResults(ctx: Ctx): Promise<HTMLElement> {
  const s = t();
  const advice = await ctx.api.advise(ctx.state.answers, 100);
  // The answers are kept in the active dossier: reopening it gives these results again.
  if (ctx.state.dossier) await ctx.api.dossierAnswer(ctx.state.dossier.id, ctx.state.answers);
  const bar = await dossierBar(ctx, () => ctx.go("#/resultaten"));
  const chosen: Partial<Record<FacetField, string>> = {};

  const answersList = h(
    "dl",
    { class: "answers" },
    ...ctx.tree.questions.flatMap((q, i) => {
      const values = answerValues(ctx.state.answers, q);
      const shown = values.length
        ? values.map((v) => (q.kind === "yes-no" ? s.yes : (q.options.find((o) => o.value === v)?.[lang() === "en" ? "label_en" : "label"] ?? v))).join(", ")
        : s.notAnswered;
      return [
        h("dt", {}, lang() === "en" ? q.prompt_en : q.prompt),
        h("dd", {}, shown, " ", h("a", { href: `#/vraag/${i}`, "aria-label": `${s.change}: ${lang() === "en" ? q.prompt_en : q.prompt}` }, s.change)),
      ];
    }),
  );

  const list = h("ol", { class: "recommendations", id: "recommendations" });
  const filters = h("div", { class: "facets" });
  const paint = () => {
    const visible = applyFacets(advice.recommendations, chosen);
    list.replaceChildren(...visible.slice(0, SHOWN).map((r) => recommendationItem(ctx, r)));
    if (visible.length === 0) list.replaceChildren(h("li", {}, s.noRecommendations));
    const counts = facetCounts(advice.recommendations, chosen);
    filters.replaceChildren(
      ...FACET_FIELDS.map((field) => {
        const id = `facet-${field}`;
        const select = h(
          "select",
          { id },
          h("option", { value: "" }, s.allValues),
          ...facetTerms(ctx, field)
            .filter((term) => counts[field][term.id])
            .map((term) => h("option", { value: term.id, selected: chosen[field] === term.id }, `${label(facetTerms(ctx, field), term.id)} (${counts[field][term.id]})`)),
        );
        select.addEventListener("change", () => {
          chosen[field] = select.value || undefined;
          paint();
          document.getElementById(id)?.focus();
        });
        return h("p", { class: "facet" }, h("label", { for: id }, facetName(field)), select);
      }),
    );
  };
  paint();

  const adviceBlock = h(
    "aside",
    { class: "advice", "aria-labelledby": "advice-title" },
    h("h2", { id: "advice-title" }, s.adviceTitle),
    ...advice.advice.map((a) =>
      h(
        "section",
        { class: "step-advice" },
        h("h3", {}, `${s.adviceFor(a.step)}: ${label(ctx.taxonomy.steps, a.step)}`),
        a.from_leidraad ? null : h("p", { class: "note" }, s.notFromLeidraad),
        h("ul", {}, ...a.items.map((x) => h("li", {}, x))),
        a.why.length ? h("p", { class: "why" }, `${s.why}: ${a.why.join("; ")}`) : null,
      ),
    ),
  );

  return h(
    "section",
    { class: "results", "aria-labelledby": "results-title" },
    h("h1", { id: "results-title", tabindex: "-1" }, s.resultsTitle),
    ...advice.notes.map((n) => h("p", { class: "note", role: "note" }, n)),
    bar,
    h("details", { class: "your-answers" }, h("summary", {}, s.yourAnswers), answersList),
    h("div", { class: "columns" }, h("div", { class: "main-col" }, h("h2", { class: "visually-hidden" }, s.filters), filters, list), adviceBlock),
  );
}
