// One question of the decision tree per screen: progress, back, skip, next.
import type { Ctx } from "../app";
import { h } from "../dom";
import { lang, t } from "../i18n";
import { answerValues, nextHash, previousHash, setAnswer } from "../logic";

export function renderQuestion(ctx: Ctx, index: number): HTMLElement {
  const s = t();
  const questions = ctx.tree.questions;
  const i = Math.min(index, questions.length - 1);
  const q = questions[i];
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
  const fieldset = h(
    "fieldset",
    { class: "question" },
    h("legend", {}, h("span", { class: "prompt" }, lang() === "en" ? q.prompt_en : q.prompt)),
    h("p", { class: "help", id: `${name}-help` }, q.help),
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
    ctx.go(previousHash(i));
  });
  const skip = h("button", { type: "button", class: "secondary", id: "q-skip" }, s.skipQuestion);
  skip.addEventListener("click", () => {
    ctx.state.answers = setAnswer(ctx.state.answers, q, []);
    ctx.go(nextHash(i, questions.length));
  });
  const last = i + 1 >= questions.length;
  const next = h("button", { type: "submit", class: "primary", id: "q-next" }, last ? s.showResults : s.next);
  const form = h("form", { class: "question-form" }, fieldset, h("div", { class: "actions" }, back, skip, next));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    save();
    ctx.go(nextHash(i, questions.length));
  });
  const results = h("a", { href: "#/resultaten", class: "to-results" }, s.showResults);
  results.addEventListener("click", save);
  return h(
    "section",
    { class: "questions", "aria-labelledby": "q-title" },
    h("h1", { id: "q-title", tabindex: "-1" }, s.questionOf(i + 1, questions.length)),
    h("progress", { max: questions.length, value: i + 1, "aria-label": s.questionOf(i + 1, questions.length) }),
    form,
    h("p", {}, results),
  );
}
