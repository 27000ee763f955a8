// One dossier: the visit (saved as you type), the answers and the aanbod-scan, the shortlist
// with why, dated notes, the action plan, and the report, export, copy and erase actions.
// Every change is sent to the core at once; the core commits it before answering.
import type { Ctx } from "../app";
import { type Dossier, type Intervention, type PlanChange, type PlanFormat, type PlanItem, type ReportFormat, toApiError } from "../api";
import { h } from "../dom";
import { label, lang, t } from "../i18n";
import { SIZE_BANDS, VISIT_FIELDS, type VisitField, answerValues, debounced, dossierHash, visitInfo } from "../logic";
import { when } from "./dossiers";
import { inlineConfirm } from "./parts";

const STATUSES = ["gepland", "lopend", "afgerond", "gestopt"];

// A change that adds or removes something re-renders the page; these carry the focus and the
// save message across that re-render.
let focusAfterReload: string | undefined;
let statusAfterReload: string | undefined;

/** A status line that says whether the last change was saved. */
function saveStatus() {
  const s = t();
  const el = h("p", { class: "save-status", role: "status", id: "save-status" });
  return {
    el,
    async run(save: () => Promise<unknown>): Promise<boolean> {
      el.textContent = s.saving;
      el.classList.remove("failed");
      try {
        await save();
        el.textContent = s.saved(new Date().toLocaleTimeString(lang() === "en" ? "en-GB" : "nl-NL", { hour: "2-digit", minute: "2-digit", second: "2-digit" }));
        return true;
      } catch (err) {
        el.textContent = s.notSaved(toApiError(err).message);
        el.classList.add("failed");
        return false;
      }
    },
  };
}

type Status = ReturnType<typeof saveStatus>;

function visitSection(ctx: Ctx, d: Dossier, status: Status, onOrg: (org: string) => void): HTMLElement {
  const s = t();
  const names: Record<VisitField, string> = {
    org: s.org, sector: s.sector, size_band: s.sizeBand, department: s.department, visit_date: s.visitDate,
    contact_name: s.contactName, contact_role: s.contactRole, professional: s.professional,
  };
  const controls = {} as Record<VisitField, HTMLInputElement | HTMLSelectElement>;
  const select = (field: VisitField, options: { value: string; text: string }[]) => {
    const current = d[field] ?? "";
    const known = options.some((o) => o.value === current);
    return h(
      "select",
      { id: `visit-${field}`, name: field },
      h("option", { value: "" }, s.unknownOption),
      ...options.map((o) => h("option", { value: o.value, selected: o.value === current }, o.text)),
      current && !known ? h("option", { value: current, selected: true }, current) : null,
    );
  };
  for (const field of VISIT_FIELDS) {
    if (field === "sector") controls[field] = select(field, ctx.taxonomy.sectors.map((x) => ({ value: x.id, text: label(ctx.taxonomy.sectors, x.id) })));
    else if (field === "size_band") controls[field] = select(field, SIZE_BANDS.map((b) => ({ value: b, text: b })));
    else {
      const type = field === "visit_date" ? "date" : "text";
      const autocomplete = field === "contact_name" || field === "professional" ? "name" : field === "org" ? "organization" : "off";
      controls[field] = h("input", { type, id: `visit-${field}`, name: field, value: d[field] ?? "", autocomplete, required: field === "org" });
    }
  }
  const save = debounced(() => {
    const values = Object.fromEntries(VISIT_FIELDS.map((f) => [f, controls[f].value])) as Record<VisitField, string>;
    const info = visitInfo(values);
    if (!info.org) {
      status.el.textContent = s.orgRequired;
      return;
    }
    void status.run(() => ctx.api.dossierUpdate(d.id, info)).then((ok) => ok && onOrg(info.org));
  }, 400);
  for (const control of Object.values(controls)) {
    control.addEventListener("input", () => save.schedule());
    control.addEventListener("change", () => save.now());
    control.addEventListener("blur", () => save.flush());
  }
  // Leaving the page (a link, the back key) still saves what was typed last.
  window.addEventListener("hashchange", () => save.flush(), { once: true });
  return h(
    "section",
    { class: "visit", "aria-labelledby": "visit-title" },
    h("h2", { id: "visit-title" }, s.visitTitle),
    h("div", { class: "form-grid" }, ...VISIT_FIELDS.flatMap((f) => [h("label", { for: `visit-${f}` }, names[f]), controls[f]])),
  );
}

