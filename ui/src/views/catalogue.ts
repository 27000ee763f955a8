// The "Catalogus" screen: the catalogue's edition, a pack looked at before it is imported
// (what it adds and changes, who signed it), updates from a folder or web address, the
// trusted publishers, and own interventions (a form, and a pack to share with colleagues).
import type { Ctx } from "../app";
import { type ImportDiff, type Intervention, type PackUpdate, type TrustedKey, toApiError } from "../api";
import { emptyRecord, known, lines, partialDate, problemFieldId, publicKeyLine, showPartialDate, slugOf, trustProblem } from "../catalogue-logic";
import { showDate } from "../date";
import { h } from "../dom";
import { lang, t } from "../i18n";
import { dateField, errorSummary, notificationBanner } from "./form";
import { inlineConfirm } from "./parts";

/** The problem box for something that went wrong with no field of its own (a refused pack). */
function problemBox(id: string) {
  const s = t();
  const list = h("ul", {});
  const el = h("div", { class: "error-summary", id, role: "alert", tabindex: "-1", hidden: true, "aria-labelledby": `${id}-title` }, h("h2", { id: `${id}-title` }, s.errorSummaryTitle), list);
  return {
    el,
    show(message: string | null, target?: HTMLElement) {
      el.hidden = !message;
      if (!message) return void list.replaceChildren();
      const link = h("a", { href: "#" }, message);
      link.addEventListener("click", (e) => {
        e.preventDefault();
        target?.focus();
      });
      list.replaceChildren(h("li", {}, link));
      el.focus();
    },
  };
}

/** What a pack would change, as a short list: new, changed (with fields), unchanged. */
function diffView(diff: ImportDiff, idPrefix: string): HTMLElement {
  const s = t();
  return h(
    "div",
    { class: "diff", id: `${idPrefix}-diff` },
    h("h3", {}, s.diffAdded(diff.added.length)),
    diff.added.length ? h("ul", { class: "diff-added" }, ...diff.added.map((id) => h("li", {}, h("code", {}, id)))) : null,
    h("h3", {}, s.diffChanged(diff.changed.length)),
    diff.changed.length
      ? h("ul", { class: "diff-changed" }, ...diff.changed.map((c) => h("li", {}, h("code", {}, c.id), ": ", c.fields.join(", "))))
      : null,
    h("p", { class: "diff-unchanged" }, s.diffUnchanged(diff.unchanged)),
  );
}

function signedBy(publisher: string): string {
  const s = t();
  return publisher === "eigen" ? s.unsignedPack : s.signedBy(publisher);
}

