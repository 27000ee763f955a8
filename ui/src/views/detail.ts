// Every field of one intervention; unknown facts say "niet bekend", never hidden.
import type { Ctx } from "../app";
import type { Intervention, RecordOrigin, Term } from "../api";
import { showDate } from "../date";
import { h } from "../dom";
import { label, t } from "../i18n";
import { addToDossierButton, compareButton } from "./parts";
import { toApiError } from "../api";
import { toggleHave } from "../logic";

function known(value: string | null): string {
  return value ?? t().notKnown;
}

function labels(terms: Term[], ids: string[]): string {
  return ids.length ? ids.map((id) => label(terms, id)).join(", ") : t().none;
}

/** Where a record came from, in words. */
export function originText(o: RecordOrigin): string {
  const s = t();
  const edition = [o.version ? ` ${o.version}` : "", o.date ? ` · ${showDate(o.date)}` : ""].join("");
  if (o.kind === "bundled") return s.originBundled(o.name, edition);
  if (o.kind === "publisher") return s.originPublisher(o.name, edition);
  return s.originOwn(edition);
}

export function detailView(ctx: Ctx, r: Intervention): HTMLElement {
  const s = t();
  const tx = ctx.taxonomy;
  const row = (name: string, value: Node | string, id?: string) => [h("dt", {}, name), h("dd", id ? { id } : {}, value)];
  let website: Node | string = s.notKnown;
  if (r.url && /^https?:\/\//i.test(r.url)) {
    const url = r.url;
    const link = h("a", { href: url, class: "external", rel: "noopener noreferrer" }, url);
    link.addEventListener("click", (e) => {
      e.preventDefault();
      void ctx.openUrl(url);
    });
    website = h("span", {}, link, h("span", { class: "note" }, ` — ${s.websiteNote}`));
  }
  const evidence = h(
    "div",
    { id: "evidence" },
    h("p", {}, h("strong", {}, label(tx.evidence_levels, r.evidence.level)), " — ", known(r.evidence.basis)),
    h(
      "p",
      { id: "evidence-assessed" },
      s.assessed(
        showDate(r.evidence.assessed_on) || s.notKnown,
        r.evidence.scheme ? label(tx.evidence_schemes ?? [], r.evidence.scheme) : s.notKnown,
      ),
      r.evidence.valid_until ? s.validUntil(showDate(r.evidence.valid_until)) : "",
    ),
    r.evidence.lapsed && r.evidence.lapsed_because
      ? h("p", { id: "evidence-lapsed", class: "note" }, s.lapsedNote(r.evidence.lapsed_because))
      : null,
    r.evidence.references.length ? h("ul", { "aria-label": s.references }, ...r.evidence.references.map((x) => h("li", {}, x))) : null,
  );
  const sources = h(
    "ul",
    {},
    ...r.sources.map((src) => {
      const doc = tx.documents.find((d) => d.id === src.document);
      return h("li", {}, `${doc ? `${doc.title} (${doc.publisher}, ${doc.year})` : src.document} — ${src.section}`, src.note ? ` (${src.note})` : "");
    }),
  );
  const leidraadFacts: [string, string | null][] = [
    [s.whatYouGet, r.benefits],
    [s.whatItInvolves, r.involves],
    [s.time, r.time],
    [s.cost, r.cost],
    [s.privacy, r.privacy],
    [s.developedBy, r.developed_by ? r.developed_by.join("; ") : null],
  ];
  const unknown = leidraadFacts.filter(([, value]) => !value).map(([name]) => name.toLowerCase());
  return h(
    "article",
    { class: "detail", "aria-labelledby": "detail-title" },
    h("p", {}, h("a", { href: "#/", id: "detail-back" }, s.detailBack)),
    h("h1", { id: "detail-title", tabindex: "-1" }, r.name),
    r.aliases.length ? h("p", { class: "aliases" }, `${s.aliases}: ${r.aliases.join("; ")}`) : null,
    h("p", { class: "summary" }, r.summary),
    h("p", { class: "actions", id: "detail-actions" }, compareButton(ctx, r.id, r.name), addToDossierButton(ctx, r.id, r.name)),
    h(
      "dl",
      { class: "fields" },
      // The facts a source gives, each on its row; those none gives folded into one line.
      ...leidraadFacts.flatMap(([name, value]) => (value ? row(name, value) : [])),
      ...row(s.evidence, evidence),
      ...(unknown.length ? row(s.notKnownTitle, unknown.join(", "), "detail-unknown") : []),
      ...row(s.website, website),
      ...row(s.kind, label(tx.kinds, r.kind)),
      ...row(s.levels, labels(tx.levels, r.levels)),
      ...row(s.steps, r.steps.map((x) => `${x} (${label(tx.steps, x)})`).join(", ")),
      ...row(s.roles, labels(tx.roles, r.roles)),
      ...row(s.themes, labels(tx.themes, r.themes)),
      ...row(s.sectors, labels(tx.sectors, r.sectors)),
      ...row(s.riskGroups, labels(tx.risk_groups, r.risk_groups)),
      ...row(s.sources, sources),
      ...row(s.lastReviewed, showDate(r.last_reviewed)),
      ...(r.origin ? row(s.origin, originText(r.origin), "detail-origin") : []),
    ),
  );
}

export async function renderDetail(ctx: Ctx, id: string): Promise<HTMLElement> {
  const record = await ctx.api.intervention(id);
  const view = detailView(ctx, record);
  // An own intervention ("eigen") is changed in its form on the catalogue screen.
  if (record.origin?.kind === "eigen") {
    view.querySelector("#detail-actions")?.append(" ", h("a", { href: `#/catalogus/eigen/${encodeURIComponent(id)}`, id: "detail-own-edit" }, t().ownEditLink));
  }
  const active = ctx.state.dossier;
  if (active) {
    // The aanbod-scan: mark that the client organisation already offers this.
    const s = t();
    const dossier = await ctx.api.dossier(active.id);
    const status = h("span", { class: "dossier-status", role: "status" });
    const have = h("button", { type: "button", class: "secondary", id: "have-toggle", "aria-pressed": String(dossier.answers.have.includes(id)) }, s.haveAdd);
    have.addEventListener("click", async () => {
      try {
        const current = await ctx.api.dossier(active.id);
        const answers = toggleHave(current.answers, id);
        await ctx.api.dossierAnswer(active.id, answers);
        have.setAttribute("aria-pressed", String(answers.have.includes(id)));
        status.textContent = s.saved(new Date().toLocaleTimeString());
      } catch (err) {
        status.textContent = toApiError(err).message;
      }
    });
    view.querySelector("#detail-actions")?.append(have, status);
  }
  const back = view.querySelector<HTMLAnchorElement>("#detail-back");
  back?.addEventListener("click", (e) => {
    e.preventDefault();
    history.back();
  });
  return view;
}
