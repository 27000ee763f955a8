// One dossier as a task list: Bezoek → Vragen → Keuzelijst → Actieplan → Notities → Rapport,
// each with its status, each task on a page of its own; managing and deleting the dossier on
// the overview. Every change is sent to the core at once; the core commits it before
// answering.
import type { Ctx } from "../app";
import { type Dossier, type Intervention, type PlanChange, type PlanFormat, type ReportFormat, toApiError } from "../api";
import { h } from "../dom";
import { label, lang, t } from "../i18n";
import { DOSSIER_TASKS, type DossierTask, answerValues, debounced, dossierHash, givenFields, taskStatuses } from "../logic";
import { planSection } from "./dossier-plan";
import { type SaveStatus, visitSection } from "./dossier-visit";
import { when } from "./dossiers";
import { type ErrorSummary, errorSummary, notificationBanner } from "./form";
import { takeDossierFocus } from "./focus-next";
import { inlineConfirm } from "./parts";

// A change that adds or removes something re-renders the page; these carry the focus and the
// save message across that re-render.
let focusAfterReload: string | undefined;
let statusAfterReload: string | undefined;
/** Dossiers whose report was saved in this session (the dossier itself does not record it). */
const reportSaved = new Set<string>();

/** The notification banner that says whether the last change was saved (red only when not). */
function saveStatus(): SaveStatus {
  const s = t();
  const banner = notificationBanner("save-status");
  return {
    el: banner.el,
    say: (message) => banner.say(message),
    async run(save: () => Promise<unknown>): Promise<boolean> {
      banner.say(s.saving);
      try {
        await save();
        const d = new Date();
        const two = (n: number) => String(n).padStart(2, "0");
        banner.say(s.saved(`${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`));
        return true;
      } catch (err) {
        banner.say(s.notSaved(toApiError(err).message), true);
        return false;
      }
    },
  };
}

type Status = SaveStatus;
/** Re-renders the dossier at `task` (the overview when none), focusing `focusId`. */
type Reload = (focusId?: string, task?: DossierTask) => void;

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
    // The dossier's sector is the answer to "in welke sector?"; what the way in set is given.
    if (!ctx.state.answers.sector && d.sector) ctx.state.answers.sector = d.sector;
    ctx.state.given = givenFields(ctx.tree.entries.find((e) => e.id === d.answers.entry), ctx.state.answers.sector === d.sector ? d.sector : null);
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
    h("h2", { id: "answers-title", tabindex: "-1" }, s.answersTitle),
    lines.length ? h("dl", { class: "answers" }, ...lines) : h("p", {}, s.answersNone),
    h("p", { class: "actions" }, ask, results),
  );
}