function answersSection(ctx: Ctx, d: Dossier): HTMLElement {
  const s = t();
  const lines = ctx.tree.questions
    .map((q) => {
      const values = answerValues(d.answers, q);
      if (!values.length) return null;
      const shown = values.map((v) => (q.kind === "yes-no" ? s.yes : (q.options.find((o) => o.value === v)?.[lang() === "en" ? "label_en" : "label"] ?? v))).join(", ");
      return [h("dt", {}, lang() === "en" ? q.prompt_en : q.prompt), h("dd", {}, shown)];
    })
    .filter((x): x is HTMLElement[] => x !== null)
    .flat();
  const use = (hash: string) => () => {
    ctx.state.answers = structuredClone(d.answers);
    ctx.state.dossier = { id: d.id, org: d.org };
    ctx.refreshHeader();
    ctx.go(hash);
  };
  const ask = h("button", { type: "button", class: "primary", id: "dossier-questions" }, s.answerQuestions);
  ask.addEventListener("click", use("#/vraag/0"));
  const results = h("button", { type: "button", class: "secondary", id: "dossier-results" }, s.showRecommendations);
  results.addEventListener("click", use("#/resultaten"));
  return h(
    "section",
    { class: "dossier-answers", "aria-labelledby": "answers-title" },
    h("h2", { id: "answers-title" }, s.answersTitle),
    lines.length ? h("dl", { class: "answers" }, ...lines) : h("p", {}, s.answersNone),
    h("p", { class: "actions" }, ask, results),
  );
}

async function haveSection(ctx: Ctx, d: Dossier, names: Map<string, string>, status: Status, reload: (focusId?: string) => void): Promise<HTMLElement> {
  const s = t();
  const list = d.answers.have.length
    ? h(
        "ul",
        { id: "have-list" },
        ...d.answers.have.map((id) => {
          const remove = h("button", { type: "button", class: "secondary", "aria-label": `${s.haveRemove}: ${names.get(id) ?? id}` }, s.haveRemove);
          remove.addEventListener("click", async () => {
            const answers = { ...d.answers, have: d.answers.have.filter((x) => x !== id) };
            if (await status.run(() => ctx.api.dossierAnswer(d.id, answers))) reload("have-title");
          });
          return h("li", {}, h("a", { href: `#/interventie/${encodeURIComponent(id)}` }, names.get(id) ?? id), " ", remove);
        }),
      )
    : h("p", {}, s.haveNone);
  let matrix: HTMLElement | null = null;
  if (d.answers.have.length) {
    const advice = await ctx.api.advise(d.answers, 1);
    const coverage = advice.coverage as { cells: { level: string; step: string; covered_by: string[]; available: number }[] } | null;
    if (coverage) {
      const steps = ctx.taxonomy.steps.map((x) => x.id);
      matrix = h(
        "table",
        { class: "matrix coverage", id: "coverage" },
        h("caption", {}, s.gapsTitle),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, s.level), ...steps.map((st) => h("th", { scope: "col" }, st)))),
        h(
          "tbody",
          {},
          ...ctx.taxonomy.levels.map((lv) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, label(ctx.taxonomy.levels, lv.id)),
              ...steps.map((st) => {
                const cell = coverage.cells.find((c) => c.level === lv.id && c.step === st);
                const covered = cell?.covered_by.length ?? 0;
                return h("td", { class: covered ? "covered" : "gap" }, covered ? s.coveredCell(covered) : s.gapCell(cell?.available ?? 0));
              }),
            ),
          ),
        ),
      );
    }
  }
  return h(
    "section",
    { class: "have", "aria-labelledby": "have-title" },
    h("h2", { id: "have-title", tabindex: "-1" }, s.haveTitle),
    list,
    matrix ? h("div", { class: "table-wrap" }, matrix) : null,
  );
}

