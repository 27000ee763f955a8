import { describe, expect, it } from "vitest";
import type { PlanItem, Question, Recommendation } from "./api";
import {
  answerValues,
  applyEntry,
  applyFacets,
  askedQuestions,
  firstSentence,
  fitCounts,
  distinctReasons,
  dossierHash,
  emptyAnswers,
  givenFields,
  facetCounts,
  highlightParts,
  nextHash,
  parseRoute,
  previousHash,
  searchHash,
  setAnswer,
  toggleCompare,
  overdueAcross,
  toggleHave,
  visitInfo,
} from "./logic";

const rec = (id: string, levels: string[], steps: string[], evidence = "onbekend"): Recommendation => ({
  id,
  name: id,
  score: 1,
  reasons: ["r"],
  reasons_en: ["r"],
  mismatches: [],
  mismatches_en: [],
  levels,
  steps,
  roles: ["werkgever"],
  themes: ["werkdruk"],
  sectors: ["zorg"],
  evidence,
  evidence_lapsed: false,
  cost: "onbekend",
  summary: "",
  time: "onbekend",
});

describe("routes", () => {
  it("parses every screen and falls back to the start screen", () => {
    expect(parseRoute("#/")).toEqual({ name: "start" });
    expect(parseRoute("#/vraag/3")).toEqual({ name: "question", index: 3 });
    expect(parseRoute("#/vraag/-2")).toEqual({ name: "question", index: 0 });
    expect(parseRoute("#/resultaten")).toEqual({ name: "results" });
    expect(parseRoute("#/interventie/pico")).toEqual({ name: "detail", id: "pico" });
    expect(parseRoute("#/vergelijk")).toEqual({ name: "compare" });
    expect(parseRoute("#/onzin")).toEqual({ name: "start" });
    expect(parseRoute("#main")).toEqual({ name: "start" });
  });

  it("round-trips a search with filters", () => {
    const hash = searchHash("pesten & zo", { level: "team", step: undefined });
    expect(parseRoute(hash)).toEqual({ name: "search", query: "pesten & zo", filters: { level: "team" } });
  });
});