export async function renderCatalogue(ctx: Ctx): Promise<HTMLElement> {
  const s = t();
  const [summary, trust, own] = await Promise.all([ctx.api.catalogueSummary(), ctx.api.trustList(), ctx.api.ownRecords()]);
  const banner = notificationBanner("catalogue-notification");
  const reload = (message: string) => {
    ctx.state.notice = message;
    ctx.go("#/catalogus");
  };
  if (ctx.state.notice) {
    banner.say(ctx.state.notice);
    ctx.state.notice = undefined;
  }

  // Import a pack: choose, look at the diff, then import or cancel.
  const choose = h("button", { type: "button", class: "primary", id: "pack-choose" }, s.packChoose);
  const packProblem = problemBox("pack-problem");
  const preview = h("div", { id: "pack-preview", hidden: true });
  choose.addEventListener("click", async () => {
    packProblem.show(null);
    preview.hidden = true;
    try {
      const p = await ctx.api.packPreview();
      if (!p) return;
      const yes = h("button", { type: "button", class: "primary", id: "pack-import" }, s.importYes);
      const no = h("button", { type: "button", class: "secondary", id: "pack-cancel" }, s.cancel);
      yes.addEventListener("click", async () => {
        try {
          const done = await ctx.api.packImport(p.digest);
          reload(s.packImported(done.added, done.updated, done.publisher ?? "eigen"));
        } catch (err) {
          packProblem.show(toApiError(err).message, choose);
        }
      });
      no.addEventListener("click", () => {
        preview.hidden = true;
        banner.say(s.importCancelled);
        choose.focus();
      });
      preview.replaceChildren(
        h("h3", { id: "pack-file" }, s.packFile(p.file, p.version, p.date ? showDate(p.date) : null)),
        h("p", { id: "pack-signed", class: p.signed ? "signed" : "unsigned" }, signedBy(p.publisher)),
        diffView(p, "pack"),
        h("div", { class: "confirm", role: "group", "aria-labelledby": "pack-question" }, h("p", { id: "pack-question" }, s.importQuestion), h("p", { class: "actions" }, yes, no)),
      );
      preview.hidden = false;
      yes.focus();
    } catch (err) {
      packProblem.show(toApiError(err).message, choose);
    }
  });

  // Update from a folder or a web address: the same diff per pack, then import or cancel.
  const updateSummary = errorSummary("update-error-summary");
  const from = h("input", { type: "text", id: "update-from", name: "from", autocomplete: "off", spellcheck: "false", class: "wide", "aria-describedby": "update-from-hint" });
  const fromError = h("p", { class: "field-error", id: "update-from-error", hidden: true });
  const fromField = h("div", { class: "field" }, h("label", { for: "update-from" }, s.updateFrom), h("p", { class: "hint", id: "update-from-hint" }, s.updateFromHint), fromError, from);
  const showFromError = (message: string | null) => {
    fromError.hidden = !message;
    fromError.replaceChildren(...(message ? [h("span", { class: "visually-hidden" }, `${s.errorPrefix}: `), message] : []));
    fromField.classList.toggle("has-error", !!message);
    if (message) from.setAttribute("aria-invalid", "true");
    else from.removeAttribute("aria-invalid");
    from.setAttribute("aria-describedby", message ? "update-from-hint update-from-error" : "update-from-hint");
    updateSummary.set("update-from", message);
  };
  const updatePreview = h("div", { id: "update-preview", hidden: true });
  const check = h("button", { type: "submit", class: "secondary", id: "update-check" }, s.updateCheck);
  const updateForm = h("form", { class: "update-form", novalidate: true }, fromField, h("p", { class: "actions" }, check));
  const packList = (packs: PackUpdate[]) =>
    h("ul", { class: "update-packs" }, ...packs.map((p) => h("li", {}, h("h3", {}, p.file), h("p", {}, signedBy(p.publisher)), diffView(p, `update-${p.file}`))));
  updateForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    updatePreview.hidden = true;
    const source = from.value.trim();
    if (!source) {
      showFromError(s.updateFromEmpty);
      updateSummary.focus();
      return;
    }
    showFromError(null);
    banner.say(s.updateChecking);
    try {
      const packs = await ctx.api.updateFrom(source, false);
      banner.say("");
      const yes = h("button", { type: "button", class: "primary", id: "update-import" }, s.importYes);
      const no = h("button", { type: "button", class: "secondary", id: "update-cancel" }, s.cancel);
      yes.addEventListener("click", async () => {
        try {
          const done = await ctx.api.updateFrom(source, true);
          reload(s.updated(done.length));
        } catch (err) {
          showFromError(toApiError(err).message);
          updatePreview.hidden = true;
          updateSummary.focus();
        }
      });
      no.addEventListener("click", () => {
        updatePreview.hidden = true;
        banner.say(s.importCancelled);
        from.focus();
      });
      updatePreview.replaceChildren(
        packs.length ? packList(packs) : h("p", {}, s.updateNothing),
        h("div", { class: "confirm", role: "group", "aria-labelledby": "update-question" }, h("p", { id: "update-question" }, s.importQuestion), h("p", { class: "actions" }, yes, no)),
      );
      updatePreview.hidden = false;
      yes.focus();
    } catch (err) {
      banner.say("");
      showFromError(toApiError(err).message);
      updateSummary.focus();
    }
  });

  return h(
    "section",
    { class: "catalogue-view", "aria-labelledby": "catalogue-title" },
    h("h1", { id: "catalogue-title", tabindex: "-1" }, s.catalogueTitle),
    banner.el,
    h(
      "dl",
      { class: "facts", id: "catalogue-facts" },
      h("dt", {}, s.catalogueEdition),
      h("dd", { id: "catalogue-edition" }, s.version(summary.version, showDate(summary.date), summary.publisher)),
      h("dt", {}, s.catalogueRecords),
      h("dd", { id: "catalogue-records", "data-count": summary.count }, s.recordCounts(summary.count, summary.imported)),
      summary.lapsed ? h("dt", {}, s.catalogueLapsed) : null,
      summary.lapsed ? h("dd", {}, s.lapsedCount(summary.lapsed)) : null,
    ),
    h(
      "section",
      { "aria-labelledby": "pack-title" },
      h("h2", { id: "pack-title" }, s.packTitle),
      h("p", {}, s.packIntro),
      packProblem.el,
      h("p", { class: "actions" }, choose),
      preview,
    ),
    h("section", { "aria-labelledby": "update-title" }, h("h2", { id: "update-title" }, s.updateTitle), h("p", {}, s.updateIntro), updateSummary.el, updateForm, updatePreview),
    trustSection(ctx, trust.trusted, reload),
    ownSection(ctx, own, banner),
  );
}