function shortlistSection(ctx: Ctx, d: Dossier, names: Map<string, string>, status: Status, reload: (focusId?: string) => void): HTMLElement {
  const s = t();
  if (!d.shortlist.length) {
    return h("section", { class: "shortlist", "aria-labelledby": "shortlist-title" }, h("h2", { id: "shortlist-title", tabindex: "-1" }, s.shortlistTitle), h("p", {}, s.shortlistNone));
  }
  return h(
    "section",
    { class: "shortlist", "aria-labelledby": "shortlist-title" },
    h("h2", { id: "shortlist-title", tabindex: "-1" }, s.shortlistTitle),
    h(
      "ul",
      { id: "shortlist" },
      ...d.shortlist.map((item, i) => {
        const name = names.get(item.intervention_id) ?? item.intervention_id;
        const why = h("textarea", { id: `why-${i}`, rows: 2 });
        why.value = item.why ?? "";
        const save = debounced(() => void status.run(() => ctx.api.dossierShortlist(d.id, item.intervention_id, why.value.trim() || undefined)), 400);
        why.addEventListener("input", () => save.schedule());
        why.addEventListener("blur", () => save.flush());
        window.addEventListener("hashchange", () => save.flush(), { once: true });
        const remove = h("button", { type: "button", class: "secondary", "aria-label": `${s.removeFromShortlist}: ${name}` }, s.removeFromShortlist);
        remove.addEventListener("click", async () => {
          if (await status.run(() => ctx.api.dossierUnshortlist(d.id, item.intervention_id))) reload("shortlist-title");
        });
        const plan = h("button", { type: "button", class: "secondary to-plan", "aria-label": `${s.toPlan}: ${name}` }, s.toPlan);
        plan.addEventListener("click", async () => {
          const change: PlanChange = { intervention_id: item.intervention_id, what: name, status: "gepland" };
          if (await status.run(() => ctx.api.dossierPlan(d.id, change))) reload("plan-title");
        });
        return h(
          "li",
          { class: "shortlist-item", "data-id": item.intervention_id },
          h("h3", {}, h("a", { href: `#/interventie/${encodeURIComponent(item.intervention_id)}` }, name)),
          h("label", { for: `why-${i}` }, s.whyChosen),
          why,
          h("p", { class: "actions" }, plan, remove),
        );
      }),
    ),
  );
}

function notesSection(ctx: Ctx, d: Dossier, status: Status, reload: (focusId?: string) => void, inReport: NoteChoice): HTMLElement {
  const s = t();
  const text = h("textarea", { id: "note-text", rows: 3, "aria-describedby": "note-reminder" });
  const add = h("button", { type: "submit", class: "primary", id: "note-add" }, s.addNote);
  const form = h("form", { class: "note-form" }, h("label", { for: "note-text" }, s.newNote), h("p", { id: "note-reminder", class: "reminder" }, s.notesReminder), text, h("p", { class: "actions" }, add));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = text.value.trim();
    if (!value) {
      text.focus();
      return;
    }
    if (await status.run(() => ctx.api.dossierNote(d.id, value))) reload("note-text");
  });
  const notes = [...d.notes].reverse();
  return h(
    "section",
    { class: "notes-section", "aria-labelledby": "notes-title" },
    h("h2", { id: "notes-title" }, s.notesTitle),
    form,
    notes.length
      ? h("ol", { class: "notes", id: "notes", reversed: true }, ...notes.map((n) => h("li", {}, h("p", { class: "meta" }, when(n.created_at)), h("p", { class: "note-text" }, n.text), inReport.box(n.id))))
      : h("p", {}, s.notesNone),
  );
}

function planSection(ctx: Ctx, d: Dossier, names: Map<string, string>, overdue: Set<number>, status: Status): HTMLElement {
  const s = t();
  if (!d.plan.length) {
    return h("section", { class: "plan", "aria-labelledby": "plan-title" }, h("h2", { id: "plan-title", tabindex: "-1" }, s.planTitle), h("p", {}, s.planNone));
  }
  const row = (item: PlanItem) => {
    const name = names.get(item.intervention_id) ?? item.intervention_id;
    const cell = (field: keyof PlanChange & keyof PlanItem, header: string, type: "text" | "date") => {
      const input = h("input", { type, value: String(item[field] ?? ""), "aria-label": `${header}: ${name}`, "data-field": field });
      const save = debounced(() => void status.run(() => ctx.api.dossierPlan(d.id, { item: item.id, [field]: input.value.trim() })), 400);
      input.addEventListener("input", () => save.schedule());
      input.addEventListener("change", () => save.now());
      input.addEventListener("blur", () => save.flush());
      window.addEventListener("hashchange", () => save.flush(), { once: true });
      return h("td", {}, input);
    };
    const statusSelect = h(
      "select",
      { "aria-label": `${s.planStatus}: ${name}`, "data-field": "status" },
      ...STATUSES.map((st) => h("option", { value: st, selected: st === item.status }, s.statuses[st] ?? st)),
    );
    statusSelect.addEventListener("change", () => void status.run(() => ctx.api.dossierPlan(d.id, { item: item.id, status: statusSelect.value })));
    return h(
      "tr",
      { "data-item": item.id, class: overdue.has(item.id) ? "overdue" : undefined },
      h("th", { scope: "row" }, name, overdue.has(item.id) ? h("span", { class: "badge" }, ` ${s.overdueBadge}`) : null),
      cell("what", s.planWhat, "text"),
      cell("who", s.planWho, "text"),
      cell("start_date", s.planStart, "date"),
      cell("evaluation_date", s.planEvaluation, "date"),
      cell("evaluation_method", s.planMethod, "text"),
      h("td", {}, statusSelect),
    );
  };
  return h(
    "section",
    { class: "plan", "aria-labelledby": "plan-title" },
    h("h2", { id: "plan-title", tabindex: "-1" }, s.planTitle),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "plan-table", id: "plan" },
        h("thead", {}, h("tr", {}, ...[s.planIntervention, s.planWhat, s.planWho, s.planStart, s.planEvaluation, s.planMethod, s.planStatus].map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {}, ...d.plan.map(row)),
      ),
    ),
  );
}