describe("the question flow", () => {
  const single: Question = {
    id: "role",
    prompt: "Wie?",
    prompt_en: "Who?",
    help: "",
    help_en: "",
    kind: "single",
    answer: "role",
    skippable: true,
    refinement: false,
    options: [],
  };
  const multi: Question = {
    id: "step",
    prompt: "Stap?",
    prompt_en: "Step?",
    help: "",
    help_en: "",
    kind: "multi",
    answer: "steps",
    skippable: true,
    refinement: false,
    options: [],
  };
  const yesNo: Question = {
    id: "free",
    prompt: "Gratis?",
    prompt_en: "Free?",
    help: "",
    help_en: "",
    kind: "yes-no",
    answer: "free",
    skippable: true,
    refinement: true,
    options: [],
  };

  it("presets answers from a way in, still changeable", () => {
    const a = applyEntry({
      id: "werkstress-team",
      question: "",
      question_en: "",
      help: "",
      help_en: "",
      presets: { role: "leidinggevende", level: "team", steps: ["B2"] },
    });
    expect(a.role).toBe("leidinggevende");
    expect(a.steps).toEqual(["B2"]);
    const changed = setAnswer(a, single, ["werkgever"]);
    expect(changed.role).toBe("werkgever");
    expect(a.role).toBe("leidinggevende");
  });

  it("stores single, multi and yes/no answers, and skipping clears them", () => {
    let a = emptyAnswers();
    a = setAnswer(a, multi, ["B1", "C"]);
    a = setAnswer(a, yesNo, ["ja"]);
    expect(answerValues(a, multi)).toEqual(["B1", "C"]);
    expect(a.free).toBe(true);
    a = setAnswer(a, multi, []);
    a = setAnswer(a, yesNo, []);
    expect(a.steps).toEqual([]);
    expect(a.free).toBe(false);
  });

  it("does not ask again what the way in or the dossier gave, nor the refinements", () => {
    const entry = {
      id: "werkstress-team",
      question: "",
      question_en: "",
      help: "",
      help_en: "",
      presets: { role: "leidinggevende", level: "team", steps: ["B2"] },
    };
    const sector: Question = { ...single, id: "sector", answer: "sector" };
    expect(givenFields(entry)).toEqual(["role", "level", "steps"]);
    expect(givenFields(undefined, "zorg")).toEqual(["sector"]);
    expect(askedQuestions([single, multi, sector, yesNo], givenFields(entry)).map((q) => q.id)).toEqual(["sector"]);
    expect(askedQuestions([single, multi, sector, yesNo], givenFields(entry, "zorg"))).toEqual([]);
    expect(askedQuestions([single, multi, sector, yesNo], []).map((q) => q.id)).toEqual(["role", "step", "sector"]);
  });

  it("shows on a card the reasons that set it apart, not what every card shares", () => {
    const mk = (id: string, reasons: string[]) => ({ ...rec(id, ["team"], ["B2"]), reasons });
    const list = [
      mk("a", ["voor leidinggevenden", "goed praktijkvoorbeeld in de leidraad"]),
      mk("b", ["voor leidinggevenden", "thema: werkdruk"]),
      mk("c", ["voor leidinggevenden"]),
      mk("d", ["voor leidinggevenden", "thema: werkdruk"]),
    ];
    expect(distinctReasons(list, list[0])).toEqual(["goed praktijkvoorbeeld in de leidraad"]);
    expect(distinctReasons(list, list[1])).toEqual(["thema: werkdruk"]);
    // Nothing sets it apart: the first reason, so a card is never without one.
    expect(distinctReasons(list, list[2])).toEqual(["voor leidinggevenden"]);
    // In English: the same reasons, chosen by the Dutch ones, in English words.
    const en = { ...list[1], reasons_en: ["for team leaders", "theme: workload"] };
    expect(distinctReasons([list[0], en, list[2], list[3]], en, 2, undefined, true)).toEqual(["theme: workload"]);
  });

  it("always shows first what a conversation said, though the whole list shares it", () => {
    const heard = "uit het teamgesprek: regelmogelijkheden 2 van 5";
    const mk = (id: string, reasons: string[]) => ({ id, reasons }) as unknown as Recommendation;
    const list = [
      mk("a", ["thema: werkdruk", heard, "kosteloos"]),
      mk("b", [heard]),
      mk("c", [heard, "thema: werkdruk"]),
    ];
    const signal = {
      guide: "team",
      named: "het teamgesprek",
      named_en: "the team conversation",
      theme: "regelmogelijkheden",
      label: "regelmogelijkheden",
      label_en: "autonomy",
    };
    const answers = {
      ...emptyAnswers(),
      signals: [{ ...signal, themes: [], level: "team", steps: [], rating: 2, max: 5 }],
    };
    expect(distinctReasons(list, list[0], 2, answers)).toEqual([heard, "kosteloos"]);
    expect(distinctReasons(list, list[1], 2, answers)).toEqual([heard]);
    // Without the conversation among the answers, a reason every card shares is left out.
    expect(distinctReasons(list, list[0])).toEqual(["kosteloos"]);
  });

  it("goes forward to the review after the last question and back to the start before the first", () => {
    expect(nextHash(0, 3)).toBe("#/vraag/1");
    expect(nextHash(2, 3)).toBe("#/controleer");
    expect(previousHash(0)).toBe("#/");
    expect(previousHash(2)).toBe("#/vraag/1");
  });
});

describe("facets on the results page", () => {
  const list = [
    rec("a", ["team"], ["B2"], "effectief"),
    rec("b", ["team", "organisatie"], ["C"]),
    rec("c", ["individu"], ["B2"]),
  ];

  it("filters by every chosen value", () => {
    expect(applyFacets(list, { level: "team" }).map((r) => r.id)).toEqual(["a", "b"]);
    expect(applyFacets(list, { level: "team", step: "B2" }).map((r) => r.id)).toEqual(["a"]);
  });

  it("counts each value as the other chosen facets leave the list", () => {
    const counts = facetCounts(list, { step: "B2" });
    expect(counts.level).toEqual({ team: 1, individu: 1 });
    expect(counts.step).toEqual({ B2: 2, C: 1 });
    expect(counts.evidence).toEqual({ effectief: 1, onbekend: 1 });
  });
});

describe("highlighting", () => {
  it("marks whole matched words only, case-insensitively", () => {
    const parts = highlightParts("Pesten en pestgedrag aanpakken; pesten.", ["pesten"]);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["Pesten", "pesten"]);
    expect(parts.map((p) => p.text).join("")).toBe("Pesten en pestgedrag aanpakken; pesten.");
  });

  it("keeps text as it is when nothing matched", () => {
    expect(highlightParts("<script>x</script>", [])).toEqual([{ text: "<script>x</script>", mark: false }]);
  });
});