function trustSection(ctx: Ctx, trusted: TrustedKey[], reload: (message: string) => void): HTMLElement {
  const s = t();
  const rows = trusted.map((k) => {
    const remove = h("button", { type: "button", class: "warning trust-remove", "data-name": k.name, "aria-label": `${s.trustRemove}: ${k.name}` }, s.trustRemove);
    const confirm = inlineConfirm(remove, s.trustRemoveConfirm(k.name), { yes: s.trustRemoveYes, no: s.cancel }, async () => {
      try {
        await ctx.api.trustRemove(k.name);
        reload(s.trustRemoved(k.name));
      } catch (err) {
        reload(toApiError(err).message);
      }
    });
    return h(
      "tr",
      { "data-name": k.name },
      h("th", { scope: "row" }, k.name),
      h("td", {}, h("code", {}, k.key_id)),
      h("td", {}, k.valid_until ? showDate(k.valid_until) : s.trustNoEnd),
      h("td", {}, remove, confirm),
    );
  });
  const table = trusted.length
    ? h(
        "table",
        { class: "trust", id: "trust-list" },
        h("caption", {}, s.trustCaption),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, s.trustName), h("th", { scope: "col" }, s.trustKeyId), h("th", { scope: "col" }, s.trustUntil), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, s.actions)))),
        h("tbody", {}, ...rows),
      )
    : h("p", { id: "trust-none" }, s.trustNone);

  const summary = errorSummary("trust-error-summary");
  const field = (id: string, labelText: string, hint: string | null, control: HTMLInputElement | HTMLTextAreaElement) => {
    const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
    const wrap = h("div", { class: "field" }, h("label", { for: id }, labelText), hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null, error, control);
    if (hint) control.setAttribute("aria-describedby", `${id}-hint`);
    const show = (message: string | null) => {
      error.hidden = !message;
      error.replaceChildren(...(message ? [h("span", { class: "visually-hidden" }, `${s.errorPrefix}: `), message] : []));
      wrap.classList.toggle("has-error", !!message);
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      control.setAttribute("aria-describedby", [hint ? `${id}-hint` : "", message ? `${id}-error` : ""].filter(Boolean).join(" "));
      summary.set(id, message ? `${labelText}: ${message}` : null);
    };
    return { wrap, show };
  };
  const name = h("input", { type: "text", id: "trust-name", name: "name", autocomplete: "organization" });
  const key = h("textarea", { id: "trust-key", name: "key", rows: 3, spellcheck: "false", class: "wide" });
  const nameField = field("trust-name", s.trustName, null, name);
  const keyField = field("trust-key", s.trustKey, s.trustKeyHint, key);
  const until = dateField("trust-until", s.trustUntilLabel, null, summary);
  const submit = h("button", { type: "submit", class: "primary", id: "trust-add" }, s.trustAdd);
  const form = h(
    "form",
    { class: "trust-form", novalidate: true, "aria-labelledby": "trust-add-title" },
    h("h3", { id: "trust-add-title" }, s.trustAddTitle),
    summary.el,
    nameField.wrap,
    keyField.wrap,
    h("div", { class: "field" }, until.label, until.control),
    h("p", { class: "actions" }, submit),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    nameField.show(name.value.trim() ? null : s.trustNameEmpty);
    keyField.show(key.value.trim() ? null : s.trustKeyEmpty);
    const day = until.check();
    if (!name.value.trim() || !key.value.trim() || day === undefined) {
      summary.focus();
      return;
    }
    try {
      const added = await ctx.api.trustAdd(publicKeyLine(key.value), name.value.trim(), day);
      reload(s.trustAdded(added.name));
    } catch (err) {
      const problem = trustProblem(toApiError(err).message);
      if (problem.field === "trust-name") nameField.show(problem.message);
      else if (problem.field === "trust-until") until.show(problem.message);
      else keyField.show(problem.message);
      summary.focus();
    }
  });
  return h("section", { "aria-labelledby": "trust-title" }, h("h2", { id: "trust-title" }, s.trustTitle), h("p", {}, s.trustIntro), table, form);
}