/** Which notes go into the report: a checkbox per note, and a line that says how many. */
interface NoteChoice {
  box(id: number): HTMLElement;
  chosen(): number[];
  summary: HTMLElement;
}

function noteChoice(): NoteChoice {
  const s = t();
  const chosen = new Set<number>();
  const summary = h("p", { id: "report-notes", class: "reminder" }, s.reportNotes(0));
  return {
    box(id) {
      const box = h("input", { type: "checkbox", id: `note-in-report-${id}`, "data-note": id });
      box.addEventListener("change", () => {
        if (box.checked) chosen.add(id);
        else chosen.delete(id);
        summary.textContent = s.reportNotes(chosen.size);
      });
      return h("p", { class: "note-choice" }, box, h("label", { for: `note-in-report-${id}` }, s.noteInReport));
    },
    chosen: () => [...chosen].sort((a, b) => a - b),
    summary,
  };
}

function actionsSection(ctx: Ctx, d: Dossier, encrypted: boolean, inReport: NoteChoice): HTMLElement {
  const s = t();
  const out = h("p", { class: "status", role: "status", id: "dossier-action-status" });
  const format = h(
    "select",
    { id: "report-format" },
    h("option", { value: "pdf" }, "PDF"),
    h("option", { value: "docx" }, "Word (docx)"),
    h("option", { value: "html" }, "HTML"),
    h("option", { value: "md" }, "Markdown"),
  );
  const report = h("button", { type: "button", class: "primary", id: "report-save" }, s.reportSave);
  report.addEventListener("click", async () => {
    out.textContent = s.saving;
    try {
      const path = await ctx.api.reportSave(d.id, format.value as ReportFormat, inReport.chosen());
      out.textContent = path ? s.reportSaved(path) : s.cancelled;
    } catch (err) {
      out.textContent = toApiError(err).message;
    }
  });
  // The action plan beside the report: a workbook, CSV, or the evaluation dates as a calendar.
  const planButton = (format: PlanFormat, label: string) => {
    const button = h("button", { type: "button", class: "secondary", id: `plan-export-${format}` }, label);
    button.addEventListener("click", async () => {
      out.textContent = s.saving;
      try {
        const path = await ctx.api.planExport(d.id, format);
        out.textContent = path ? s.exported(path) : s.cancelled;
      } catch (err) {
        out.textContent = toApiError(err).message;
      }
    });
    return button;
  };
  const planButtons = [planButton("xlsx", s.planExportXlsx), planButton("csv", s.planExportCsv), planButton("ics", s.planExportIcs)];
  const exportButton = h("button", { type: "button", class: "secondary", id: "dossier-export" }, s.exportDossier);
  // From an encrypted store an export is encrypted with the same passphrase; a file anyone
  // can read takes its own button and a confirmation.
  const runExport = async (inTheClear: boolean) => {
    try {
      const path = await ctx.api.dossierExport(d.id, inTheClear);
      out.textContent = path ? s.exported(path) : s.cancelled;
    } catch (err) {
      out.textContent = toApiError(err).message;
    }
  };
  exportButton.addEventListener("click", () => void runExport(false));
  const clearButton = encrypted ? h("button", { type: "button", class: "secondary", id: "dossier-export-clear" }, s.exportClear) : null;
  const clear = clearButton
    ? inlineConfirm(clearButton, s.exportClearConfirm, { yes: s.exportClearYes, no: s.no }, () => void runExport(true), { group: "export-confirm", yes: "export-clear-yes" })
    : null;
  const duplicate = h("button", { type: "button", class: "secondary", id: "dossier-duplicate" }, s.duplicate);
  duplicate.addEventListener("click", async () => {
    try {
      const id = await ctx.api.dossierDuplicate(d.id);
      ctx.go(dossierHash(id));
    } catch (err) {
      out.textContent = toApiError(err).message;
    }
  });
  // Deleting asks once more; the dossier goes to the trash, and the list offers to undo it.
  const remove = h("button", { type: "button", class: "secondary", id: "dossier-delete" }, s.deleteDossier);
  const confirm = inlineConfirm(remove, s.deleteConfirm, { yes: s.deleteYes, no: s.deleteNo }, async () => {
    try {
      await ctx.api.dossierDelete(d.id);
      ctx.state.notice = s.trashed(d.org);
      ctx.state.deleted = { id: d.id, org: d.org };
      if (ctx.state.dossier?.id === d.id) ctx.state.dossier = undefined;
      ctx.refreshHeader();
      ctx.go("#/dossiers");
    } catch (err) {
      out.textContent = toApiError(err).message;
    }
  }, { group: "delete-confirm", yes: "delete-yes", no: "delete-no" });
  return h(
    "section",
    { class: "dossier-actions", "aria-labelledby": "report-title" },
    h("h2", { id: "report-title" }, s.reportTitle),
    h("p", { class: "actions" }, h("label", { for: "report-format" }, s.reportFormat), format, report),
    inReport.summary,
    h("h3", { id: "plan-export-title" }, s.planExportTitle),
    h("p", { class: "reminder", id: "plan-export-help" }, s.planExportHelp),
    h("p", { class: "actions", role: "group", "aria-labelledby": "plan-export-title", "aria-describedby": "plan-export-help" }, ...planButtons),
    h("h2", {}, s.actionsTitle),
    h("p", { class: "actions" }, exportButton, clearButton, duplicate, remove),
    clear,
    confirm,
    out,
  );
}

