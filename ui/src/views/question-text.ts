// A question and its answer in words, in the interface's language.
import type { Answers, Question } from "../api";
import { lang, t } from "../i18n";
import { answerValues } from "../logic";

export const prompt = (q: Question): string => (lang() === "en" ? q.prompt_en : q.prompt);
export const help = (q: Question): string => (lang() === "en" && q.help_en ? q.help_en : q.help);

/** The answer to `q` in words, or "niet beantwoord". */
export function answerText(answers: Answers, q: Question): string {
  const s = t();
  const values = answerValues(answers, q);
  if (!values.length) return q.kind === "yes-no" ? s.no : s.notAnswered;
  const option = (v: string) => q.options.find((o) => o.value === v);
  return values
    .map((v) => (q.kind === "yes-no" ? s.yes : (option(v)?.[lang() === "en" ? "label_en" : "label"] ?? v)))
    .join(", ");
}
