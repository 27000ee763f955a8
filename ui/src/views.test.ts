import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Api, Backup, Dossier, DossierSummary, Intervention, Taxonomy, Tree } from "./api";
import { toApiError } from "./api";
import type { Ctx } from "./app";
import { errorView } from "./app";
import { lang, setLang, t } from "./i18n";
import { emptyAnswers } from "./logic";
import { compareView } from "./views/compare";
import { detailView, renderDetail } from "./views/detail";
import { renderDossier } from "./views/dossier";
import { renderDossiers } from "./views/dossiers";
import { renderQuestion, renderReview } from "./views/question";
import { renderResults } from "./views/results";
import { renderWorker } from "./views/worker";
import { renderRestore } from "./views/restore";
import { renderSearch } from "./views/search";
import { renderStart } from "./views/start";
import { renderTrash } from "./views/trash";
import { addToDossierButton } from "./views/parts";
import { takeDossierFocus } from "./views/focus-next";
import { todayIso } from "./date";
import { renderCatalogue, renderOwnForm } from "./views/catalogue";

const term = (id: string) => ({ id, label: `NL ${id}`, label_en: `EN ${id}` });
const taxonomy: Taxonomy = {
  levels: ["individu", "team", "organisatie"].map(term), steps: ["A", "B1", "B2", "C", "D"].map(term),
  roles: ["werkgever"].map(term), themes: ["werkdruk"].map(term), sectors: ["zorg"].map(term), risk_groups: [],
  evidence_levels: ["effectief", "onbekend"].map(term), evidence_schemes: ["uitgever", "onbekend"].map(term), kinds: ["methode"].map(term), cost_classes: ["onbekend"].map(term),
  time_classes: ["onbekend"].map(term), documents: [{ id: "leidraad", file: "x", title: "De leidraad", publisher: "NVAB", year: "2021" }],
};
const tree: Tree = {
  entries: [], questions: [],
  worker: [
    { id: "bedrijfsarts", who: "Het spreekuur", who_en: "The consultation hour", record: "x", text: ["Een open spreekuur.", "Niet bekend: de kosten."], text_en: ["An open hour.", "Not known: the cost."], sources: [{ document: "leidraad", section: "Stap C" }] },
    { id: "huisarts", who: "De huisarts", who_en: "Your GP", text: ["De bronnen beschrijven de huisarts niet; niet bekend."], text_en: ["The sources do not describe the GP; not known."], sources: [] },
  ],
};
const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const record: Intervention = {
  id: "x", name: `Naam ${hostile}`, aliases: [], kind: "methode", summary: hostile, benefits: null, involves: "Iets doen",
  time: null, time_class: "onbekend", cost: null, cost_class: "onbekend", privacy: null, developed_by: null, url: "javascript:alert(1)",
  levels: ["team"], steps: ["B2"], roles: ["werkgever"], themes: ["werkdruk"], sectors: ["zorg"], risk_groups: [],
  evidence: { level: "effectief", basis: "Effect op klachten", references: ["Ketelaar et al. (2013)"] },
  sources: [{ document: "leidraad", section: "Stap D" }], last_reviewed: "2026-11-22",
};

/** The dossier half of the core, in memory; `calls` records every write. */
function fakeDossiers(seed: Dossier[] = []) {
  const store = new Map(seed.map((d) => [d.id, structuredClone(d)]));
  const calls: [string, ...unknown[]][] = [];
  /** Dossiers in the trash: id → when deleted. */
  const trash = new Map<string, string>();
  const get = (id: string) => {
    const d = store.get(id);
    if (!d) throw { code: "unknown_dossier", message: `er is geen dossier met id "${id}"` };
    return d;
  };
  const summary = (d: Dossier, overdue = d.plan.filter((p) => p.evaluation_date === "2020-01-01")): DossierSummary => ({
    id: d.id, org: d.org, sector: d.sector ?? null, department: d.department ?? null, visit_date: d.visit_date ?? null,
    updated_at: d.updated_at, notes: d.notes.length, shortlist: d.shortlist.length, overdue,
  });
  const missing = async (): Promise<never> => {
    throw { code: "test", message: "not in this fake" };
  };
  const api: Pick<Api, Exclude<keyof Api, "catalogueSummary" | "taxonomy" | "tree" | "search" | "intervention" | "advise">> = {
    dossierShortlist: missing, dossierUnshortlist: missing, dossierPlan: missing, dossierDuplicate: missing,
    dossierExport: missing, dossierImport: missing, reportSave: missing, planExport: missing,
    backups: async () => [], backupCreate: missing, backupRestore: missing,
    unlock: missing, encryptionStatus: async () => false, encryptionSet: missing,
    packPreview: missing, packImport: missing, catalogueRemove: missing, trustList: missing, trustAdd: missing, trustRemove: missing,
    updateFrom: missing, ownRecords: missing, ownSave: missing, ownExport: missing,
    dossiers: async () => [...store.values()].filter((d) => !trash.has(d.id)).map((d) => summary(d)),
    dossierDelete: async (id) => {
      calls.push(["delete", id]);
      get(id);
      trash.set(id, "2026-11-22T11:00:00Z");
    },
    dossierTrash: async () =>
      [...trash.entries()].map(([id, deleted_at]) => {
        const d = get(id);
        return { id, org: d.org, sector: d.sector ?? null, department: d.department ?? null, visit_date: d.visit_date ?? null, deleted_at, erased_on: "2026-12-22", notes: d.notes.length };
      }),
    dossierUndelete: async (id) => {
      calls.push(["undelete", id]);
      if (!trash.delete(id)) throw { code: "unknown_dossier", message: `er is geen dossier met id "${id}"` };
    },
    dossierErase: async (id) => {
      calls.push(["erase", id]);
      get(id);
      trash.delete(id);
      store.delete(id);
      return { cleaned: ["a.sqlite3", "b.sqlite3"], failed: [{ file: "c.sqlite3", reason: "de reservekopie is beschadigd" }], removed: [], wal_pending: false };
    },
    dossier: async (id) => structuredClone(get(id)),
    dossierNew: async (info) => {
      const id = `d${store.size + 1}`;
      store.set(id, { ...info, id, answers: emptyAnswers(), shortlist: [], notes: [], plan: [], created_at: "2026-11-22T10:00:00Z", updated_at: "2026-11-22T10:00:00Z", revision: 1 });
      return id;
    },
    dossierUpdate: async (id, info) => {
      calls.push(["update", id, info]);
      Object.assign(get(id), info);
    },
    dossierNote: async (id, text) => {
      calls.push(["note", id, text]);
      const note = { id: get(id).notes.length + 1, text, created_at: "2026-11-22T10:05:00Z" };
      get(id).notes.push(note);
      return note;
    },
    dossierAnswer: async (id, answers) => {
      calls.push(["answer", id, answers]);
      get(id).answers = answers;
    },
  };
  return { api, calls, store };
}

