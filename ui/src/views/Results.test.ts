import { beforeEach, describe, expect, it } from "vitest";
import type { Answers, Recommendation, Tree } from "../api";
import { setLang } from "../i18n";
import { emptyAnswers } from "../logic";
import { fakeApi, fakeDossiers, hostileDossier, tree } from "../test/fake-api";
import { $, makeStore, reset, settle, show } from "../test/render";

beforeEach(reset);

const q = (id: string, answer: keyof Answers, refinement = false) => ({
  id,
  prompt: `Vraag ${id}?`,
  prompt_en: `Question ${id}?`,
  help: "hulp",
  help_en: "help",
  kind: "single" as const,
  answer,
  skippable: true,
  refinement,
  options: [{ value: "a", label: "NL a", label_en: "EN a" }],
});
const flowTree: Tree = { ...tree, questions: [q("role", "role"), q("themes", "themes"), q("time", "max_time", true)] };
const rec = (id: string, reasons: string[], more: Partial<Recommendation> = {}): Recommendation => ({
  id,
  name: `Naam ${id}`,
  score: 1,
  reasons,
  reasons_en: reasons.map((r) => `EN ${r}`),
  mismatches: [],
  mismatches_en: (more.mismatches ?? []).map((r) => `EN ${r}`),
  levels: ["team"],
  steps: ["B2"],
  roles: ["werkgever"],
  themes: ["werkdruk"],
  sectors: ["zorg"],
  evidence: "effectief",
  evidence_lapsed: false,
  cost: "onbekend",
  summary: "Eerste zin hier. Tweede zin.",
  time: "onbekend",
  ...more,
});
const noNotes = { notes: [], notes_en: [], user_notes: [], user_notes_en: [] };
const advising = (recommendations: Recommendation[]) =>
  fakeApi({
    advise: async () => ({ recommendations, advice: [], coverage: null, exact: true, ...noNotes }),
  });

