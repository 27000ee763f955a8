// The worker's question "Bij wie kan ik terecht met mijn zorgen?", answered first: who to
// turn to, with what the sources say about each (and plainly when they say nothing), then
// the way on to the interventions. The texts and their sources are catalogue data
// (`data/worker.toml`, checked by the build), passed with the tree.
import type { Ctx } from "../app";
import type { LeadSource } from "../api";
import { h } from "../dom";
import { lang, t } from "../i18n";

export async function renderWorker(ctx: Ctx): Promise<HTMLElement> {
  const s = t();
  const en = lang() === "en";
  const docs = ctx.taxonomy.documents;
  const cite = (src: LeadSource) => {
    const d = docs.find((x) => x.id === src.document);
    return `${d ? `${d.title} (${d.publisher}, ${d.year})` : src.document} — ${src.section}${src.url ? ` (${src.url})` : ""}`;
  };
  const people = (ctx.tree.worker ?? []).map((p) => {
    const who = en ? p.who_en : p.who;
    return h(
      "li",
      { class: "person", "data-person": p.id },
      h("h2", {}, who),
      ...(en ? p.text_en : p.text).map((x) => h("p", {}, x)),
      p.sources.length ? h("p", { class: "meta" }, `${s.workerSource}: ${p.sources.map(cite).join("; ")}`) : null,
      p.record ? h("p", {}, h("a", { href: `#/interventie/${encodeURIComponent(p.record)}` }, s.workerMore(who.toLowerCase()))) : null,
    );
  });
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