const hostileDossier: Dossier = {
  id: "d1", org: `Zorg ${hostile}`, sector: "zorg", department: null, visit_date: "2026-11-20", contact_name: null, contact_role: null,
  professional: null, size_band: null, answers: { ...emptyAnswers(), have: [] }, shortlist: [{ intervention_id: "x", why: hostile, added_at: "2026-11-22T10:00:00Z" }],
  notes: [{ id: 1, text: hostile, created_at: "2026-11-21T09:00:00Z" }],
  plan: [{ id: 7, intervention_id: "x", what: "Pilot", who: "Teamleider", start_date: "2019-10-01", evaluation_date: "2020-01-01", evaluation_method: "Gesprek", status: "lopend" }],
  created_at: "2026-11-20T10:00:00Z", updated_at: "2026-11-21T09:00:00Z", revision: 3,
};

function fakeApi(overrides: Partial<Api> = {}): Api {
  return {
    ...fakeDossiers().api,
    catalogueSummary: async () => ({ count: 1, version: "2026.1", program_version: "9.8.7", date: "2026-11-25", publisher: "Keuzehulp", imported: 0, lapsed: 2, matrix: [] }),
    taxonomy: async () => taxonomy,
    tree: async () => tree,
    search: async (query) => ({
      query, total: 1, terms: [], nearest: [], facets: { level: { team: 1 } }, cut: [], suggestion: null,
      hits: [{ id: "x", name: "Werkdruk verminderen", score: 1, levels: ["team"], steps: ["B2"], summary: "Minder werkdruk", matched: ["werkdruk", "Werkdruk"], via: [] }],
    }),
    intervention: async () => record,
    advise: async () => ({ recommendations: [], advice: [], coverage: null, exact: true, notes: [], user_notes: [] }),
    ...overrides,
  };
}

function ctx(api: Api = fakeApi()): Ctx {
  return { api, taxonomy, tree, state: { answers: emptyAnswers(), given: [], compare: [] }, main: document.createElement("main"), go: () => {}, refreshHeader: () => {}, openUrl: async () => {} };
}

beforeEach(() => setLang("nl"));

describe("compare table", () => {
  it("folds a fact unknown for every record into one line and marks a cell unknown for one record", () => {
    const other: Intervention = { ...record, id: "y", name: "Ander", time: "Twee uur", benefits: null, cost: null, privacy: null, developed_by: null };
    const view = compareView(ctx(), [record, other]);
    const rows = [...view.querySelectorAll("tbody tr")];
    const heads = rows.map((r) => r.querySelector("th")?.textContent);
    for (const folded of ["Wat u eraan hebt", "Kosten", "Privacy", "Ontwikkeld door"]) expect(heads).not.toContain(folded);
    expect(view.querySelector("#compare-unknown td")?.textContent).toBe("wat u eraan hebt, kosten, privacy, ontwikkeld door");
    expect(view.querySelector("#compare-unknown td")?.getAttribute("colspan")).toBe("2");
    const time = rows.find((r) => r.querySelector("th")?.textContent === "Hoeveel tijd het kost");
    const cells = [...(time?.querySelectorAll("td") ?? [])];
    expect(cells.map((c) => c.textContent)).toEqual(["niet bekend", "Twee uur"]);
    expect(cells[0].classList.contains("unknown")).toBe(true);
    expect(cells[1].classList.contains("unknown")).toBe(false);
    expect(view.querySelectorAll("td.unknown")).toHaveLength(1);
    expect(view.querySelector("script, img")).toBeNull();
  });

  it("has no 'niet bekend' line when every fact is known for some record", () => {
    const full: Intervention = { ...record, id: "z", benefits: "Rust", time: "1 uur", cost: "Gratis", privacy: "Anoniem", developed_by: ["TNO"] };
    expect(compareView(ctx(), [record, full]).querySelector("#compare-unknown")).toBeNull();
  });

  it("asks for two records when fewer are chosen", () => {
    expect(compareView(ctx(), [record]).querySelector("table")).toBeNull();
  });
});

