import { beforeEach, describe, expect, it } from "vitest";
import type { Api, Intervention, Taxonomy, Tree } from "./api";
import type { Ctx } from "./app";
import { errorView } from "./app";
import { lang, setLang, t } from "./i18n";
import { emptyAnswers } from "./logic";
import { detailView } from "./views/detail";
import { renderSearch } from "./views/search";

const term = (id: string) => ({ id, label: `NL ${id}`, label_en: `EN ${id}` });
const taxonomy: Taxonomy = {
  levels: ["individu", "team", "organisatie"].map(term), steps: ["A", "B1", "B2", "C", "D"].map(term),
  roles: ["werkgever"].map(term), themes: ["werkdruk"].map(term), sectors: ["zorg"].map(term), risk_groups: [],
  evidence_levels: ["effectief", "onbekend"].map(term), kinds: ["methode"].map(term), cost_classes: ["onbekend"].map(term),
  time_classes: ["onbekend"].map(term), documents: [{ id: "leidraad", file: "x", title: "De leidraad", publisher: "NVAB", year: "2021" }],
};
const tree: Tree = { entries: [], questions: [] };
const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const record: Intervention = {
  id: "x", name: `Naam ${hostile}`, aliases: [], kind: "methode", summary: hostile, benefits: null, involves: "Iets doen",
  time: null, time_class: "onbekend", cost: null, cost_class: "onbekend", privacy: null, developed_by: null, url: "javascript:alert(1)",
  levels: ["team"], steps: ["B2"], roles: ["werkgever"], themes: ["werkdruk"], sectors: ["zorg"], risk_groups: [],
  evidence: { level: "effectief", basis: "Effect op klachten", references: ["Ketelaar et al. (2013)"] },
  sources: [{ document: "leidraad", section: "Stap D" }], last_reviewed: "2026-11-22",
};

function fakeApi(overrides: Partial<Api> = {}): Api {
  return {
    catalogueSummary: async () => ({ count: 1, version: "v", matrix: [] }),
    taxonomy: async () => taxonomy,
    tree: async () => tree,
    search: async (query) => ({
      query, total: 1, terms: [], nearest: [], facets: { level: { team: 1 } },
      hits: [{ id: "x", name: "Werkdruk verminderen", score: 1, levels: ["team"], steps: ["B2"], summary: "Minder werkdruk", matched: ["werkdruk", "Werkdruk"] }],
    }),
    intervention: async () => record,
    advise: async () => ({ recommendations: [], advice: [], coverage: null, exact: true, notes: [] }),
    ...overrides,
  };
}

function ctx(api: Api = fakeApi()): Ctx {
  return { api, taxonomy, tree, state: { answers: emptyAnswers(), compare: [] }, main: document.createElement("main"), go: () => {}, refreshHeader: () => {}, openUrl: async () => {} };
}

beforeEach(() => setLang("nl"));

describe("detail page", () => {
  it("shows every field, unknown ones as 'niet bekend', never hidden", () => {
    const view = detailView(ctx(), record);
    const text = view.textContent ?? "";
    for (const heading of ["Wat je eraan hebt", "Wat het inhoudt", "Hoeveel tijd het kost", "Kosten", "Privacy", "Bewijs", "Ontwikkeld door"]) {
      expect(text).toContain(heading);
    }
    expect(text.match(/niet bekend/g)?.length).toBeGreaterThanOrEqual(5);
    expect(view.querySelector("#evidence")?.textContent).toContain("Ketelaar et al. (2013)");
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
      search: async (query) => ({ query, total: 0, terms: [], facets: {}, hits: [], nearest: [{ id: "n", name: "Dichtbij", score: 1, levels: [], steps: [], summary: "", matched: [] }] }),
    });
    const view = await renderSearch(ctx(api), "xyz", {});
    expect(view.querySelector("#search-status")?.textContent).toBe("Niets gevonden voor “xyz”.");
    expect(view.textContent).toContain("Dichtbij");
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
  it("shows a core error as a readable message with what to do", () => {
    const view = errorView({ code: "data_dir", message: "de gegevensmap /x is niet bruikbaar" });
    expect(view.getAttribute("role")).toBe("alert");
    expect(view.textContent).toContain("de gegevensmap /x is niet bruikbaar");
    expect(view.textContent).toContain("Probeer het opnieuw");
  });
});
