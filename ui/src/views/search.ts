// Search as you type: results on every key press with the matched words marked, filters
// with counts that combine with the words, the nearest matches when nothing fits, "Bedoelde
// u …?" for a misspelt word, and which synonym made a record match ("Gevonden via …").
import type { Ctx } from "../app";
import type { Filters, Hit, SearchResult } from "../api";
import { h } from "../dom";
import { label, t } from "../i18n";
import { highlightParts, searchHash } from "../logic";
import { addToDossierButton, compareButton, openLink } from "./parts";

const FIELDS = ["level", "step", "role", "theme", "sector", "evidence", "cost"] as const;

function marked(text: string, words: string[]): HTMLElement {
  return h("span", {}, ...highlightParts(text, words).map((p) => (p.mark ? h("mark", {}, p.text) : p.text)));
}

function hitItem(ctx: Ctx, hit: Hit): HTMLElement {
  return h(
    "li",
    { class: "hit", "data-id": hit.id },
    h("h3", {}, h("a", { href: `#/interventie/${encodeURIComponent(hit.id)}` }, marked(hit.name, hit.matched))),
    h("p", { class: "summary" }, marked(hit.summary, hit.matched)),
    ...(hit.via?.length ? [h("p", { class: "via" }, `${t().foundVia}: ${hit.via.map((v) => `${v.from} → ${v.to}`).join("; ")}`)] : []),
    h("p", { class: "meta" }, [...hit.levels.map((l) => label(ctx.taxonomy.levels, l)), ...hit.steps.map((x) => `${t().step} ${x}`)].join(" · ")),
    h("p", { class: "actions" }, openLink(hit.id, hit.name), compareButton(ctx, hit.id, hit.name), addToDossierButton(ctx, hit.id, hit.name)),
  );
}

export async function renderSearch(ctx: Ctx, query: string, initial: Record<string, string>): Promise<HTMLElement> {
  const s = t();
  const filters: Filters = { ...initial };
  const input = h("input", { type: "search", id: "search-input", value: query, autocomplete: "off", placeholder: s.searchPlaceholder, "data-autofocus": true });
  const status = h("p", { class: "status", role: "status", id: "search-status" });
  const suggestion = h("p", { class: "suggestion", id: "search-suggestion", hidden: true });
  const list = h("ol", { class: "hits", id: "search-results" });
  const facets = h("div", { class: "facets" });
  const terms = (field: (typeof FIELDS)[number]) => {
    const tx = ctx.taxonomy;
    return { level: tx.levels, step: tx.steps, role: tx.roles, theme: tx.themes, sector: tx.sectors, evidence: tx.evidence_levels, cost: tx.cost_classes }[field];
  };
  const names: Record<(typeof FIELDS)[number], string> = {
    level: s.facetLevel, step: s.facetStep, role: s.facetRole, theme: s.facetTheme, sector: s.facetSector, evidence: s.facetEvidence, cost: s.facetCost,
  };
  let seq = 0;
  const paint = (result: SearchResult) => {
    list.replaceChildren(...result.hits.map((hit) => hitItem(ctx, hit)));
    if (result.hits.length === 0) {
      status.textContent = s.nothingFound(result.query);
      if (result.nearest.length) list.replaceChildren(h("li", { class: "nearest-title" }, s.nearest), ...result.nearest.map((hit) => hitItem(ctx, hit)));
    } else {
      status.textContent = s.resultsCount(result.hits.length, result.total);
    }
    if (result.suggestion) {
      const other = result.suggestion;
      const button = h("button", { type: "button", class: "link-button", id: "search-suggestion-link" }, other);
      button.addEventListener("click", () => {
        input.value = other;
        input.focus();
        void run();
      });
      suggestion.replaceChildren(`${s.didYouMean} `, button, "?");
      suggestion.hidden = false;
    } else {
      suggestion.replaceChildren();
      suggestion.hidden = true;
    }
    facets.replaceChildren(
      ...FIELDS.map((field) => {
        const id = `filter-${field}`;
        const counts = result.facets[field] ?? {};
        const select = h(
          "select",
          { id },
          h("option", { value: "" }, s.allValues),
          ...terms(field)
            .filter((term) => counts[term.id] || filters[field] === term.id)
            .map((term) => h("option", { value: term.id, selected: filters[field] === term.id }, `${label(terms(field), term.id)} (${counts[term.id] ?? 0})`)),
        );
        select.addEventListener("change", () => {
          filters[field] = select.value || undefined;
          void run();
        });
        return h("p", { class: "facet" }, h("label", { for: id }, names[field]), select);
      }),
    );
  };
  const run = async () => {
    const mine = ++seq;
    const result = await ctx.api.search(input.value, filters, 25);
    if (mine !== seq) return;
    history.replaceState(null, "", searchHash(input.value, filters as Record<string, string | undefined>));
    paint(result);
  };
  input.addEventListener("input", () => void run());
  const form = h("form", { role: "search", class: "search-form" }, h("label", { for: "search-input" }, s.searchLabel), input);
  form.addEventListener("submit", (e) => e.preventDefault());
  paint(await ctx.api.search(query, filters, 25));
  // Keys typed into the previous screen's field while this one loaded are kept.
  const live = document.getElementById("search-input") as HTMLInputElement | null;
  if (live && live !== input && live.value !== input.value) {
    input.value = live.value;
    void run();
  }
  return h(
    "section",
    { class: "search", "aria-labelledby": "search-title" },
    h("h1", { id: "search-title", tabindex: "-1" }, s.searchTitle),
    form,
    h("div", { class: "columns" }, h("div", { class: "main-col" }, status, suggestion, list), h("div", { class: "side-col" }, h("h2", {}, s.filters), facets)),
  );
}