describe("detail page", () => {
  it("shows every known fact on its own row and folds the unknown ones into one line, never hidden", () => {
    const view = detailView(ctx(), record);
    const text = view.textContent ?? "";
    for (const heading of ["Wat het inhoudt", "Bewijs"]) expect(text).toContain(heading);
    expect(view.querySelector("#detail-unknown")?.textContent).toBe("wat u eraan hebt, hoeveel tijd het kost, kosten, privacy, ontwikkeld door");
    expect([...view.querySelectorAll("dt")].map((x) => x.textContent)).toContain("Niet bekend");
    expect(view.querySelector("#evidence")?.textContent).toContain("Ketelaar et al. (2013)");
  });

  it("names where the record came from and a lapsed judgement in words", () => {
    const lapsed: Intervention = {
      ...record,
      evidence: { ...record.evidence, assessed_on: "2019", scheme: "uitgever", lapsed: true, lapsed_because: "bewijs beoordeeld in 2019; ouder dan vijf jaar" },
      origin: { kind: "publisher", name: "Trimbos-instituut", version: "1.0", date: "2026-11-01" },
    };
    const view = detailView(ctx(), lapsed);
    expect(view.querySelector("#evidence-assessed")?.textContent).toBe("Beoordeeld: 2019 (door: NL uitgever)");
    expect(view.querySelector("#evidence-lapsed")?.textContent).toBe("Let op: bewijs beoordeeld in 2019; ouder dan vijf jaar; telt niet meer als bewijs.");
    expect(view.querySelector("#detail-origin")?.textContent).toBe("Uitgever Trimbos-instituut (ondertekend pakket 1.0 · 01-11-2026)");
    const fresh = detailView(ctx(), { ...record, origin: { kind: "eigen", name: "eigen", version: null, date: null } });
    expect(fresh.querySelector("#evidence-lapsed")).toBeNull();
    expect(fresh.querySelector("#detail-origin")?.textContent).toBe("Eigen import (niet ondertekend pakket)");
  });

  it("renders hostile catalogue text as text: no element, no script", () => {
    const view = detailView(ctx(), record);
    expect(view.querySelector("img")).toBeNull();
    expect(view.querySelector("script")).toBeNull();
    expect(view.querySelector("h1")?.textContent).toContain("<img src=x");
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe("search view", () => {
  it("marks the matched words and shows the count", async () => {
    const view = await renderSearch(ctx(), "werkdruk", {});
    expect([...view.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Werkdruk", "werkdruk"]);
    expect(view.querySelector("#search-status")?.textContent).toBe("1 van 1 resultaten");
  });

  it("says so when nothing is found and offers the nearest", async () => {
    const api = fakeApi({
      search: async (query) => ({ query, total: 0, terms: [], facets: {}, hits: [], cut: [], suggestion: null, nearest: [{ id: "n", name: "Dichtbij", score: 1, levels: [], steps: [], summary: "", matched: [], via: [] }] }),
    });
    const view = await renderSearch(ctx(api), "xyz", {});
    expect(view.querySelector("#search-status")?.textContent).toBe("Niets gevonden voor “xyz”.");
    expect(view.textContent).toContain("Dichtbij");
  });

  it("offers 'Bedoelde u' and searches the suggestion when it is chosen", async () => {
    const asked: string[] = [];
    const api = fakeApi({
      search: async (query) => {
        asked.push(query);
        return { query, total: 0, terms: [], facets: {}, hits: [], nearest: [], cut: [], suggestion: query === "harasment" ? "harassment" : null };
      },
    });
    const view = await renderSearch(ctx(api), "harasment", {});
    expect(view.querySelector("#search-suggestion")?.textContent).toBe("Bedoelde u: harassment?");
    (view.querySelector("#search-suggestion-link") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(asked).toContain("harassment"));
    expect((view.querySelector("#search-input") as HTMLInputElement).value).toBe("harassment");
    await vi.waitFor(() => expect((view.querySelector("#search-suggestion") as HTMLElement).hidden).toBe(true));
  });

  it("says through which word a record was found", async () => {
    const api = fakeApi({
      search: async (query) => ({
        query, total: 1, terms: [], facets: {}, nearest: [], cut: [], suggestion: null,
        hits: [{ id: "bat", name: "Burnout Assessment Tool", score: 1, levels: [], steps: [], summary: "", matched: [], via: [{ from: "opgebrand", to: "burn-out" }] }],
      }),
    });
    const view = await renderSearch(ctx(api), "opgebrand", {});
    expect(view.querySelector(".hit .via")?.textContent).toBe("Gevonden via: opgebrand → burn-out");
  });
});

describe("language", () => {
  it("switches to English and remembers the choice", () => {
    setLang("en");
    expect(t().searchTitle).toBe("Search");
    expect(localStorage.getItem("keuzehulp.taal")).toBe("en");
    expect(lang()).toBe("en");
    setLang("nl");
    expect(t().searchTitle).toBe("Zoeken");
  });
});

describe("errors", () => {
  it("shows the core's message alone as a sentence, keeping its code", () => {
    const e = toApiError({ code: "wrong_passphrase", message: "het wachtwoord opent /x/keuzehulp.sqlite3 niet" });
    expect(e).toEqual({ code: "wrong_passphrase", message: "Het wachtwoord opent /x/keuzehulp.sqlite3 niet" });
    expect(toApiError("schijf vol").message).toBe("Schijf vol");
  });

  it("shows a core error as a readable message with what to do", () => {
    const view = errorView({ code: "data_dir", message: "de gegevensmap /x is niet bruikbaar" });
    expect(view.getAttribute("role")).toBe("alert");
    expect(view.textContent).toContain("De gegevensmap /x is niet bruikbaar");
    expect(view.textContent).toContain("Probeer het opnieuw");
  });
});

describe("dossier page", () => {
  it("moves a deleted dossier to the trash and offers to undo that on the list, once", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const c = ctx(fakeApi(fake.api));
    const went: string[] = [];
    c.go = (hash) => went.push(hash);
    const view = await renderDossier(c, "d1");
    document.body.replaceChildren(view);
    view.querySelector<HTMLButtonElement>("#dossier-delete")?.click();
    view.querySelector<HTMLButtonElement>("#delete-yes")?.click();
    await vi.waitFor(() => expect(went).toEqual(["#/dossiers"]));
    expect(fake.calls).toContainEqual(["delete", "d1"]);
    const list = await renderDossiers(c, "");
    document.body.replaceChildren(list);
    expect(list.querySelector("#dossiers-notice")?.textContent).toContain("staat in de prullenbak");
    expect(list.querySelector("#dossier-list")?.textContent).not.toContain("Zorg");
    expect(list.querySelector("#trash-link")?.getAttribute("href")).toBe("#/prullenbak");
    list.querySelector<HTMLButtonElement>("#undo-delete")?.click();
    await vi.waitFor(() => expect(list.querySelector("#dossier-list")?.textContent).toContain("Zorg"));
    expect(fake.calls).toContainEqual(["undelete", "d1"]);
    expect(list.querySelector("#dossiers-notice")?.textContent).toContain("is teruggezet");
    // The offer is made once, right after the delete.
    expect((await renderDossiers(c, "")).querySelector("#undo-delete")).toBeNull();
  });

  it("lists the trash with restore, and erases for good only after a confirmation", async () => {
    const second: Dossier = { ...hostileDossier, id: "d2", org: "Basisschool De Linde", notes: [] };
    const fake = fakeDossiers([hostileDossier, second]);
    await fake.api.dossierDelete("d1");
    await fake.api.dossierDelete("d2");
    const c = ctx(fakeApi(fake.api));
    const view = await renderTrash(c);
    document.body.replaceChildren(view);
    const items = () => [...view.querySelectorAll("#trash-list li")].map((li) => li.getAttribute("data-id"));
    expect(items()).toEqual(["d1", "d2"]);
    expect(view.querySelector("img")).toBeNull();
    expect(view.querySelector("#trash-list")?.textContent).toContain("<script>");
    expect(view.querySelector("#trash-list")?.textContent).toContain("wordt gewist op 22 december 2026");

    view.querySelector<HTMLButtonElement>('.undelete[data-id="d2"]')?.click();
    await vi.waitFor(() => expect(items()).toEqual(["d1"]));
    expect(view.querySelector("#trash-status")?.textContent).toContain("Basisschool De Linde");

    view.querySelector<HTMLButtonElement>('.erase[data-id="d1"]')?.click();
    expect(fake.calls.filter(([name]) => name === "erase")).toEqual([]);
    const yes = view.querySelector<HTMLButtonElement>(".erase-yes");
    expect(yes?.className).toContain("danger");
    yes?.click();
    await vi.waitFor(() => expect(fake.calls).toContainEqual(["erase", "d1"]));
    await vi.waitFor(() => expect(view.querySelector("#trash-list")?.textContent).toContain("De prullenbak is leeg."));
    const status = view.querySelector("#trash-status")?.textContent ?? "";
    expect(status).toContain("Het dossier is gewist, ook uit 2 reservekopieën.");
    expect(status).toContain("c.sqlite3 bevat het dossier nog");
  });

  it("shows the note reminder, renders hostile dossier text as text, and marks overdue evaluations", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const c = ctx(fakeApi(fake.api));
    const notes = await renderDossier(c, "d1", "notities");
    expect(notes.querySelector("#note-reminder")?.textContent).toContain("geen medische gegevens");
    expect(notes.querySelector("#note-text")?.getAttribute("aria-describedby")).toBe("note-reminder");
    expect(notes.querySelector("#notes")?.textContent).toContain("<script>");
    const shortlist = await renderDossier(c, "d1", "keuzelijst");
    expect((shortlist.querySelector("#why-0") as HTMLTextAreaElement).value).toBe(hostile);
    const plan = await renderDossier(c, "d1", "actieplan");
    expect(plan.querySelector('li[data-item="7"] legend')?.textContent).toContain("Evaluatie te laat");
    for (const view of [notes, shortlist, plan, await renderDossier(c, "d1")]) {
      expect(view.querySelector("img")).toBeNull();
      expect(view.querySelector("script")).toBeNull();
    }
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("lists the six tasks with their status, and shows each task on its own page", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const c = ctx(fakeApi(fake.api));
    const overview = await renderDossier(c, "d1");
    const rows = [...overview.querySelectorAll("#task-list li")].map((li) => `${li.querySelector("a")?.textContent}: ${li.querySelector(".tag")?.textContent}`);
    // Visit without a contact person, no answers, a chosen one with why, a plan with owner and date, a note, no report yet.
    expect(rows).toEqual(["Bezoek: Bezig", "Vragen: Niet begonnen", "Keuzelijst: Klaar", "Actieplan: Klaar", "Notities: Klaar", "Rapport: Niet begonnen"]);
    expect(overview.querySelector("#task-bezoek")?.getAttribute("href")).toBe("#/dossier/d1/bezoek");
    // The overview holds no task's fields; a task page holds only its own.
    expect(overview.querySelector("#visit-org")).toBeNull();
    const visit = await renderDossier(c, "d1", "bezoek");
    expect(visit.querySelector("#visit-org")).not.toBeNull();
    expect(visit.querySelector("#note-text")).toBeNull();
    expect(visit.querySelector("#task-next")?.textContent).toBe("Volgende: Vragen");
    // Deleting sits in its own section, with the warning button.
    expect(overview.querySelector(".dossier-delete #dossier-delete")?.className).toBe("warning");
  });

  it("shows every date as dd-mm-jjjj, and refuses an impossible one with a message on the field and in the summary", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const plans: unknown[] = [];
    const api = fakeApi({ ...fake.api, dossierPlan: async (_id, change) => { plans.push(change); return hostileDossier.plan[0]; } });
    const view = await renderDossier(ctx(api), "d1", "actieplan");
    document.body.replaceChildren(view);
    const evaluation = view.querySelector("#plan-7-evaluation_date") as HTMLInputElement;
    expect(evaluation.type).toBe("text");
    expect(evaluation.value).toBe("01-01-2020");
    expect((view.querySelector("#plan-7-start_date") as HTMLInputElement).value).toBe("01-10-2019");
    expect(view.querySelector('input[type="date"]')).toBeNull();
    evaluation.value = "31-04-2027";
    evaluation.dispatchEvent(new Event("change"));
    expect(plans).toEqual([]);
    expect(view.querySelector("#plan-7-evaluation_date-error")?.textContent).toContain("die dag bestaat niet");
    expect(evaluation.getAttribute("aria-invalid")).toBe("true");
    const summary = view.querySelector("#error-summary") as HTMLElement;
    expect(summary.hidden).toBe(false);
    expect(summary.textContent).toContain("Evaluatiedatum: die dag bestaat niet");
    (summary.querySelector("a") as HTMLAnchorElement).click();
    expect(document.activeElement).toBe(evaluation);
    evaluation.value = "15-03-2027";
    evaluation.dispatchEvent(new Event("change"));
    expect(plans).toEqual([{ item: 7, evaluation_date: "2027-03-15" }]);
    expect(summary.hidden).toBe(true);
    expect(evaluation.hasAttribute("aria-invalid")).toBe(false);
  });

  it("refuses an empty note with a message on the field and in the summary", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const view = await renderDossier(ctx(fakeApi(fake.api)), "d1", "notities");
    document.body.replaceChildren(view);
    (view.querySelector("#note-text") as HTMLTextAreaElement).value = "   ";
    view.querySelector("form.note-form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.calls.filter((c) => c[0] === "note")).toHaveLength(0);
    expect(view.querySelector("#note-text-error")?.textContent).toBe("Notitie: schrijf eerst iets in het veld.");
    expect(view.querySelector("#error-summary")?.textContent).toContain("Notitie: schrijf eerst iets in het veld.");
    expect(document.activeElement?.id).toBe("error-summary");
  });

  it("offers Word beside PDF, sends only the ticked notes, and exports the plan in three formats", async () => {
    const fake = fakeDossiers([{ ...hostileDossier, notes: [...hostileDossier.notes, { id: 2, text: "Tweede", created_at: "2026-11-21T10:00:00Z" }] }]);
    const reports: [string, string, number[] | undefined][] = [];
    const plans: [string, string][] = [];
    const api = fakeApi({
      ...fake.api,
      reportSave: async (id, format, notes) => {
        reports.push([id, format, notes]);
        return `/home/a/adviesrapport.${format}`;
      },
      planExport: async (id, format) => {
        plans.push([id, format]);
        if (format === "ics") throw { code: "nothing_to_export", message: "dossier d1: geen enkel actiepunt heeft een evaluatiedatum" };
        return format === "csv" ? null : `/home/a/actieplan.${format}`;
      },
    });
    const view = await renderDossier(ctx(api), "d1", "rapport");
    document.body.replaceChildren(view);
    const format = view.querySelector("#report-format") as HTMLSelectElement;
    expect([...format.options].map((o) => o.value)).toEqual(["pdf", "docx", "html", "md"]);
    expect(view.querySelector("#report-notes")?.textContent).toContain("Zonder notities");
    const box = view.querySelector("#note-in-report-2") as HTMLInputElement;
    expect(view.querySelector('label[for="note-in-report-2"]')?.textContent).toBe("In het rapport");
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    expect(view.querySelector("#report-notes")?.textContent).toBe("Met 1 aangevinkte notitie.");
    format.value = "docx";
    view.querySelector<HTMLButtonElement>("#report-save")?.click();
    const status = () => view.querySelector("#dossier-action-status")?.textContent;
    await vi.waitFor(() => expect(status()).toBe("Opgeslagen als /home/a/adviesrapport.docx"));
    expect(reports).toEqual([["d1", "docx", [2]]]);

    view.querySelector<HTMLButtonElement>("#plan-export-xlsx")?.click();
    await vi.waitFor(() => expect(status()).toBe("Geëxporteerd naar /home/a/actieplan.xlsx"));
    view.querySelector<HTMLButtonElement>("#plan-export-csv")?.click();
    await vi.waitFor(() => expect(status()).toBe("Geannuleerd."));
    view.querySelector<HTMLButtonElement>("#plan-export-ics")?.click();
    await vi.waitFor(() => expect(status()).toBe("Dossier d1: geen enkel actiepunt heeft een evaluatiedatum"));
    expect(plans).toEqual([["d1", "xlsx"], ["d1", "csv"], ["d1", "ics"]]);
  });

  it("saves the visit facts once typing pauses, with empty fields left out", async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeDossiers([hostileDossier]);
      const view = await renderDossier(ctx(fakeApi(fake.api)), "d1", "bezoek");
      const dept = view.querySelector("#visit-department") as HTMLInputElement;
      for (const text of ["T", "Te", "Team Noord "]) {
        dept.value = text;
        dept.dispatchEvent(new Event("input"));
      }
      expect(fake.calls.filter((c) => c[0] === "update")).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(500);
      const updates = fake.calls.filter((c) => c[0] === "update");
      expect(updates).toHaveLength(1);
      expect(updates[0][2]).toMatchObject({ department: "Team Noord", contact_name: null, sector: "zorg", visit_date: "2026-11-20" });
      expect(view.querySelector("#save-status")?.textContent).toMatch(/^Opgeslagen om/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("makes the report from the overview in one action, as PDF without notes, and marks the task done", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const saved: unknown[] = [];
    const api = fakeApi({ ...fake.api, reportSave: async (...args) => { saved.push(args); return "/tmp/rapport.pdf"; } });
    const overview = await renderDossier(ctx(api), "d1");
    (overview.querySelector("#report-quick") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(overview.querySelector("#report-quick-status")?.textContent).toBe("Opgeslagen als /tmp/rapport.pdf"));
    expect(saved).toEqual([["d1", "pdf", []]]);
    expect(overview.querySelector('li[data-task="rapport"]')?.getAttribute("data-status")).toBe("klaar");
    expect(overview.querySelectorAll("#dossier-action-status")).toHaveLength(1);
  });

  it("refuses to save a dossier without an organisation name and says why", async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeDossiers([hostileDossier]);
      const view = await renderDossier(ctx(fakeApi(fake.api)), "d1", "bezoek");
      const org = view.querySelector("#visit-org") as HTMLInputElement;
      org.value = "  ";
      org.dispatchEvent(new Event("change"));
      expect(fake.calls.filter((c) => c[0] === "update")).toHaveLength(0);
      expect(view.querySelector("#visit-org-error")?.textContent).toBe("Vul de naam van de organisatie in.");
      expect(view.querySelector("#error-summary")?.textContent).toContain("Vul de naam van de organisatie in.");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("start screen", () => {
  it("lists recent dossiers and the overdue evaluations", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const view = await renderStart(ctx(fakeApi(fake.api)));
    expect(view.querySelector("#recent-dossiers")?.textContent).toContain("Zorg <img");
    expect(view.querySelector("#overdue")?.textContent).toContain("Pilot (evaluatie gepland op 01-01-2020)");
  });

  it("names the program's own version, as the core reports it", async () => {
    const view = await renderStart(ctx());
    expect(view.querySelector("#program-version")?.textContent).toBe("Keuzehulp versie 9.8.7");
  });

  it("shows the catalogue's version, date and publisher, and how many judgements lapsed", async () => {
    const view = await renderStart(ctx(fakeApi(fakeDossiers().api)));
    expect(view.querySelector("#catalogue-version")?.textContent).toBe("Catalogus 2026.1 van 25-11-2026 · uitgegeven door Keuzehulp");
    expect(view.querySelector("#catalogue-lapsed")?.textContent).toBe("Bij 2 interventies is het bewijsoordeel verlopen.");
  });
});

describe("restore screen", () => {
  it("on a damaged database shows the core's message and restores a backup by name after a confirmation", async () => {
    const restored: string[] = [];
    const backup: Backup = { path: "/data/backups/k-2026-11-21T10-00-00Z-dagelijks.sqlite3", file: "k-2026-11-21T10-00-00Z-dagelijks.sqlite3", created_at: "2026-11-21T10:00:00Z", kind: "dagelijks", size: 1_234_567 };
    const api = fakeApi({ backups: async () => [backup], backupRestore: async (file) => { restored.push(file); return backup; } });
    const view = await renderRestore(api, "de database /data/keuzehulp.sqlite3 is beschadigd");
    expect(view.querySelector("[role=alert]")?.textContent).toContain("/data/keuzehulp.sqlite3 is beschadigd");
    expect(view.querySelector("#backup-list")?.textContent).toContain("dagelijks, 1,2 MB");
    (view.querySelector("button.restore") as HTMLButtonElement).click();
    expect(restored).toEqual([]);
    (view.querySelector("button.restore-yes") as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(restored).toEqual([backup.file]);
    expect(view.querySelector("#restore-status")?.textContent).toMatch(/is teruggezet/);
  });
});

describe("questions, review and results", () => {
  const q = (id: string, answer: keyof import("./api").Answers, refinement = false) => ({
    id, prompt: `Vraag ${id}?`, prompt_en: `Question ${id}?`, help: "hulp", help_en: "help", kind: "single" as const, answer, skippable: true, refinement,
    options: [{ value: "a", label: "NL a", label_en: "EN a" }],
  });
  const flowTree: Tree = { entries: [], questions: [q("role", "role"), q("themes", "themes"), q("time", "max_time", true)], worker: [] };
  const rec = (id: string, reasons: string[]) => ({
    id, name: `Naam ${id}`, score: 1, reasons, mismatches: [], levels: ["team"], steps: ["B2"], roles: ["werkgever"], themes: ["werkdruk"],
    sectors: ["zorg"], evidence: "effectief", evidence_lapsed: false, cost: "onbekend", summary: "Eerste zin hier. Tweede zin.", time: "onbekend",
  });

  it("asks one question per page with the question as the heading, skipping what was given and the refinements", () => {
    const c = { ...ctx(), tree: flowTree };
    c.state.given = ["role"];
    const view = renderQuestion(c, 0);
    expect(view.querySelector("h1")?.textContent).toBe("Vraag themes?");
    expect(view.querySelector("#q-caption")?.textContent).toBe("Vraag 1 van 1");
    setLang("en");
    expect(renderQuestion(c, 0).querySelector(".help")?.textContent).toBe("help");
  });

  it("lets the user keep this answer and skip the other questions, straight to the review", () => {
    const c = { ...ctx(), tree: flowTree };
    let went = "";
    c.go = (hash: string) => { went = hash; };
    const view = renderQuestion(c, 0);
    (view.querySelector('input[value="a"]') as HTMLInputElement).checked = true;
    (view.querySelector("#q-skip-rest") as HTMLButtonElement).click();
    expect(went).toBe("#/controleer");
    expect(c.state.answers.role).toBe("a");
    // On the last question there is nothing left to skip.
    expect(renderQuestion(c, 1).querySelector("#q-skip-rest")).toBeNull();
  });

  it("ends with 'Controleer uw antwoorden', each answer with a way to change it", () => {
    const c = { ...ctx(), tree: flowTree };
    c.state.answers = { ...emptyAnswers(), role: "a" };
    const view = renderReview(c);
    expect(view.querySelector("h1")?.textContent).toBe("Controleer uw antwoorden");
    expect([...view.querySelectorAll(".summary-row dd:not(.summary-action)")].map((x) => x.textContent)).toEqual(["NL a", "niet beantwoord"]);
    expect(view.querySelector("#change-role")?.getAttribute("href")).toBe("#/wijzig/role");
    expect(view.querySelector("#change-time")).toBeNull();
  });

  it("shows the results first: a count, cards with tags and the reasons that set them apart, no empty boxes", async () => {
    const recs = [rec("a", ["voor werkgevers", "goed praktijkvoorbeeld"]), rec("b", ["voor werkgevers"]), rec("c", ["voor werkgevers"])];
    const api = fakeApi({ advise: async () => ({ recommendations: recs, advice: [], coverage: null, exact: true, notes: [], user_notes: [] }) });
    const view = await renderResults({ ...ctx(api), tree: flowTree });
    expect(view.querySelector("#results-count")?.textContent).toBe("3 interventies passen bij uw antwoorden");
    const first = view.querySelector('.recommendation[data-id="a"]') as HTMLElement;
    expect(first.querySelector("h3 a")?.getAttribute("href")).toBe("#/interventie/a");
    expect(first.querySelector(".summary")?.textContent).toBe("Eerste zin hier.");
    expect(first.querySelectorAll(".tag")).toHaveLength(3);
    expect([...first.querySelectorAll(".reasons li")].map((x) => x.textContent)).toEqual(["goed praktijkvoorbeeld"]);
    expect(view.querySelector(".advice")).toBeNull();
    expect(view.querySelector("#dossier-bar")).toBeNull();
    expect(view.querySelector("#keep-in-dossier")).not.toBeNull();
    expect((view.querySelector("#filters") as HTMLDetailsElement).open).toBe(false);
    expect(view.querySelector("#refine-time")).not.toBeNull();
  });

  it("answers the worker's 'bij wie' first from the catalogue data, naming its sources, and says so where they say nothing", async () => {
    const view = await renderWorker(ctx());
    expect([...view.querySelectorAll("#worker-people li")].map((li) => li.getAttribute("data-person"))).toEqual(["bedrijfsarts", "huisarts"]);
    const doctor = view.querySelector('li[data-person="bedrijfsarts"]');
    expect(doctor?.querySelector("h2")?.textContent).toBe("Het spreekuur");
    expect([...(doctor?.querySelectorAll("p") ?? [])].map((x) => x.textContent)).toContain("Niet bekend: de kosten.");
    expect(doctor?.textContent).toContain("Bron: De leidraad (NVAB, 2021) — Stap C");
    expect(doctor?.querySelector("a")?.getAttribute("href")).toBe("#/interventie/x");
    const gp = view.querySelector('li[data-person="huisarts"]');
    expect(gp?.textContent).toContain("niet bekend");
    expect(gp?.querySelector(".meta")).toBeNull();
    setLang("en");
    const english = await renderWorker(ctx());
    expect(english.querySelector('li[data-person="bedrijfsarts"] h2')?.textContent).toBe("The consultation hour");
    expect(english.querySelector('li[data-person="huisarts"]')?.textContent).toContain("not known");
  });
});

describe("shortcuts of a visit", () => {
  it("a results card puts a chosen intervention in the plan in one more action, and the plan opens at its first field", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const plans: unknown[] = [];
    const api = fakeApi({ ...fake.api, dossierShortlist: async () => {}, dossierPlan: async (_id, change) => { plans.push(change); return { ...hostileDossier.plan[0], id: 9 }; } });
    const c = ctx(api);
    c.state.dossier = { id: "d1", org: "Zorg" };
    let went = "";
    c.go = (hash: string) => { went = hash; };
    const wrap = addToDossierButton(c, "x", "Werkdruk verminderen") as HTMLElement;
    (wrap.querySelector("button.add-dossier") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(wrap.querySelector(".to-plan-now")).not.toBeNull());
    (wrap.querySelector(".to-plan-now") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(went).toBe("#/dossier/d1/actieplan"));
    expect(plans).toEqual([{ intervention_id: "x", what: "Werkdruk verminderen", status: "gepland" }]);
    expect(takeDossierFocus()).toBe("plan-9-who");
  });

  it("a new dossier starts with today as the visit date", async () => {
    const fake = fakeDossiers();
    const c = ctx(fakeApi(fake.api));
    c.go = () => {};
    const view = await renderDossiers(c, "");
    document.body.replaceChildren(view);
    (view.querySelector("#new-dossier-org") as HTMLInputElement).value = "Ziekenhuis";
    (view.querySelector("#new-dossier-create") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(fake.store.size).toBe(1));
    expect([...fake.store.values()][0].visit_date).toBe(todayIso());
    expect(todayIso(new Date(2027, 2, 5))).toBe("2027-03-05");
  });
});

describe("new dossier form", () => {
  it("an empty name shows the error summary, with a link to the field, and focuses it", async () => {
    const view = await renderDossiers(ctx(), "");
    document.body.replaceChildren(view);
    (view.querySelector("#new-dossier-create") as HTMLButtonElement).click();
    const summary = view.querySelector(".error-summary") as HTMLElement;
    expect(summary.hidden).toBe(false);
    expect(summary.querySelector("a")?.getAttribute("data-field")).toBe("new-dossier-org");
    expect(summary.textContent).toContain("Vul de naam van de organisatie in.");
    expect(document.activeElement).toBe(summary);
    expect(view.querySelector("#new-dossier-org")?.getAttribute("aria-invalid")).toBe("true");
  });
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("catalogue screen", () => {
  const trust = { trusted: [{ name: "Trimbos-instituut", key_id: "ABCDEF0123456789", public_key: "RW...", added_at: "2026-11-01T10:00:00Z", valid_until: "2027-12-31" }], revoked: [] };

  it("shows a pack's diff and signer first, and imports only when asked", async () => {
    const calls: string[] = [];
    const api = fakeApi({
      trustList: async () => trust,
      ownRecords: async () => [],
      packPreview: async () => {
        const trimbos = { kind: "publisher" as const, name: "Trimbos-instituut", version: "2027.1", date: "2027-01-01" };
        return {
          file: "pakket.json", publisher: "Trimbos-instituut", signed: true, version: "2027.1", date: "2027-01-01",
          added: ["nieuw-record"], added_records: [{ id: "nieuw-record", name: "Nieuw record", origin: trimbos }],
          changed: [{ id: "pico", name: "PICO", fields: ["summary", "evidence.level"], from: { ...trimbos, version: "2026.1", date: "2026-01-01" }, to: trimbos }],
          unchanged: 3, refused: [], digest: "ab12",
        };
      },
      packImport: async (digest: string) => {
        calls.push(`import ${digest}`);
        return { added: 1, updated: 1, unchanged: 3, publisher: "Trimbos-instituut" };
      },
    });
    const c = ctx(api);
    const go = vi.fn();
    c.go = go;
    const view = await renderCatalogue(c);
    document.body.replaceChildren(view);
    expect(view.querySelector("#catalogue-edition")?.textContent).toBe("Catalogus 2026.1 van 25-11-2026 · uitgegeven door Keuzehulp");
    expect(view.querySelector("#trust-list")?.textContent).toContain("31-12-2027");
    view.querySelector<HTMLButtonElement>("#pack-choose")?.click();
    await flush();
    expect(view.querySelector("#pack-preview")?.hasAttribute("hidden")).toBe(false);
    expect(view.querySelector("#pack-signed")?.textContent).toContain("Trimbos-instituut");
    expect(view.querySelector("#pack-diff")?.textContent).toContain("nieuw-record");
    expect(view.querySelector("#pack-diff")?.textContent).toContain("pico: summary, evidence.level");
    expect(view.querySelector("#pack-diff")?.textContent).toContain("3 interventies blijven gelijk.");
    expect(calls).toEqual([]);
    view.querySelector<HTMLButtonElement>("#pack-import")?.click();
    await flush();
    expect(calls).toEqual(["import ab12"]);
    expect(go).toHaveBeenCalledWith("#/catalogus");
    expect(c.state.notice).toBe("Geïmporteerd van Trimbos-instituut: 1 nieuw, 1 bijgewerkt.");
  });

  it("shows a refused pack in the error summary and imports nothing", async () => {
    const calls: string[] = [];
    const api = fakeApi({
      trustList: async () => ({ trusted: [], revoked: [] }),
      ownRecords: async () => [],
      packPreview: async () => {
        throw { code: "signature_refused", message: "de handtekening pakket.json.minisig wordt niet aanvaard: onbekende sleutel. Er is niets geïmporteerd." };
      },
      packImport: async () => {
        calls.push("import");
        return { added: 0, updated: 0, unchanged: 0, publisher: null };
      },
    });
    const view = await renderCatalogue(ctx(api));
    document.body.replaceChildren(view);
    view.querySelector<HTMLButtonElement>("#pack-choose")?.click();
    await flush();
    const problem = view.querySelector("#pack-problem");
    expect(problem?.hasAttribute("hidden")).toBe(false);
    expect(problem?.textContent).toContain("Er is een probleem");
    expect(problem?.textContent).toContain("wordt niet aanvaard");
    expect(view.querySelector("#pack-import")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("puts the core's problems with an own intervention on their fields and in the summary", async () => {
    const saved: Intervention[] = [];
    const api = fakeApi({
      ownRecords: async () => [],
      ownSave: async (r) => {
        saved.push(r);
        return r.summary ? { id: r.id, problems: [] } : { id: null, problems: [{ field: "summary", message: "is leeg" }, { field: "sources[0].section", message: "is leeg" }] };
      },
    });
    const c = ctx(api);
    const view = await renderOwnForm(c);
    document.body.replaceChildren(view);
    const name = view.querySelector<HTMLInputElement>("#own-name");
    if (!name) throw new Error("no name field");
    name.value = "Koffie-overleg";
    name.dispatchEvent(new Event("input"));
    expect(view.querySelector<HTMLInputElement>("#own-id")?.value).toBe("koffie-overleg");
    view.querySelector<HTMLFormElement>("#own-form")?.requestSubmit();
    await flush();
    expect(saved[0].benefits).toBeNull();
    expect(saved[0].last_reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const summary = view.querySelector("#error-summary");
    expect(summary?.hasAttribute("hidden")).toBe(false);
    expect([...(summary?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href"))).toEqual(["#own-summary", "#own-sources-section"]);
    expect(view.querySelector("#own-summary-error")?.textContent).toBe("Fout: is leeg");
    expect(view.querySelector("#own-summary")?.getAttribute("aria-invalid")).toBe("true");
    const summaryField = view.querySelector<HTMLTextAreaElement>("#own-summary");
    if (summaryField) summaryField.value = "Een kort overleg";
    view.querySelector<HTMLFormElement>("#own-form")?.requestSubmit();
    await flush();
    expect(saved[1].summary).toBe("Een kort overleg");
    expect(c.state.notice).toBe("Koffie-overleg is opgeslagen als eigen interventie.");
  });

  it("edits an own intervention in place: the id stays, every known fact is kept", async () => {
    const own: Intervention = { ...record, id: "eigen-x", name: "Eigen X", evidence: { ...record.evidence, assessed_on: "2024-03", scheme: "uitgever", valid_until: "2027-01-31" } };
    const calls: [Intervention, boolean][] = [];
    const api = fakeApi({
      ownRecords: async () => [own],
      ownSave: async (r, isNew) => {
        calls.push([r, isNew]);
        return { id: r.id, problems: [] };
      },
    });
    const view = await renderOwnForm(ctx(api), "eigen-x");
    document.body.replaceChildren(view);
    const id = view.querySelector<HTMLInputElement>("#own-id");
    expect(id?.value).toBe("eigen-x");
    expect(id?.hasAttribute("readonly")).toBe(true);
    expect(view.querySelector<HTMLInputElement>("#own-evidence-assessed_on")?.value).toBe("03-2024");
    expect(view.querySelector<HTMLInputElement>("#own-evidence-valid_until")?.value).toBe("31-01-2027");
    view.querySelector<HTMLFormElement>("#own-form")?.requestSubmit();
    await flush();
    const [saved, isNew] = calls[0];
    expect(isNew).toBe(false);
    expect(saved.evidence).toEqual({ level: "effectief", basis: "Effect op klachten", references: ["Ketelaar et al. (2013)"], assessed_on: "2024-03", valid_until: "2027-01-31", scheme: "uitgever" });
    expect(saved.sources).toEqual(record.sources);
    expect(saved.involves).toBe("Iets doen");
  });

  it("offers to edit an own intervention from its detail page, and only an own one", async () => {
    const own = { ...record, origin: { kind: "eigen" as const, name: "eigen", version: null, date: "2026-11-26" } };
    const view = await renderDetail(ctx(fakeApi({ intervention: async () => own })), "x");
    expect(view.querySelector("#detail-own-edit")?.getAttribute("href")).toBe("#/catalogus/eigen/x");
    const bundled = { ...record, origin: { kind: "bundled" as const, name: "Keuzehulp", version: "2026.1", date: "2026-11-25" } };
    const other = await renderDetail(ctx(fakeApi({ intervention: async () => bundled })), "x");
    expect(other.querySelector("#detail-own-edit")).toBeNull();
  });
});