describe("compare", () => {
  it("holds at most four and toggles", () => {
    let state = toggleCompare([], "a");
    state = toggleCompare(state.list, "b");
    expect(state.list).toEqual(["a", "b"]);
    expect(toggleCompare(state.list, "a").list).toEqual(["b"]);
    const full = toggleCompare(["a", "b", "c", "d"], "e");
    expect(full).toEqual({ list: ["a", "b", "c", "d"], full: true });
  });
});

describe("dossier logic", () => {
  it("routes to the dossier list and to one dossier", () => {
    expect(parseRoute("#/dossiers?q=zorg")).toEqual({ name: "dossiers", query: "zorg" });
    expect(parseRoute("#/dossier/ab%2Fc")).toEqual({ name: "dossier", id: "ab/c" });
    expect(parseRoute("#/dossier")).toEqual({ name: "dossiers", query: "" });
    expect(parseRoute("#/dossier/d1/actieplan")).toEqual({ name: "dossier", id: "d1", task: "actieplan" });
    expect(parseRoute("#/dossier/d1/onzin")).toEqual({ name: "dossier", id: "d1" });
    expect(dossierHash("d1", "rapport")).toBe("#/dossier/d1/rapport");
  });

  it("builds visit facts from a form: trimmed, empty fields null, the name required by the caller", () => {
    expect(visitInfo({ org: "  Zorggroep ", department: " ", visit_date: "2026-11-22" })).toEqual({
      org: "Zorggroep",
      sector: null,
      size_band: null,
      department: null,
      visit_date: "2026-11-22",
      contact_name: null,
      contact_role: null,
      professional: null,
    });
  });

  it("lists overdue evaluations over all dossiers, the oldest first", () => {
    const item = (id: number, date: string): PlanItem => ({
      id,
      intervention_id: "pico",
      what: `w${id}`,
      who: "",
      start_date: null,
      evaluation_date: date,
      evaluation_method: "",
      status: "lopend",
    });
    const d = (id: string, dates: string[]) => ({
      id,
      org: id,
      sector: null,
      department: null,
      visit_date: null,
      updated_at: "",
      notes: 0,
      shortlist: 0,
      overdue: dates.map((x, i) => item(i, x)),
    });
    const out = overdueAcross([d("a", ["2026-03-01"]), d("b", ["2025-01-01", "2026-01-01"])]);
    expect(out.map((x) => `${x.dossier.id}:${x.item.evaluation_date}`)).toEqual([
      "b:2025-01-01",
      "b:2026-01-01",
      "a:2026-03-01",
    ]);
  });

  it("marks and unmarks what the organisation already offers without touching other answers", () => {
    const a = { ...emptyAnswers(), steps: ["B2"] };
    const on = toggleHave(a, "pico");
    expect(on.have).toEqual(["pico"]);
    expect(a.have).toEqual([]);
    expect(toggleHave(on, "pico").have).toEqual([]);
    expect(on.steps).toEqual(["B2"]);
  });
});

describe("cards", () => {
  it("take the first sentence of a summary, not an abbreviation's full stop", () => {
    expect(firstSentence("Zorgverleners minder tijd laten kwijtraken. Samen met meer regels.")).toBe(
      "Zorgverleners minder tijd laten kwijtraken.",
    );
    expect(firstSentence("Een training o.a. voor teams, bijv. in de zorg. Daarna meer.")).toBe(
      "Een training o.a. voor teams, bijv. in de zorg.",
    );
    expect(firstSentence("Geen punt aan het eind")).toBe("Geen punt aan het eind");
  });
});

describe("the second round's helpers", () => {
  it("counts what fits fully and what only partly", () => {
    const r = (id: string, mismatches: string[]) => ({ id, mismatches }) as unknown as Recommendation;
    expect(fitCounts([r("a", []), r("b", ["niet voor medewerkers"]), r("c", [])])).toEqual({ full: 2, partly: 1 });
  });

  it("goes back from the first question to where the questions were started", () => {
    expect(previousHash(0, "#/dossier/d1/bezoek")).toBe("#/dossier/d1/bezoek");
    expect(previousHash(1, "#/dossier/d1/bezoek")).toBe("#/vraag/0");
  });
});
