// The worker's question "Bij wie kan ik terecht met mijn zorgen?", answered first: who to
// turn to, with what the sources say about each (and plainly when they say nothing), then
// the way on to the interventions. Facts only from the seed documents, in our own words.
import type { Ctx } from "../app";
import { h } from "../dom";
import { t } from "../i18n";
import { workerPeople } from "../worker-text";

export async function renderWorker(ctx: Ctx): Promise<HTMLElement> {
  const s = t();
  const docs = ctx.taxonomy.documents;
  const cite = (id: string) => {
    const d = docs.find((x) => x.id === id);
    return d ? `${d.title} (${d.publisher}, ${d.year})` : id;
  };
  const people = workerPeople().map((p) =>
    h(
      "li",
      { class: "person", "data-person": p.id },
      h("h2", {}, p.who),
      ...p.text.map((x) => h("p", {}, x)),
      p.sources.length ? h("p", { class: "meta" }, `${s.workerSource}: ${p.sources.map(cite).join("; ")}`) : null,
      p.record ? h("p", {}, h("a", { href: `#/interventie/${encodeURIComponent(p.record)}` }, s.workerMore(p.who.toLowerCase()))) : null,
    ),
  );
  const next = h("button", { type: "button", class: "primary", id: "worker-results" }, s.workerToResults);
  next.addEventListener("click", () => ctx.go("#/resultaten"));
  return h(
    "section",
    { class: "worker", "aria-labelledby": "worker-title" },
    h("h1", { id: "worker-title", tabindex: "-1" }, s.workerTitle),
    h("p", {}, s.workerIntro),
    h("ol", { class: "people", id: "worker-people" }, ...people),
    h("h2", {}, s.workerThenTitle),
    h("p", {}, s.workerThen),
    h("p", { class: "actions" }, next),
  );
}