function ownSection(ctx: Ctx, own: Intervention[], banner: ReturnType<typeof notificationBanner>): HTMLElement {
  const s = t();
  const exportButton = h("button", { type: "button", class: "secondary", id: "own-export" }, s.ownExport);
  exportButton.addEventListener("click", async () => {
    try {
      const n = await ctx.api.ownExport();
      if (n !== null) banner.say(s.ownExported(n));
    } catch (err) {
      banner.say(toApiError(err).message, true);
    }
  });
  return h(
    "section",
    { "aria-labelledby": "own-title" },
    h("h2", { id: "own-title" }, s.ownTitle),
    h("p", {}, s.ownIntro),
    own.length
      ? h(
          "ul",
          { class: "own-list", id: "own-list" },
          ...own.map((r) =>
            h("li", { "data-id": r.id }, h("a", { href: `#/interventie/${encodeURIComponent(r.id)}` }, r.name), " ", h("span", { class: "origin-tag" }, "eigen"), " · ", h("a", { href: `#/catalogus/eigen/${encodeURIComponent(r.id)}`, class: "own-edit", "aria-label": `${s.edit}: ${r.name}` }, s.edit)),
          ),
        )
      : h("p", { id: "own-none" }, s.ownNone),
    h("p", { class: "actions" }, h("a", { href: "#/catalogus/eigen", class: "button-link", id: "own-new" }, s.ownNew), " ", own.length ? exportButton : null),
  );
}