async function haveSection(ctx: Ctx, d: Dossier, names: Map<string, string>, status: Status, reload: Reload): Promise<HTMLElement> {
  const s = t();
  const list = d.answers.have.length
    ? h(
        "ul",
        { id: "have-list" },
        ...d.answers.have.map((id) => {
          const remove = h("button", { type: "button", class: "secondary", "aria-label": `${s.haveRemove}: ${names.get(id) ?? id}` }, s.haveRemove);
          remove.addEventListener("click", async () => {
            const answers = { ...d.answers, have: d.answers.have.filter((x) => x !== id) };
            if (await status.run(() => ctx.api.dossierAnswer(d.id, answers))) reload("have-title", "vragen");
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
    h("p", { class: "meta" }, s.haveHelp),
    list,
    matrix ? h("div", { class: "table-wrap" }, matrix) : null,
  );
}

function shortlistSection(ctx: Ctx, d: Dossier, names: Map<string, string>, status: Status, reload: Reload): HTMLElement {
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
          if (await status.run(() => ctx.api.dossierUnshortlist(d.id, item.intervention_id))) reload("shortlist-title", "keuzelijst");
        });
        const plan = h("button", { type: "button", class: "secondary to-plan", "aria-label": `${s.toPlan}: ${name}` }, s.toPlan);
        plan.addEventListener("click", async () => {
          const change: PlanChange = { intervention_id: item.intervention_id, what: name, status: "gepland" };
          if (await status.run(() => ctx.api.dossierPlan(d.id, change))) reload("plan-title", "actieplan");
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

function notesSection(ctx: Ctx, d: Dossier, status: Status, reload: Reload, summary: ErrorSummary): HTMLElement {
  const s = t();
  const text = h("textarea", { id: "note-text", rows: 3, "aria-describedby": "note-reminder" });
  const error = h("p", { class: "field-error", id: "note-text-error", hidden: true });
  const showError = (on: boolean) => {
    error.hidden = !on;
    error.textContent = on ? s.noteEmpty : "";
    if (on) text.setAttribute("aria-invalid", "true");
    else text.removeAttribute("aria-invalid");
    text.setAttribute("aria-describedby", on ? "note-reminder note-text-error" : "note-reminder");
    summary.set("note-text", on ? s.noteEmpty : null);
  };
  const add = h("button", { type: "submit", class: "primary", id: "note-add" }, s.addNote);
  const form = h("form", { class: "note-form" }, h("label", { for: "note-text" }, s.newNote), h("p", { id: "note-reminder", class: "reminder" }, s.notesReminder), error, text, h("p", { class: "actions" }, add));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = text.value.trim();
    showError(!value);
    if (!value) {
      summary.focus();
      return;
    }
    if (await status.run(() => ctx.api.dossierNote(d.id, value))) reload("note-text", "notities");
  });
  const notes = [...d.notes].reverse();
  return h(
    "section",
    { class: "notes-section", "aria-labelledby": "notes-title" },
    h("h2", { id: "notes-title", tabindex: "-1" }, s.notesTitle),
    form,
    notes.length
      ? h("ol", { class: "notes", id: "notes", reversed: true }, ...notes.map((n) => h("li", {}, h("p", { class: "meta" }, when(n.created_at)), h("p", { class: "note-text" }, n.text))))
      : h("p", {}, s.notesNone),
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

function reportSection(ctx: Ctx, d: Dossier, inReport: NoteChoice, onSaved: () => void): HTMLElement {
  const s = t();
  const out = h("p", { class: "status", role: "status", id: "dossier-action-status" });
  const fail = (err: unknown) => {
    out.textContent = toApiError(err).message;
    out.classList.add("failed");
  };
  const say = (text: string) => {
    out.textContent = text;
    out.classList.remove("failed");
  };
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
    say(s.saving);
    try {
      const path = await ctx.api.reportSave(d.id, format.value as ReportFormat, inReport.chosen());
      say(path ? s.reportSaved(path) : s.cancelled);
      if (path) onSaved();
    } catch (err) {
      fail(err);
    }
  });
  // The action plan beside the report: a workbook, CSV, or the evaluation dates as a calendar.
  const planButton = (format: PlanFormat, text: string) => {
    const button = h("button", { type: "button", class: "secondary", id: `plan-export-${format}` }, text);
    button.addEventListener("click", async () => {
      say(s.saving);
      try {
        const path = await ctx.api.planExport(d.id, format);
        say(path ? s.exported(path) : s.cancelled);
      } catch (err) {
        fail(err);
      }
    });
    return button;
  };
  const notes = [...d.notes].reverse();
  return h(
    "section",
    { class: "dossier-report", "aria-labelledby": "report-title" },
    h("h2", { id: "report-title", tabindex: "-1" }, s.reportTitle),
    h("h3", { id: "report-notes-title" }, s.reportNotesTitle),
    notes.length
      ? h("ul", { class: "report-notes", "aria-labelledby": "report-notes-title" }, ...notes.map((n) => h("li", {}, h("p", { class: "meta" }, when(n.created_at)), h("p", { class: "note-text" }, n.text), inReport.box(n.id))))
      : h("p", {}, s.notesNone),
    inReport.summary,
    h("p", { class: "actions" }, h("label", { for: "report-format" }, s.reportFormat), format, report),
    h("h3", { id: "plan-export-title" }, s.planExportTitle),
    h("p", { class: "meta", id: "plan-export-help" }, s.planExportHelp),
    h("p", { class: "actions", role: "group", "aria-labelledby": "plan-export-title", "aria-describedby": "plan-export-help" }, planButton("xlsx", s.planExportXlsx), planButton("csv", s.planExportCsv), planButton("ics", s.planExportIcs)),
    out,
  );
}

/** Export and copy; deleting has a section of its own. */
function manageSection(ctx: Ctx, d: Dossier, encrypted: boolean): HTMLElement {
  const s = t();
  const out = h("p", { class: "status", role: "status", id: "dossier-action-status" });
  const fail = (err: unknown) => {
    out.textContent = toApiError(err).message;
    out.classList.add("failed");
  };
  const exportButton = h("button", { type: "button", class: "secondary", id: "dossier-export" }, s.exportDossier);
  // From an encrypted store an export is encrypted with the same passphrase; a file anyone
  // can read takes its own button and a confirmation.
  const runExport = async (inTheClear: boolean) => {
    try {
      const path = await ctx.api.dossierExport(d.id, inTheClear);
      out.classList.remove("failed");
      out.textContent = path ? s.exported(path) : s.cancelled;
    } catch (err) {
      fail(err);
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
      fail(err);
    }
  });
  return h(
    "section",
    { class: "dossier-manage", "aria-labelledby": "manage-title" },
    h("h2", { id: "manage-title" }, s.actionsTitle),
    h("p", { class: "actions" }, exportButton, clearButton, duplicate),
    clear,
    out,
  );
}

/** Deleting, apart from everything else, with the warning-button pattern and a confirmation.
 * The dossier goes to the trash, and the list offers to undo it. */
function deleteSection(ctx: Ctx, d: Dossier): HTMLElement {
  const s = t();
  const out = h("p", { class: "status failed", role: "status", id: "delete-status" });
  const remove = h("button", { type: "button", class: "warning", id: "dossier-delete" }, s.deleteDossier);
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
    { class: "dossier-delete", "aria-labelledby": "delete-title" },
    h("h2", { id: "delete-title" }, s.deleteTitle),
    h("p", {}, s.deleteHelp),
    h("p", { class: "actions" }, remove),
    confirm,
    out,
  );
}

function taskName(task: DossierTask): string {
  return t().taskNames[task];
}

/** The overview: each task with its status; the task's name is the link to it. */
function taskList(d: Dossier): HTMLElement {
  const s = t();
  const statuses = taskStatuses(d, reportSaved.has(d.id));
  return h(
    "ol",
    { class: "task-list", id: "task-list" },
    ...DOSSIER_TASKS.map((task) =>
      h(
        "li",
        { "data-task": task, "data-status": statuses[task] },
        h("a", { href: dossierHash(d.id, task), id: `task-${task}`, "aria-describedby": `task-${task}-status` }, taskName(task)),
        h("strong", { class: `tag tag-${statuses[task]}`, id: `task-${task}-status` }, s.taskStatus[statuses[task]]),
      ),
    ),
  );
}

/** On the overview: the report in one action, with the defaults most visits want (PDF, no
 * working notes); the Rapport task keeps the choice of file type and notes. */
function quickReport(ctx: Ctx, d: Dossier, list: HTMLElement): HTMLElement {
  const s = t();
  const out = h("p", { class: "status", role: "status", id: "report-quick-status" });
  const button = h("button", { type: "button", class: "primary", id: "report-quick", "aria-describedby": "report-quick-help" }, s.reportQuick);
  button.addEventListener("click", async () => {
    out.classList.remove("failed");
    out.textContent = s.saving;
    try {
      const path = await ctx.api.reportSave(d.id, "pdf", []);
      out.textContent = path ? s.reportSaved(path) : s.cancelled;
      if (!path) return;
      reportSaved.add(d.id);
      const row = list.querySelector<HTMLElement>('li[data-task="rapport"]');
      const tag = row?.querySelector("strong");
      if (row && tag) {
        row.dataset.status = "klaar";
        tag.className = "tag tag-klaar";
        tag.textContent = s.taskStatus.klaar;
      }
    } catch (err) {
      out.textContent = toApiError(err).message;
      out.classList.add("failed");
    }
  });
  return h("div", { class: "report-quick" }, h("p", { class: "actions" }, button), h("p", { class: "meta", id: "report-quick-help" }, s.reportQuickHelp), out);
}

export async function renderDossier(ctx: Ctx, id: string, task?: DossierTask): Promise<HTMLElement> {
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
  const summary = errorSummary();
  if (statusAfterReload) status.say(statusAfterReload);
  statusAfterReload = undefined;
  const title = h("h1", { id: "dossier-title", tabindex: "-1" }, d.org);
  const reload: Reload = (focusId, next = task) => {
    focusAfterReload = focusId;
    statusAfterReload = status.el.textContent ?? undefined;
    ctx.go(dossierHash(d.id, next));
  };
  const onOrg = (org: string) => {
    title.textContent = org;
    ctx.state.dossier = { id: d.id, org };
    ctx.refreshHeader();
  };
  let content: HTMLElement[];
  if (!task) {
    const list = taskList(d);
    content = [
      h("h2", { id: "tasks-title" }, s.tasksTitle),
      list,
      quickReport(ctx, d, list),
      manageSection(ctx, d, encrypted),
      deleteSection(ctx, d),
    ];
  } else {
    const next = DOSSIER_TASKS[DOSSIER_TASKS.indexOf(task) + 1];
    const section = {
      bezoek: () => visitSection(ctx, d, status, summary, onOrg),
      vragen: () => answersSection(ctx, d),
      keuzelijst: () => shortlistSection(ctx, d, names, status, reload),
      actieplan: () => planSection(ctx, d, names, overdue, status, summary),
      notities: () => notesSection(ctx, d, status, reload, summary),
      rapport: () =>
        reportSection(ctx, d, noteChoice(), () => {
          reportSaved.add(d.id);
        }),
    }[task]();
    content = [
      section,
      task === "vragen" ? await haveSection(ctx, d, names, status, reload) : null,
      h(
        "p",
        { class: "task-nav" },
        next ? h("a", { href: dossierHash(d.id, next), id: "task-next", class: "button-link" }, s.nextTask(taskName(next))) : null,
        " ",
        h("a", { href: dossierHash(d.id), id: "task-overview" }, s.toOverview),
      ),
    ].filter((x): x is HTMLElement => x !== null);
  }
  const view = h(
    "section",
    { class: "dossier", "aria-labelledby": "dossier-title", "data-id": d.id, "data-task": task ?? "" },
    h("p", {}, task ? h("a", { href: dossierHash(d.id) }, s.backToOverview) : h("a", { href: "#/dossiers" }, s.backToDossiers)),
    summary.el,
    title,
    task ? h("p", { class: "caption" }, s.taskOf(DOSSIER_TASKS.indexOf(task) + 1, DOSSIER_TASKS.length, taskName(task))) : null,
    status.el,
    ...content,
  );
  const focusId = focusAfterReload ?? takeDossierFocus();
  if (focusId) view.querySelector(`#${CSS.escape(focusId)}`)?.setAttribute("data-autofocus", "");
  focusAfterReload = undefined;
  return view;
}
