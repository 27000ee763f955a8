// The results first: how many, then a card per intervention (the name as the link, one line
// of what it is, evidence, cost and time as tags, the reasons that set it apart and what does
// not fit). The answers and the refinements (risk group, evidence, cost, time) sit in a
// collapsed panel; the leidraad's advice only when it has any; a dossier box only when the
// user came from a dossier or asks for one.
import type { Ctx } from "../app";
import type { Advice, Question, Recommendation } from "../api";
import { h } from "../dom";
import { label, lang, t } from "../i18n";
import { answerValues, distinctReasons, firstSentence, setAnswer } from "../logic";
import { addToDossierButton, compareButton, dossierBar } from "./parts";
import { answerText } from "./question";

const SHOWN = 10;
// A refinement re-renders the page: keep the panel open and the focus on what was changed.
let refocus: string | undefined;

function recommendationItem(ctx: Ctx, all: Recommendation[], r: Recommendation): HTMLElement {
  const s = t();
  const tx = ctx.taxonomy;
  const reasons = distinctReasons(all, r);
  return h(
    "li",
    { class: "recommendation", "data-id": r.id },
    h("h3", {}, h("a", { href: `#/interventie/${encodeURIComponent(r.id)}`, class: "open" }, r.name)),
    r.summary ? h("p", { class: "summary" }, firstSentence(r.summary)) : null,
    h(
      "p",
      { class: "tags" },
      h("span", { class: "tag", title: s.evidence }, label(tx.evidence_levels, r.evidence)),
      h("span", { class: "tag", title: s.cost }, label(tx.cost_classes, r.cost)),
      h("span", { class: "tag", title: s.time }, label(tx.time_classes, r.time)),
    ),
    reasons.length ? h("ul", { class: "reasons", "aria-label": s.why }, ...reasons.map((x) => h("li", {}, x))) : null,
    r.mismatches.length ? h("p", { class: "mismatches" }, h("strong", {}, `${s.mismatch}: `), r.mismatches.join("; ")) : null,
    h("p", { class: "actions" }, compareButton(ctx, r.id, r.name), addToDossierButton(ctx, r.id, r.name)),
  );
}

/** A refinement as a control that changes the answers and ranks again. */
function refinement(ctx: Ctx, q: Question): HTMLElement {
  const s = t();
  const id = `refine-${q.id}`;
  const prompt = lang() === "en" ? q.prompt_en : q.prompt;
  const rerank = (values: string[]) => {
    ctx.state.answers = setAnswer(ctx.state.answers, q, values);
    refocus = id;
    ctx.go("#/resultaten");
  };
  if (q.kind === "yes-no") {
    const box = h("input", { type: "checkbox", id, checked: answerValues(ctx.state.answers, q).length > 0 });
    box.addEventListener("change", () => rerank(box.checked ? ["ja"] : []));
    return h("p", { class: "refine refine-check" }, box, h("label", { for: id }, prompt));
  }
  const current = answerValues(ctx.state.answers, q)[0] ?? "";
  const select = h(
    "select",
    { id },
    h("option", { value: "" }, s.noPreference),
    ...q.options.map((o) => h("option", { value: o.value, selected: o.value === current }, lang() === "en" ? o.label_en : o.label)),
  );
  select.addEventListener("change", () => rerank(select.value ? [select.value] : []));
  return h("p", { class: "refine" }, h("label", { for: id }, prompt), select);
}

function adviceBlock(ctx: Ctx, advice: Advice): HTMLElement | null {
  const s = t();
  const parts = advice.advice.filter((a) => a.items.length);
  if (!parts.length) return null;
  return h(
    "aside",
    { class: "advice", "aria-labelledby": "advice-title" },
    h("h2", { id: "advice-title" }, s.adviceTitle),
    ...parts.map((a) =>
      h(
        "section",
        { class: "step-advice" },
        h("h3", {}, `${s.adviceFor(a.step)}: ${label(ctx.taxonomy.steps, a.step)}`),
        a.from_leidraad ? null : h("p", { class: "meta" }, s.notFromLeidraad),
        h("ul", {}, ...a.items.map((x) => h("li", {}, x))),
      ),
    ),
  );
}