/** The form for an own intervention: new (no `id`) or an existing own one. */
export async function renderOwnForm(ctx: Ctx, id?: string): Promise<HTMLElement> {
  const s = t();
  const tax = ctx.taxonomy;
  const today = new Date().toISOString().slice(0, 10);
  let record = emptyRecord(today);
  if (id) {
    const found = (await ctx.api.ownRecords()).find((r) => r.id === id);
    if (!found) throw { code: "unknown_intervention", message: s.ownUnknown(id) };
    record = found;
  }
  const isNew = !id;
  const summary = errorSummary();
  const fields = new Map<string, { show: (m: string | null) => void; labelText: string }>();
  const register = (fid: string, labelText: string, wrap: HTMLElement, error: HTMLElement, control: HTMLElement | null, hintId: string | null) => {
    const show = (message: string | null) => {
      error.hidden = !message;
      error.replaceChildren(...(message ? [h("span", { class: "visually-hidden" }, `${s.errorPrefix}: `), message] : []));
      wrap.classList.toggle("has-error", !!message);
      if (control) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
        const described = [hintId, message ? `${fid}-error` : null].filter(Boolean).join(" ");
        if (described) control.setAttribute("aria-describedby", described);
        else control.removeAttribute("aria-describedby");
      }
      summary.set(fid, message ? `${labelText}: ${message}` : null);
    };
    fields.set(fid, { show, labelText });
  };
  const text = (fid: string, labelText: string, value: string, opts: { hint?: string; area?: boolean; readonly?: boolean; autofocus?: boolean } = {}) => {
    const control = opts.area
      ? h("textarea", { id: fid, name: fid, rows: 3, class: "wide" })
      : h("input", { type: "text", id: fid, name: fid, class: "wide", autocomplete: "off", readonly: opts.readonly ?? false, "data-autofocus": opts.autofocus ?? false });
    control.value = value;
    const hintId = opts.hint ? `${fid}-hint` : null;
    if (hintId) control.setAttribute("aria-describedby", hintId);
    const error = h("p", { class: "field-error", id: `${fid}-error`, hidden: true });
    const wrap = h("div", { class: "field" }, h("label", { for: fid }, labelText), opts.hint ? h("p", { class: "hint", id: hintId ?? undefined }, opts.hint) : null, error, control);
    register(fid, labelText, wrap, error, control, hintId);
    return { wrap, control };
  };
  const select = (fid: string, labelText: string, terms: { id: string; label: string; label_en: string }[], value: string, withEmpty = false) => {
    const control = h("select", { id: fid, name: fid });
    if (withEmpty) control.append(h("option", { value: "" }, s.choose));
    for (const term of terms) control.append(h("option", { value: term.id, selected: term.id === value }, lang() === "en" ? term.label_en : term.label));
    control.value = value;
    const error = h("p", { class: "field-error", id: `${fid}-error`, hidden: true });
    const wrap = h("div", { class: "field" }, h("label", { for: fid }, labelText), error, control);
    register(fid, labelText, wrap, error, control, null);
    return { wrap, control };
  };
  const checks = (fid: string, legendText: string, terms: { id: string; label: string; label_en: string }[], chosen: string[]) => {
    const error = h("p", { class: "field-error", id: `${fid}-error`, hidden: true });
    const boxes = terms.map((term, i) => h("input", { type: "checkbox", id: i === 0 ? fid : `${fid}-${term.id}`, name: fid, value: term.id, checked: chosen.includes(term.id) }));
    const wrap = h(
      "fieldset",
      { class: "field checks", id: `${fid}-group` },
      h("legend", {}, legendText),
      error,
      ...boxes.map((box, i) => h("div", { class: "check" }, box, h("label", { for: box.id }, lang() === "en" ? terms[i].label_en : terms[i].label))),
    );
    register(fid, legendText, wrap, error, null, null);
    return { wrap, value: () => boxes.filter((b) => b.checked).map((b) => b.value) };
  };

  const fId = text("own-id", s.ownId, record.id, { hint: isNew ? s.ownIdHint : s.ownIdFixed, readonly: !isNew });
  const fName = text("own-name", s.ownName, record.name, { autofocus: true });
  if (isNew) {
    fName.control.addEventListener("input", () => {
      if (!fId.control.dataset.touched) fId.control.value = slugOf(fName.control.value);
    });
    fId.control.addEventListener("input", () => (fId.control.dataset.touched = "1"));
  }
  const fAliases = text("own-aliases", s.ownAliases, record.aliases.join("\n"), { area: true, hint: s.oneALine });
  const fKind = select("own-kind", s.ownKind, tax.kinds, record.kind, true);
  const fSummary = text("own-summary", s.ownSummary, record.summary, { area: true });
  const fLevels = checks("own-levels", s.ownLevels, tax.levels, record.levels);
  const fSteps = checks("own-steps", s.ownSteps, tax.steps, record.steps);
  const fRoles = checks("own-roles", s.ownRoles, tax.roles, record.roles);
  const fThemes = checks("own-themes", s.ownThemes, tax.themes, record.themes);
  const fSectors = checks("own-sectors", s.ownSectors, tax.sectors, record.sectors);
  const fRisk = checks("own-risk_groups", s.ownRiskGroups, tax.risk_groups, record.risk_groups);
  const unknownHint = s.unknownHint;
  const fBenefits = text("own-benefits", s.ownBenefits, record.benefits ?? "", { area: true, hint: unknownHint });
  const fInvolves = text("own-involves", s.ownInvolves, record.involves ?? "", { area: true, hint: unknownHint });
  const fTime = text("own-time", s.ownTime, record.time ?? "", { hint: unknownHint });
  const fTimeClass = select("own-time_class", s.ownTimeClass, tax.time_classes, record.time_class);
  const fCost = text("own-cost", s.ownCost, record.cost ?? "", { hint: unknownHint });
  const fCostClass = select("own-cost_class", s.ownCostClass, tax.cost_classes, record.cost_class);
  const fPrivacy = text("own-privacy", s.ownPrivacy, record.privacy ?? "", { area: true, hint: unknownHint });
  const fDeveloped = text("own-developed_by", s.ownDevelopedBy, (record.developed_by ?? []).join("\n"), { area: true, hint: `${s.oneALine} ${unknownHint}` });
  const fUrl = text("own-url", s.ownUrl, record.url ?? "", { hint: s.ownUrlHint });
  const fLevel = select("own-evidence-level", s.ownEvidenceLevel, tax.evidence_levels, record.evidence.level);
  const fScheme = select("own-evidence-scheme", s.ownEvidenceScheme, tax.evidence_schemes ?? [], record.evidence.scheme ?? "onbekend");
  const fBasis = text("own-evidence-basis", s.ownEvidenceBasis, record.evidence.basis ?? "", { area: true, hint: unknownHint });
  const fRefs = text("own-evidence-references", s.ownEvidenceReferences, record.evidence.references.join("\n"), { area: true, hint: s.oneALine });
  const fAssessed = text("own-evidence-assessed_on", s.ownAssessedOn, showPartialDate(record.evidence.assessed_on), { hint: s.ownAssessedOnHint });
  const fValid = dateField("own-evidence-valid_until", s.ownValidUntil, record.evidence.valid_until, summary);
  fields.set("own-evidence-valid_until", { show: fValid.show, labelText: s.ownValidUntil });
  const source = record.sources[0] ?? { document: "", section: "" };
  const docs = tax.documents.map((d) => ({ id: d.id, label: `${d.title} (${d.publisher}, ${d.year})`, label_en: `${d.title} (${d.publisher}, ${d.year})` }));
  const fDoc = select("own-sources-document", s.ownSourceDocument, docs, source.document, true);
  const fSection = text("own-sources-section", s.ownSourceSection, source.section, { hint: s.ownSourceSectionHint });
  const fNote = text("own-sources-note", s.ownSourceNote, source.note ?? "", { area: true });
  const fReviewed = dateField("own-last_reviewed", s.ownLastReviewed, record.last_reviewed, summary);
  fields.set("own-last_reviewed", { show: fReviewed.show, labelText: s.ownLastReviewed });

  const submit = h("button", { type: "submit", class: "primary", id: "own-save" }, s.ownSave);
  const fieldset = (legend: string, ...children: HTMLElement[]) => h("fieldset", { class: "form-part" }, h("legend", {}, legend), ...children);
  const form = h(
    "form",
    { class: "own-form", id: "own-form", novalidate: true },
    fieldset(s.ownPartAbout, fName.wrap, fId.wrap, fAliases.wrap, fKind.wrap, fSummary.wrap),
    fieldset(s.ownPartFit, fLevels.wrap, fSteps.wrap, fRoles.wrap, fThemes.wrap, fSectors.wrap, fRisk.wrap),
    fieldset(s.ownPartPractical, fBenefits.wrap, fInvolves.wrap, fTime.wrap, fTimeClass.wrap, fCost.wrap, fCostClass.wrap, fPrivacy.wrap, fDeveloped.wrap, fUrl.wrap),
    fieldset(s.ownPartEvidence, fLevel.wrap, fScheme.wrap, fBasis.wrap, fRefs.wrap, fAssessed.wrap, h("div", { class: "field" }, fValid.label, fValid.control)),
    fieldset(s.ownPartSource, fDoc.wrap, fSection.wrap, fNote.wrap, h("div", { class: "field" }, fReviewed.label, fReviewed.control)),
    h("p", { class: "actions" }, submit, " ", h("a", { href: "#/catalogus", id: "own-cancel" }, s.cancel)),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    for (const f of fields.values()) f.show(null);
    const assessed = partialDate(fAssessed.control.value);
    const valid = fValid.check();
    const reviewed = fReviewed.check();
    let local = false;
    if (assessed === undefined) {
      fields.get("own-evidence-assessed_on")?.show(s.ownAssessedOnBad);
      local = true;
    }
    if (valid === undefined || reviewed === undefined) local = true;
    if (reviewed === null) {
      fReviewed.show(s.ownLastReviewedEmpty);
      local = true;
    }
    if (local) {
      summary.focus();
      return;
    }
    const developed = lines(fDeveloped.control.value);
    const sources = [{ document: fDoc.control.value, section: fSection.control.value.trim(), ...(known(fNote.control.value) ? { note: known(fNote.control.value) as string } : {}) }, ...record.sources.slice(1)];
    const next: Intervention = {
      id: fId.control.value.trim(),
      name: fName.control.value.trim(),
      aliases: lines(fAliases.control.value),
      kind: fKind.control.value,
      summary: fSummary.control.value.trim(),
      benefits: known(fBenefits.control.value),
      involves: known(fInvolves.control.value),
      time: known(fTime.control.value),
      time_class: fTimeClass.control.value,
      cost: known(fCost.control.value),
      cost_class: fCostClass.control.value,
      privacy: known(fPrivacy.control.value),
      developed_by: developed.length ? developed : null,
      url: known(fUrl.control.value),
      levels: fLevels.value(),
      steps: fSteps.value(),
      roles: fRoles.value(),
      themes: fThemes.value(),
      sectors: fSectors.value(),
      risk_groups: fRisk.value(),
      evidence: {
        level: fLevel.control.value,
        basis: known(fBasis.control.value),
        references: lines(fRefs.control.value),
        ...(record.evidence.recognition ? { recognition: record.evidence.recognition } : {}),
        assessed_on: assessed ?? null,
        ...(valid ? { valid_until: valid } : {}),
        scheme: fScheme.control.value,
      },
      sources,
      last_reviewed: reviewed ?? today,
    };
    try {
      const saved = await ctx.api.ownSave(next, isNew);
      if (saved.id) {
        ctx.state.notice = s.ownSaved(next.name);
        ctx.go("#/catalogus");
        return;
      }
      for (const p of saved.problems) {
        const fid = problemFieldId(p.field);
        const f = fields.get(fid) ?? fields.get("own-id");
        f?.show(fields.has(fid) ? p.message : `${p.field}: ${p.message}`);
      }
      summary.focus();
    } catch (err) {
      fields.get("own-id")?.show(toApiError(err).message);
      summary.focus();
    }
  });
  return h(
    "section",
    { class: "own-view", "aria-labelledby": "own-form-title" },
    h("p", {}, h("a", { href: "#/catalogus", class: "back" }, s.backToCatalogue)),
    h("h1", { id: "own-form-title", tabindex: "-1" }, isNew ? s.ownNewTitle : s.ownEditTitle(record.name)),
    h("p", {}, s.ownFormIntro),
    summary.el,
    form,
  );
}
