import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Api, Dossier, PlanChange } from "../api";
import { setLang } from "../i18n";
import { fakeApi, fakeDossiers, hostile, hostileDossier } from "../test/fake-api";
import { $, choose, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

/** The dossier half of the core with `seed`, and `overrides`. */
function dossierStore(seed: Dossier[] = [hostileDossier], overrides: Partial<Api> = {}) {
  const fake = fakeDossiers(seed);
  return { ...makeStore(fakeApi({ ...fake.api, ...overrides })), fake };
}

/** A plan that records every change and hands out new action ids from 20. */
function planner(d: Dossier) {
  const changes: PlanChange[] = [];
  let next = 20;
  const dossierPlan = async (_id: string, change: PlanChange) => {
    changes.push(change);
    if (change.item !== undefined && change.item !== null) return d.plan.find((p) => p.id === change.item) ?? d.plan[0];
    const item = {
      id: next++,
      intervention_id: change.intervention_id ?? "",
      what: change.what ?? "",
      who: "",
      start_date: null,
      evaluation_date: null,
      evaluation_method: "",
      status: "gepland" as const,
    };
    d.plan.push(item);
    return item;
  };
  return { changes, dossierPlan };
}

describe("dossier overview", () => {
  it("lists the six tasks with their status and what the visit still lacks, each task on its own page", async () => {
    const { store } = dossierStore();
    const overview = await show(store, "#/dossier/d1");
    const rows = [...overview.querySelectorAll("#task-list li")].map(
      (li) => `${li.querySelector("a")?.textContent}: ${li.querySelector(".tag")?.textContent}`,
    );
    // Visit without a contact person, no answers, a chosen one with why, a plan with owner and date, a note, no report yet.
    expect(rows).toEqual([
      "Bezoek: Bezig",
      "Vragen: Niet begonnen",
      "Keuzelijst: Klaar",
      "Actieplan: Klaar",
      "Notities: Klaar",
      "Rapport: Niet begonnen",
    ]);
    expect($(overview, "#task-bezoek-hint").textContent).toBe("Nog in te vullen: de naam van de contactpersoon");
    expect($(overview, "#task-bezoek").getAttribute("aria-describedby")).toBe("task-bezoek-status task-bezoek-hint");
    expect($(overview, "#task-bezoek").getAttribute("href")).toBe("#/dossier/d1/bezoek");
    expect(overview.querySelector("#visit-org")).toBeNull();
    // Deleting sits in its own section, with the warning button.
    expect($(overview, ".dossier-delete #dossier-delete").className).toBe("warning");
    const visit = await show(store, "#/dossier/d1/bezoek");
    expect(visit.querySelector("#visit-org")).not.toBeNull();
    expect(visit.querySelector("#note-text")).toBeNull();
    expect($(visit, "#visit-done-when").textContent).toContain("contactpersoon");
    expect(store.dossier).toEqual({ id: "d1", org: hostileDossier.org });
  });

  it("moves a deleted dossier to the trash and offers to undo that on the list, once, then focuses the message", async () => {
    const { store, went, fake } = dossierStore();
    const view = await show(store, "#/dossier/d1");
    $<HTMLButtonElement>(view, "#dossier-delete").click();
    await settle();
    expect(document.activeElement?.id).toBe("delete-no");
    $<HTMLButtonElement>(view, "#delete-yes").click();
    await vi.waitFor(() => expect(went).toEqual(["#/dossiers"]));
    expect(fake.calls).toContainEqual(["delete", "d1"]);
    expect(store.dossier).toBeUndefined();
    const list = await show(store, "#/dossiers");
    expect($(list, "#dossiers-notice").textContent).toContain("staat in de prullenbak");
    expect($(list, "#dossier-list").textContent).not.toContain("Zorg");
    expect($(list, "#trash-link").getAttribute("href")).toBe("#/prullenbak");
    $<HTMLButtonElement>(list, "#undo-delete").click();
    await vi.waitFor(() => expect($(list, "#dossier-list").textContent).toContain("Zorg"));
    expect(fake.calls).toContainEqual(["undelete", "d1"]);
    expect($(list, "#dossiers-notice").textContent).toContain("is teruggezet");
    expect(document.activeElement?.id).toBe("dossiers-notice");
    // The offer is made once, right after the delete.
    expect((await show(store, "#/dossiers")).querySelector("#undo-delete")).toBeNull();
  });

  it("renders hostile dossier text as text and marks overdue evaluations", async () => {
    const { store } = dossierStore();
    const notes = await show(store, "#/dossier/d1/notities");
    expect($(notes, "#note-reminder").textContent).toContain("geen medische gegevens");
    expect($(notes, "#note-text").getAttribute("aria-describedby")).toBe("note-reminder");
    expect($(notes, "#notes").textContent).toContain("<script>");
    expect(notes.querySelector("img, script")).toBeNull();
    const shortlist = await show(store, "#/dossier/d1/keuzelijst");
    expect($<HTMLTextAreaElement>(shortlist, "#why-0").value).toBe(hostile);
    expect(shortlist.querySelector("img, script")).toBeNull();
    const plan = await show(store, "#/dossier/d1/actieplan");
    expect($(plan, 'li[data-item="7"] legend').textContent).toContain("Evaluatie te laat");
    expect(plan.querySelector("img, script")).toBeNull();
    expect(document.title).not.toContain("pwned");
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("makes the report from the overview and marks its task done", async () => {
    const { store } = dossierStore(undefined, { reportSave: async () => "/tmp/rapport.pdf" });
    const view = await show(store, "#/dossier/d1");
    $<HTMLButtonElement>(view, "#report-quick").click();
    await settle();
    expect($(view, "#report-quick-status").textContent).toBe("Opgeslagen als /tmp/rapport.pdf");
    expect($(view, 'li[data-task="rapport"]').getAttribute("data-status")).toBe("klaar");
  });

  it("says in English that the report is written in Dutch", async () => {
    setLang("en");
    const { store } = dossierStore();
    expect($(await show(store, "#/dossier/d1/rapport"), "#report-language").textContent).toBe(
      "The report is written in Dutch.",
    );
  });
});

describe("planning from the choice list", () => {
  it("marks what is planned already and leads to it, instead of planning it twice", async () => {
    const d: Dossier = structuredClone(hostileDossier);
    d.shortlist.push({ intervention_id: "y", why: null, added_at: "2026-11-22T10:00:00Z" });
    const { changes, dossierPlan } = planner(d);
    const { store, went } = dossierStore([d], { dossierPlan });
    const view = await show(store, "#/dossier/d1/keuzelijst");
    const x = $(view, '.shortlist-item[data-id="x"]');
    expect(x.querySelector("button.to-plan")).toBeNull();
    expect($(x, ".planned").textContent).toBe("Staat in het actieplan.");
    $<HTMLAnchorElement>(x, "a.to-plan-item").click();
    expect(went).toEqual(["#/dossier/d1/actieplan"]);
    expect(store.takeArrival().focus).toBe("plan-7-what");
    $<HTMLButtonElement>(view, '.shortlist-item[data-id="y"] button.to-plan').click();
    await settle();
    expect(changes).toEqual([{ intervention_id: "y", what: "y", status: "gepland" }]);
    expect(went.at(-1)).toBe("#/dossier/d1/actieplan");
    expect(store.takeArrival().focus).toBe("plan-20-who");
  });

  it("lists what is chosen but not planned on the plan page; 'In actieplan' adds it there, the focus in its first empty field", async () => {
    const d: Dossier = structuredClone(hostileDossier);
    d.shortlist.push({ intervention_id: "y", why: null, added_at: "2026-11-22T10:00:00Z" });
    const { changes, dossierPlan } = planner(d);
    const fake = fakeDossiers([d]);
    const { store, went } = makeStore(
      fakeApi({ ...fake.api, dossierPlan, dossier: async () => JSON.parse(JSON.stringify(d)) }),
    );
    const view = await show(store, "#/dossier/d1/actieplan");
    expect([...view.querySelectorAll("#unplanned li")].map((li) => li.getAttribute("data-id"))).toEqual(["y"]);
    $<HTMLButtonElement>(view, '#unplanned li[data-id="y"] button.to-plan').click();
    await settle();
    expect(changes).toEqual([{ intervention_id: "y", what: "y", status: "gepland" }]);
    expect(went).toEqual([]);
    expect(view.querySelector('li[data-item="20"]')).not.toBeNull();
    expect(view.querySelector("#unplanned")).toBeNull();
    expect(document.activeElement?.id).toBe("plan-20-who");
  });
});

describe("dates on the dossier", () => {
  it("shows every date as dd-mm-jjjj, and refuses an impossible one on the field and in the summary, not saving it", async () => {
    const { changes, dossierPlan } = planner(structuredClone(hostileDossier));
    const { store } = dossierStore(undefined, { dossierPlan });
    const view = await show(store, "#/dossier/d1/actieplan");
    const evaluation = $<HTMLInputElement>(view, "#plan-7-evaluation_date");
    expect(evaluation.type).toBe("text");
    expect(evaluation.value).toBe("01-01-2020");
    expect($<HTMLInputElement>(view, "#plan-7-start_date").value).toBe("01-10-2019");
    expect(view.querySelector('input[type="date"]')).toBeNull();
    type(evaluation, "31-04-2027");
    expect(changes).toEqual([]);
    expect($(view, "#plan-7-evaluation_date-error").textContent).toContain("die dag bestaat niet");
    expect(evaluation.getAttribute("aria-invalid")).toBe("true");
    expect($(view, "#save-status").textContent).toBe("Niet opgeslagen: Evaluatiedatum. Verbeter wat rood is.");
    const summary = $(view, "#error-summary");
    expect(summary.hidden).toBe(false);
    expect(summary.textContent).toContain("Evaluatiedatum: die dag bestaat niet");
    $<HTMLAnchorElement>(summary, "a").click();
    expect(document.activeElement).toBe(evaluation);
    // Another field saved meanwhile: "saved", but not without naming what was not.
    type($<HTMLInputElement>(view, "#plan-7-who"), "HR");
    await settle();
    expect($(view, "#save-status").textContent).toMatch(/^Opgeslagen om \d\d:\d\d:\d\d, behalve: Evaluatiedatum\./);
    type(evaluation, "15-03-2027");
    await settle();
    expect(changes).toContainEqual({ item: 7, evaluation_date: "2027-03-15" });
    expect(summary.hidden).toBe(true);
    expect(evaluation.hasAttribute("aria-invalid")).toBe(false);
    expect($(view, "#save-status").textContent).toMatch(/^Opgeslagen om \d\d:\d\d:\d\d$/);
  });

  it("warns before leaving the page with a date that was not saved", async () => {
    const { store, went } = dossierStore();
    const view = await show(store, "#/dossier/d1/bezoek");
    type($<HTMLInputElement>(view, "#visit-visit_date"), "31-04-2027");
    expect(store.arrive("#/dossier/d1")).toBe(false);
    expect(store.leaving?.message).toContain("Datum van het bezoek is niet opgeslagen: “31-04-2027”");
    expect(store.leaving?.focus).toBe("visit-visit_date");
    // "Toch weggaan" goes on to where the user was going.
    expect(store.arrive("#/dossier/d1")).toBe(true);
    expect(went).toEqual([]);
  });

  it("refuses an empty note with a message on the field and in the summary", async () => {
    const { store, fake } = dossierStore();
    const view = await show(store, "#/dossier/d1/notities");
    $<HTMLButtonElement>(view, "#note-add").click();
    await settle();
    expect($(view, "#error-summary").hidden).toBe(false);
    expect($(view, "#note-text-error").textContent).toBe("Notitie: schrijf eerst iets in het veld.");
    expect(document.activeElement?.id).toBe("error-summary");
    type($<HTMLTextAreaElement>(view, "#note-text"), "Gesprek met de OR");
    $<HTMLButtonElement>(view, "#note-add").click();
    await settle();
    expect(fake.calls).toContainEqual(["note", "d1", "Gesprek met de OR"]);
    expect($(view, "#notes").textContent).toContain("Gesprek met de OR");
    expect($(view, "#error-summary").hidden).toBe(true);
    expect(document.activeElement?.id).toBe("note-text");
  });
});

describe("the visit", () => {
  it("saves the visit as typed, and a name left empty is named, not saved", async () => {
    const { store, fake } = dossierStore();
    const view = await show(store, "#/dossier/d1/bezoek");
    type($<HTMLInputElement>(view, "#visit-department"), "Wijkteam Noord");
    await settle();
    expect(fake.calls.at(-1)).toEqual([
      "update",
      "d1",
      expect.objectContaining({ department: "Wijkteam Noord", visit_date: "2026-11-20" }),
    ]);
    const calls = fake.calls.length;
    type($<HTMLInputElement>(view, "#visit-org"), " ");
    await settle();
    expect(fake.calls.length).toBe(calls);
    expect($(view, "#visit-org-error").textContent).toBe("Vul de naam van de organisatie in.");
    expect($(view, "#save-status").textContent).toBe("Vul de naam van de organisatie in.");
  });

  it("goes from the visit straight to the first question when none is answered yet", async () => {
    const { store, went } = dossierStore();
    const view = await show(store, "#/dossier/d1/bezoek");
    expect($(view, "#task-next").textContent).toBe("Volgende: vragen beantwoorden");
    $<HTMLButtonElement>(view, "#task-next").click();
    expect(went).toEqual(["#/vraag/0"]);
    expect(store.questionsFrom).toBe("#/dossier/d1/bezoek");
    expect(store.answers.sector).toBe("zorg");
    expect(store.given).toEqual(["sector"]);
  });

  it("starts the questions from the sector just chosen on the visit page", async () => {
    const { store, went } = dossierStore([{ ...structuredClone(hostileDossier), sector: null }]);
    const view = await show(store, "#/dossier/d1/bezoek");
    choose($<HTMLSelectElement>(view, "#visit-sector"), "zorg");
    $<HTMLButtonElement>(view, "#task-next").click();
    expect(went).toEqual(["#/vraag/0"]);
    expect(store.given).toEqual(["sector"]);
  });
});
