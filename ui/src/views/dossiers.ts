// The list of dossiers: search, open, create, import.
import type { Ctx } from "../app";
import { type DossierSummary, toApiError } from "../api";
import { h } from "../dom";
import { label, t } from "../i18n";
import { showDate, showMoment, todayIso } from "../date";
import { dossierHash, visitInfo } from "../logic";
import { errorSummary } from "./form";
import { undoNotice } from "./trash";

/** "2026-11-22T10:15:00Z" → "22-11-2026 11:15" in local time, whatever the system's locale. */
export function when(utc: string): string {
  return showMoment(utc);
}

export function dossierItem(ctx: Ctx, d: DossierSummary): HTMLElement {
  const s = t();
  const facts = [d.department, d.sector ? label(ctx.taxonomy.sectors, d.sector) : null, showDate(d.visit_date)].filter(Boolean).join(" · ");
  return h(
    "li",
    { class: "dossier-item", "data-id": d.id },
    h("a", { href: dossierHash(d.id), class: "dossier-link" }, d.org),
    facts ? h("span", { class: "meta" }, ` — ${facts}`) : null,
    h("p", { class: "meta" }, `${s.dossierLine(d.notes, d.shortlist)}; ${s.changedAt(when(d.updated_at))}`),
    d.overdue.length ? h("p", { class: "note overdue" }, `${s.overdueBadge}: ${d.overdue.map((p) => p.what || p.intervention_id).join(", ")}`) : null,
  );
}

/** The form that opens a new dossier; goes to it when created. */
export function newDossierForm(ctx: Ctx, idPrefix: string): HTMLElement {
  const s = t();
  const input = h("input", { type: "text", id: `${idPrefix}-org`, name: "org", autocomplete: "organization", required: true });
  const status = h("p", { class: "status", role: "status", id: `${idPrefix}-status` });
  const summary = errorSummary();
  const form = h(
    "form",
    // novalidate: the browser's own bubble would stop the submit before our error summary.
    { class: "new-dossier", "aria-labelledby": `${idPrefix}-title`, novalidate: true },
    summary.el,
    h("h2", { id: `${idPrefix}-title` }, s.newDossier),
    h("label", { for: `${idPrefix}-org` }, s.newDossierOrg),
    h("span", { class: "inline" }, input, h("button", { type: "submit", class: "primary", id: `${idPrefix}-create` }, s.create)),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    // Most dossiers are made on the visit: the visit date starts as today (a real, stored
    // value shown as dd-mm-jjjj on the visit page, not a grey placeholder), changeable there.
    const info = visitInfo({ org: input.value, visit_date: todayIso() });
    // An empty name is an error: in the error summary above the form (which takes the focus,
    // with a link to the field) and beside the field, which is marked invalid.
    if (!info.org) {
      status.textContent = s.orgRequired;
      status.classList.toggle("failed", true);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${idPrefix}-status`);
      summary.set(input.id, s.orgRequired);
      summary.focus();
      return;
    }
    summary.set(input.id, null);
    status.textContent = "";
    status.classList.toggle("failed", false);
    input.removeAttribute("aria-invalid");
    try {
      const id = await ctx.api.dossierNew(info);
      ctx.state.dossier = { id, org: info.org };
      ctx.refreshHeader();
      ctx.go(dossierHash(id, "bezoek"));
    } catch (err) {
      status.textContent = toApiError(err).message;
      status.classList.toggle("failed", true);
    }
  });
  return form;
}

export async function renderDossiers(ctx: Ctx, query: string): Promise<HTMLElement> {
  const s = t();
  const list = h("ul", { class: "dossiers", id: "dossier-list" });
  const input = h("input", {
    type: "search",
    id: "dossier-filter",
    autocomplete: "off",
    placeholder: s.dossierFilterPlaceholder,
    value: query,
    "data-autofocus": true,
  });
  let seq = 0;
  const paint = async () => {
    const mine = ++seq;
    const text = input.value.trim();
    const found = await ctx.api.dossiers(text || undefined);
    if (mine !== seq) return;
    list.replaceChildren(...found.map((d) => dossierItem(ctx, d)));
    if (!found.length) list.replaceChildren(h("li", { class: "empty" }, text ? s.noDossiersFound(text) : s.noDossiers));
  };
  input.addEventListener("input", () => {
    void paint().catch((err) => list.replaceChildren(h("li", { role: "alert" }, toApiError(err).message)));
    history.replaceState(null, "", input.value ? `#/dossiers?q=${encodeURIComponent(input.value)}` : "#/dossiers");
  });
  await paint();
  const notice = undoNotice(ctx, paint);

  const importStatus = h("p", { class: "status", role: "status", id: "import-status" });
  const importButton = h("button", { type: "button", class: "secondary", id: "dossier-import" }, s.importDossier);
  // Shown when a file turns out to be encrypted with another passphrase than the store's.
  const passInput = h("input", { type: "password", id: "import-passphrase", autocomplete: "off" });
  const passRow = h("p", { class: "inline", hidden: true }, h("label", { for: "import-passphrase" }, s.importPassphrase), passInput);
  importButton.addEventListener("click", async () => {
    try {
      const outcome = await ctx.api.dossierImport(passRow.hidden ? undefined : passInput.value);
      importStatus.textContent = outcome ? s.imported(outcome.result) : s.cancelled;
      importStatus.classList.toggle("failed", false);
      if (outcome) {
        passRow.hidden = true;
        passInput.value = "";
        await paint();
      }
    } catch (err) {
      const e = toApiError(err);
      importStatus.textContent = e.message;
      importStatus.classList.toggle("failed", true);
      if (e.code === "passphrase_required" || e.code === "wrong_passphrase") {
        passRow.hidden = false;
        passInput.focus();
      }
    }
  });

  const searchForm = h("form", { role: "search", class: "search-form" }, h("label", { for: "dossier-filter" }, s.dossierFilterLabel), input);
  searchForm.addEventListener("submit", (e) => e.preventDefault());
  return h(
    "section",
    { class: "dossiers-view", "aria-labelledby": "dossiers-title" },
    h("h1", { id: "dossiers-title", tabindex: "-1" }, s.dossiersTitle),
    h("p", {}, s.dossiersIntro),
    notice,
    searchForm,
    list,
    h("p", {}, h("a", { href: "#/prullenbak", id: "trash-link" }, s.trashLink)),
    h("div", { class: "columns" }, h("div", { class: "main-col" }, newDossierForm(ctx, "new-dossier")), h("div", { class: "side-col" }, passRow, h("p", { class: "actions" }, importButton), importStatus)),
  );
}