describe("results", () => {
  it("shows the results first: how many fit fully and partly, cards with the reasons that set them apart, no empty boxes", async () => {
    const recs = [
      rec("a", ["voor werkgevers", "goed praktijkvoorbeeld"]),
      rec("b", ["voor werkgevers"]),
      rec("c", ["voor werkgevers"], { mismatches: ["niet specifiek voor medewerkers"] }),
    ];
    const view = await show(makeStore(advising(recs), flowTree).store, "#/resultaten");
    expect($(view, "#results-count").textContent).toBe(
      "3 interventies passen bij uw antwoorden: 2 helemaal, 1 gedeeltelijk",
    );
    const first = $(view, '.recommendation[data-id="a"]');
    expect($(first, "h3 a").getAttribute("href")).toBe("#/interventie/a");
    expect($(first, ".summary").textContent).toBe("Eerste zin hier.");
    expect([...first.querySelectorAll(".reasons li")].map((x) => x.textContent)).toEqual(["goed praktijkvoorbeeld"]);
    expect(view.querySelector(".advice")).toBeNull();
    expect(view.querySelector("#dossier-bar")).toBeNull();
    expect(view.querySelector("#keep-in-dossier")).not.toBeNull();
    expect($<HTMLDetailsElement>(view, "#filters").open).toBe(false);
    expect(view.querySelector("#refine-time")).not.toBeNull();
  });

  it("shows cost and time on a card only when a source gives them, and says so once", async () => {
    const recs = [rec("a", []), rec("b", [], { cost: "laag", time: "kort", evidence_lapsed: true })];
    const view = await show(makeStore(advising(recs), flowTree).store, "#/resultaten");
    const tags = (id: string) =>
      [...view.querySelectorAll(`.recommendation[data-id="${id}"] .tag`)].map((x) => x.className);
    expect(tags("a")).toEqual(["tag evidence"]);
    // A lapsed judgement keeps its label, with the lapse said beside it.
    expect($(view, '.recommendation[data-id="a"] .tag.evidence').textContent).not.toContain("verlopen");
    expect($(view, '.recommendation[data-id="b"] .tag.evidence').textContent?.trim()).toMatch(
      / · beoordeling verlopen$/,
    );
    expect(tags("b")).toEqual(["tag evidence", "tag cost", "tag time"]);
    expect(view.querySelector(".recommendations")?.textContent).not.toMatch(/niet bekend|onbekend/i);
    expect($(view, "#results-unknown").textContent).toBe(
      "Kosten en tijd staan bij een interventie alleen als een bron ze noemt.",
    );
  });

  it("ranks again in place when a refinement changes, keeping the focus on it", async () => {
    const asked: Answers[] = [];
    const api = fakeApi({
      advise: async (answers) => {
        asked.push(answers);
        return {
          recommendations: [rec(asked.length > 1 ? "later" : "first", [])],
          advice: [],
          coverage: null,
          exact: true,
          notes: [],
          user_notes: [],
          notes_en: [],
          user_notes_en: [],
        };
      },
    });
    const { store, went } = makeStore(api, flowTree);
    const view = await show(store, "#/resultaten");
    const select = $<HTMLSelectElement>(view, "#refine-time");
    select.focus();
    select.value = "a";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(asked.at(-1)?.max_time).toBe("a");
    expect(view.querySelector('.recommendation[data-id="later"]')).not.toBeNull();
    expect(went).toEqual([]);
    expect(document.activeElement).toBe(select);
  });

  it("offers 'Vergelijk nu' beside the button once two are chosen", async () => {
    const { store } = makeStore(advising([rec("a", []), rec("b", [])]), flowTree);
    const view = await show(store, "#/resultaten");
    $<HTMLButtonElement>(view, '.recommendation[data-id="a"] button.compare').click();
    await settle();
    expect(view.querySelector(".compare-now")).toBeNull();
    $<HTMLButtonElement>(view, '.recommendation[data-id="b"] button.compare').click();
    await settle();
    const now = $(view, '.recommendation[data-id="b"] .compare-now');
    expect(now.textContent).toBe("Vergelijk nu (2)");
    expect(now.getAttribute("href")).toBe("#/vergelijk");
  });

  it("marks what is already on the dossier's choice list or in its plan", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const api = {
      ...advising([rec("x", []), rec("y", [])]),
      ...fake.api,
      advise: advising([rec("x", []), rec("y", [])]).advise,
    };
    const { store } = makeStore(api, flowTree);
    store.dossier = { id: "d1", org: "Zorg" };
    const view = await show(store, "#/resultaten");
    expect($(view, '.recommendation[data-id="x"] .add-dossier').textContent).toBe("Op de keuzelijst");
    expect($(view, '.recommendation[data-id="x"] .dossier-status').textContent?.trim()).toBe("Staat in het actieplan.");
    expect($(view, '.recommendation[data-id="y"] .add-dossier').textContent).toBe("Aan dossier toevoegen");
  });

  it("puts a chosen intervention in the plan in one more action; the plan opens at the new action's first empty field", async () => {
    const fake = fakeDossiers([{ ...hostileDossier, shortlist: [], plan: [] }]);
    const plans: unknown[] = [];
    const api = {
      ...fake.api,
      advise: advising([rec("x", [])]).advise,
      intervention: fakeApi().intervention,
      dossierShortlist: async () => {},
      dossierPlan: async (_id: string, change: unknown) => {
        plans.push(change);
        return { ...hostileDossier.plan[0], id: 9 };
      },
    };
    const { store, went } = makeStore({ ...fakeApi(), ...api }, flowTree);
    store.dossier = { id: "d1", org: "Zorg" };
    const view = await show(store, "#/resultaten");
    $<HTMLButtonElement>(view, "button.add-dossier").click();
    await settle();
    expect(document.activeElement?.className).toContain("add-dossier");
    $<HTMLButtonElement>(view, ".to-plan-now").click();
    await settle();
    expect(plans).toEqual([{ intervention_id: "x", what: "Naam x", status: "gepland" }]);
    expect(went).toEqual(["#/dossier/d1/actieplan"]);
    expect(store.takeArrival().focus).toBe("plan-9-who");
  });

  it("says once, in English, that the catalogue is in Dutch", async () => {
    setLang("en");
    const view = await show(makeStore(advising([rec("a", [])]), flowTree).store, "#/resultaten");
    expect($(view, "#catalogue-language").textContent).toBe("The catalogue is in Dutch.");
    expect($(view, "#results-count").textContent).toBe("1 intervention fits your answers: 1 fully, 0 partly");
  });

  it("gives the advisor's reasons, what does not fit and its notes in English on the English interface", async () => {
    setLang("en");
    const recs = [
      rec("a", ["helpt bij: hanteerbare werkdruk"], { mismatches: ["niet gratis"] }),
      rec("b", ["voor leidinggevenden"]),
    ];
    const api = fakeApi({
      advise: async () => ({
        ...{ recommendations: recs, advice: [], coverage: null, exact: false, ...noNotes },
        notes: ["Geen interventie past precies."],
        notes_en: ["No intervention fits exactly."],
      }),
    });
    const view = await show(makeStore(api, flowTree).store, "#/resultaten");
    const first = $(view, '.recommendation[data-id="a"]');
    expect([...first.querySelectorAll(".reasons li")].map((x) => x.textContent)).toEqual([
      "EN helpt bij: hanteerbare werkdruk",
    ]);
    expect($(first, ".mismatches").textContent).toBe("Note: EN niet gratis");
    expect([...view.querySelectorAll(".note[role=note]")].map((x) => x.textContent)).toEqual([
      "No intervention fits exactly.",
    ]);
    expect(view.textContent).not.toContain("Geen interventie past precies");
  });
});