export async function renderDossier(ctx: Ctx, id: string): Promise<HTMLElement> {
  const s = t();
  const [d, summaries, encrypted] = await Promise.all([ctx.api.dossier(id), ctx.api.dossiers(), ctx.api.encryptionStatus()]);
  const overdue = new Set((summaries.find((x) => x.id === id)?.overdue ?? []).map((p) => p.id));
  // Names for the interventions this dossier mentions.
  const ids = [...new Set([...d.answers.have, ...d.shortlist.map((x) => x.intervention_id), ...d.plan.map((x) => x.intervention_id)])];
  const records = await Promise.all(ids.map((x) => ctx.api.intervention(x).catch(() => null)));
  const names = new Map(records.filter((r): r is Intervention => r !== null).map((r) => [r.id, r.name]));

  // Working on a dossier makes it the active one: results and details can add to it.
  ctx.state.dossier = { id: d.id, org: d.org };
  ctx.refreshHeader();

  const status = saveStatus();
  const inReport = noteChoice();
  if (statusAfterReload) status.el.textContent = statusAfterReload;
  statusAfterReload = undefined;
  const title = h("h1", { id: "dossier-title", tabindex: "-1" }, d.org);
  const reload = (focusId?: string) => {
    focusAfterReload = focusId;
    statusAfterReload = status.el.textContent ?? undefined;
    ctx.go(dossierHash(d.id));
  };
  const onOrg = (org: string) => {
    title.textContent = org;
    ctx.state.dossier = { id: d.id, org };
    ctx.refreshHeader();
  };
  const view = h(
    "section",
    { class: "dossier", "aria-labelledby": "dossier-title", "data-id": d.id },
    h("p", {}, h("a", { href: "#/dossiers" }, s.backToDossiers)),
    title,
    status.el,
    visitSection(ctx, d, status, onOrg),
    answersSection(ctx, d),
    shortlistSection(ctx, d, names, status, reload),
    planSection(ctx, d, names, overdue, status),
    notesSection(ctx, d, status, reload, inReport),
    await haveSection(ctx, d, names, status, reload),
    actionsSection(ctx, d, encrypted, inReport),
  );
  if (focusAfterReload) view.querySelector(`#${CSS.escape(focusAfterReload)}`)?.setAttribute("data-autofocus", "");
  focusAfterReload = undefined;
  return view;
}
