// One question per page, the question itself as the heading and "Vraag 2 van 3" above it;
// what the way in already answered is not asked again, and the refinements sit beside the
// results. The flow ends with "Controleer uw antwoorden", where each answer can be changed.
import type { Ctx } from "../app";
import type { Question } from "../api";
import { h } from "../dom";
import { lang, t } from "../i18n";
import { answerValues, askedQuestions, nextHash, previousHash, setAnswer } from "../logic";

const prompt = (q: Question) => (lang() === "en" ? q.prompt_en : q.prompt);
const help = (q: Question) => (lang() === "en" && q.help_en ? q.help_en : q.help);

/** The answer to `q` in words, or "niet beantwoord". */
export function answerText(ctx: Ctx, q: Question): string {
  const s = t();
  const values = answerValues(ctx.state.answers, q);
  if (!values.length) return q.kind === "yes-no" ? s.no : s.notAnswered;
  return values.map((v) => (q.kind === "yes-no" ? s.yes : (q.options.find((o) => o.value === v)?.[lang() === "en" ? "label_en" : "label"] ?? v))).join(", ");
}

/** Question `index` of the asked ones; or, with `changeId`, that one question alone, coming
 * from the review page and going back to it. */
export function renderQuestion(ctx: Ctx, index: number, changeId?: string): HTMLElement {
  const s = t();
  const asked = askedQuestions(ctx.tree.questions, ctx.state.given);
  const changing = changeId ? ctx.tree.questions.find((q) => q.id === changeId) : undefined;
  if (!changing && asked.length === 0) return renderReview(ctx);
  const i = Math.min(index, asked.length - 1);
  const q = changing ?? asked[i];
  const current = answerValues(ctx.state.answers, q);
  const name = `answer-${q.id}`;
  const options =
    q.kind === "yes-no"
      ? [
          { value: "ja", text: s.yes },
          { value: "", text: s.no },
        ]
      : q.options.map((o) => ({ value: o.value, text: lang() === "en" ? o.label_en : o.label }));
  const type = q.kind === "multi" ? "checkbox" : "radio";
  const inputs = options.map((o, n) => {
    const id = `${name}-${n}`;
    const checked = o.value === "" ? current.length === 0 && q.kind === "yes-no" : current.includes(o.value);
    const input = h("input", { type, id, name, value: o.value, checked });
    return h("li", {}, input, h("label", { for: id }, o.text));
  });
  const caption = changing ? s.changeAnswer : s.questionOf(i + 1, asked.length);
  const fieldset = h(
    "fieldset",
    { class: "question", "aria-describedby": `${name}-help` },
    h("legend", {}, h("span", { class: "caption", id: "q-caption" }, caption), h("h1", { id: "q-title", tabindex: "-1" }, prompt(q))),
    h("p", { class: "help", id: `${name}-help` }, help(q)),
    h("ul", { class: `options ${type}` }, ...inputs),
  );
  const collect = (): string[] =>
    [...fieldset.querySelectorAll<HTMLInputElement>("input:checked")].map((x) => x.value).filter((v) => v !== "");
  const save = () => {
    ctx.state.answers = setAnswer(ctx.state.answers, q, collect());
  };
  const back = h("button", { type: "button", class: "secondary", id: "q-back" }, s.back);
  back.addEventListener("click", () => {
    save();
    ctx.go(changing ? "#/controleer" : previousHash(i));
  });
  const skip = h("button", { type: "button", class: "secondary", id: "q-skip" }, s.skipQuestion);
  skip.addEventListener("click", () => {
    ctx.state.answers = setAnswer(ctx.state.answers, q, []);
    ctx.go(changing ? "#/controleer" : nextHash(i, asked.length));
  });
  // Every question may be skipped; a user who has said what matters goes on to check the
  // answers at once, keeping this one (the later ones stay unanswered).
  const rest = !changing && i + 1 < asked.length ? h("button", { type: "button", class: "link-button", id: "q-skip-rest" }, s.skipRest) : null;
  rest?.addEventListener("click", () => {
    save();
    ctx.go("#/controleer");
  });
  const next = h("button", { type: "submit", class: "primary", id: "q-next" }, s.next);
  const form = h("form", { class: "question-form" }, fieldset, h("div", { class: "actions" }, next, back, changing ? null : skip), rest ? h("p", {}, rest) : null);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    save();
    ctx.go(changing ? "#/controleer" : nextHash(i, asked.length));
  });
  return h(
    "section",
    { class: "questions", "aria-labelledby": "q-title" },
    changing ? null : h("progress", { max: asked.length, value: i + 1, "aria-label": caption }),
    form,
  );
}

/** "Controleer uw antwoorden": every answer, also those the way in gave, each with "Wijzig". */
export function renderReview(ctx: Ctx): HTMLElement {
  const s = t();
  const rows = ctx.tree.questions.flatMap((q) => {
    if (q.refinement) return [];
    return [
      h(
        "div",
        { class: "summary-row", "data-question": q.id },
        h("dt", {}, prompt(q)),
        h("dd", {}, answerText(ctx, q)),
        h("dd", { class: "summary-action" }, h("a", { href: `#/wijzig/${q.id}`, id: `change-${q.id}` }, s.change, h("span", { class: "visually-hidden" }, ` ${prompt(q).toLowerCase()}`))),
      ),
    ];
  });
  const show = h("button", { type: "button", class: "primary", id: "review-results", "data-autofocus": true }, s.showResults);
  show.addEventListener("click", () => ctx.go("#/resultaten"));
  return h(
    "section",
    { class: "review", "aria-labelledby": "review-title" },
    h("h1", { id: "review-title", tabindex: "-1" }, s.reviewTitle),
    h("dl", { class: "summary-list", id: "review-list" }, ...rows),
    h("p", { class: "meta" }, s.reviewRefinements),
    h("p", { class: "actions" }, show),
  );
}