describe("questions and review", () => {
  it("asks one question per page with the question as the heading, skipping what was given and the refinements", async () => {
    const { store } = makeStore(fakeApi(), flowTree);
    store.given = ["role"];
    const view = await show(store, "#/vraag/0");
    expect($(view, "h1").textContent).toBe("Vraag themes?");
    expect($(view, "#q-caption").textContent).toBe("Vraag 1 van 1");
    setLang("en");
    expect($(await show(store, "#/vraag/0"), ".help").textContent).toBe("help");
  });

  it("lets the user keep this answer and skip the other questions, straight to the review", async () => {
    const { store, went } = makeStore(fakeApi(), flowTree);
    const view = await show(store, "#/vraag/0");
    $<HTMLInputElement>(view, 'input[value="a"]').checked = true;
    $<HTMLButtonElement>(view, "#q-skip-rest").click();
    expect(went).toEqual(["#/controleer"]);
    expect(store.answers.role).toBe("a");
    // On the last question there is nothing left to skip.
    expect((await show(store, "#/vraag/1")).querySelector("#q-skip-rest")).toBeNull();
  });

  it("goes back from the first question to where the questions were started (the dossier)", async () => {
    const { store, went } = makeStore(fakeApi(), flowTree);
    $<HTMLButtonElement>(await show(store, "#/vraag/0"), "#q-back").click();
    store.questionsFrom = "#/dossier/d1/vragen";
    $<HTMLButtonElement>(await show(store, "#/vraag/0"), "#q-back").click();
    $<HTMLButtonElement>(await show(store, "#/vraag/1"), "#q-back").click();
    expect(went).toEqual(["#/", "#/dossier/d1/vragen", "#/vraag/0"]);
  });

  it("ends with 'Controleer uw antwoorden', each answer with a way to change it", async () => {
    const { store } = makeStore(fakeApi(), flowTree);
    store.answers = { ...emptyAnswers(), role: "a" };
    const view = await show(store, "#/controleer");
    expect($(view, "h1").textContent).toBe("Controleer uw antwoorden");
    expect([...view.querySelectorAll(".summary-row dd:not(.summary-action)")].map((x) => x.textContent)).toEqual([
      "NL a",
      "niet beantwoord",
    ]);
    expect($(view, "#change-role").getAttribute("href")).toBe("#/wijzig/role");
    expect(view.querySelector("#change-time")).toBeNull();
  });
});

describe("worker", () => {
  it("answers the worker's 'bij wie' first from the catalogue data, naming its sources, and says so where they say nothing", async () => {
    const { store } = makeStore();
    const view = await show(store, "#/bij-wie");
    expect([...view.querySelectorAll("#worker-people li")].map((li) => li.getAttribute("data-person"))).toEqual([
      "bedrijfsarts",
      "huisarts",
    ]);
    const doctor = $(view, 'li[data-person="bedrijfsarts"]');
    expect($(doctor, "h2").textContent).toBe("Het spreekuur");
    expect([...doctor.querySelectorAll("p")].map((x) => x.textContent)).toContain("Niet bekend: de kosten.");
    expect($(doctor, "a").getAttribute("href")).toBe("#/interventie/x");
    // The sources sit under one closed "Bronnen" toggle, not between the people.
    expect(doctor.textContent).not.toContain("Bron");
    const sources = $<HTMLDetailsElement>(view, "#worker-sources");
    expect(sources.open).toBe(false);
    expect($(sources, "summary").textContent).toBe("Bronnen");
    expect($(sources, 'li[data-person="bedrijfsarts"]').textContent).toBe(
      "Het spreekuur: De leidraad (NVAB, 2021) — Stap C; 113 Zelfmoordpreventie, www.113.nl (https://www.113.nl)",
    );
    const gp = $(view, 'li[data-person="huisarts"]');
    expect(gp.textContent).toContain("niet bekend");
    expect(sources.querySelector('li[data-person="huisarts"]')).toBeNull();
    setLang("en");
    const english = await show(store, "#/bij-wie");
    expect($(english, 'li[data-person="bedrijfsarts"] h2').textContent).toBe("The consultation hour");
    expect($(english, 'li[data-person="huisarts"]').textContent).toContain("not known");
  });
});