export async function renderResults(ctx: Ctx): Promise<HTMLElement> {
  const s = t();
  const advice = await ctx.api.advise(ctx.state.answers, 100);
  // The answers are kept in the active dossier: reopening it gives these results again.
  if (ctx.state.dossier) await ctx.api.dossierAnswer(ctx.state.dossier.id, ctx.state.answers);
  const all = advice.recommendations;

  const list = h("ol", { class: "recommendations", id: "recommendations" });
  let shown = SHOWN;
  const more = h("button", { type: "button", class: "secondary", id: "results-more" });
  const paint = () => {
    list.replaceChildren(...all.slice(0, shown).map((r) => recommendationItem(ctx, all, r)));
    if (all.length === 0) list.replaceChildren(h("li", {}, s.noRecommendations));
    more.hidden = all.length <= shown;
    more.textContent = s.showAll(all.length);
  };
  more.addEventListener("click", () => {
    const first = shown;
    shown = all.length;
    paint();
    list.querySelectorAll<HTMLAnchorElement>("li h3 a")[first]?.focus();
  });
  paint();

  const questions = ctx.tree.questions.filter((q) => !q.refinement);
  const refinements = ctx.tree.questions.filter((q) => q.refinement);
  const chosen = refinements.filter((q) => answerValues(ctx.state.answers, q).length).length;
  const panel = h(
    "details",
    { class: "panel", id: "filters", open: refocus !== undefined },
    h("summary", {}, s.filtersPanel(chosen)),
    h("h2", { class: "panel-title" }, s.refineTitle),
    h("p", { class: "meta" }, s.refineHelp),
    ...refinements.map((q) => refinement(ctx, q)),
    h("h2", { class: "panel-title" }, s.yourAnswers),
    h(
      "dl",
      { class: "answers" },
      ...questions.flatMap((q) => [
        h("dt", {}, lang() === "en" ? q.prompt_en : q.prompt),
        h("dd", {}, answerText(ctx, q), " ", h("a", { href: `#/wijzig/${q.id}`, "aria-label": `${s.change}: ${lang() === "en" ? q.prompt_en : q.prompt}` }, s.change)),
      ]),
    ),
  );
  if (refocus) panel.querySelector(`#${CSS.escape(refocus)}`)?.setAttribute("data-autofocus", "");
  refocus = undefined;

  // The dossier box: a line when a dossier keeps these answers, else a button that offers one.
  // A worker looking for help for themselves gets no dossier box.
  let dossierBox: HTMLElement | null = null;
  if (ctx.state.answers.role === "medewerker" && !ctx.state.dossier) dossierBox = null;
  else if (ctx.state.dossier) dossierBox = await dossierBar(ctx, () => ctx.go("#/resultaten"));
  else {
    const ask = h("button", { type: "button", class: "secondary", id: "keep-in-dossier", "aria-expanded": "false" }, s.keepInDossier);
    const box = h("div", { class: "keep" }, ask);
    dossierBox = box;
    ask.addEventListener("click", async () => {
      const form = await dossierBar(ctx, () => ctx.go("#/resultaten"));
      box.replaceChildren(form);
      form.querySelector<HTMLElement>("select")?.focus();
    });
  }

  const side = adviceBlock(ctx, advice);
  return h(
    "section",
    { class: "results", "aria-labelledby": "results-title" },
    h("h1", { id: "results-title", tabindex: "-1" }, s.resultsTitle),
    h("p", { class: "count", id: "results-count", role: "status" }, s.recommendationCount(all.length)),
    ...[...(advice.user_notes ?? []), ...advice.notes].map((n) => h("p", { class: "note", role: "note" }, n)),
    panel,
    h("div", { class: "columns" }, h("div", { class: "main-col" }, list, h("p", {}, more), dossierBox), side),
  );
}
