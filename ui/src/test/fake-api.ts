// The test double of the core and the screens' data: a taxonomy, a tree, a record and a
// dossier with hostile text in every field, and the dossier half of the core in memory.
import type {
  Api,
  Change,
  Dossier,
  DossierSummary,
  EvaluationInput,
  Evaluation,
  InstrumentView,
  Intervention,
  Proposal,
  Taxonomy,
  Tree,
} from "../api";
import { emptyAnswers } from "../logic";

export const term = (id: string) => ({ id, label: `NL ${id}`, label_en: `EN ${id}` });
export const taxonomy: Taxonomy = {
  levels: ["individu", "team", "organisatie"].map(term),
  steps: ["A", "B1", "B2", "C", "D"].map(term),
  roles: ["werkgever"].map(term),
  themes: ["werkdruk"].map(term),
  sectors: ["zorg"].map(term),
  risk_groups: [],
  evidence_levels: ["effectief", "onbekend"].map(term),
  evidence_schemes: ["uitgever", "onbekend"].map(term),
  kinds: ["methode"].map(term),
  cost_classes: ["onbekend"].map(term),
  time_classes: ["onbekend"].map(term),
  documents: [{ id: "leidraad", file: "x", title: "De leidraad", publisher: "NVAB", year: "2021" }],
};
export const tree: Tree = {
  entries: [],
  questions: [],
  worker: [
    {
      id: "bedrijfsarts",
      who: "Het spreekuur",
      who_en: "The consultation hour",
      record: "x",
      text: ["Een open spreekuur.", "Niet bekend: de kosten."],
      text_en: ["An open hour.", "Not known: the cost."],
      sources: [
        { document: "leidraad", section: "Stap C" },
        { document: "web", section: "113 Zelfmoordpreventie, www.113.nl", url: "https://www.113.nl" },
      ],
    },
    {
      id: "huisarts",
      who: "De huisarts",
      who_en: "Your GP",
      text: ["De bronnen beschrijven de huisarts niet; niet bekend."],
      text_en: ["The sources do not describe the GP; not known."],
      sources: [],
    },
  ],
};
export const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
export const record: Intervention = {
  id: "x",
  name: `Naam ${hostile}`,
  aliases: [],
  kind: "methode",
  summary: hostile,
  benefits: null,
  involves: "Iets doen",
  time: null,
  time_class: "onbekend",
  cost: null,
  cost_class: "onbekend",
  privacy: null,
  developed_by: null,
  url: "javascript:alert(1)",
  levels: ["team"],
  steps: ["B2"],
  roles: ["werkgever"],
  themes: ["werkdruk"],
  sectors: ["zorg"],
  risk_groups: [],
  evidence: { level: "effectief", basis: "Effect op klachten", references: ["Ketelaar et al. (2013)"] },
  sources: [{ document: "leidraad", section: "Stap D" }],
  last_reviewed: "2026-11-22",
};

/** The dossier half of the core, in memory; `calls` records every write. */
/** What crosses to the core and back is JSON (as Tauri's IPC sends it). */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function fakeDossiers(seed: Dossier[] = []) {
  const store = new Map(seed.map((d) => [d.id, json(d)]));
  const calls: [string, ...unknown[]][] = [];
  /** Dossiers in the trash: id → when deleted. */
  const trash = new Map<string, string>();
  const get = (id: string) => {
    const d = store.get(id);
    if (!d) throw { code: "unknown_dossier", message: `er is geen dossier met id "${id}"` };
    return d;
  };
  const summary = (d: Dossier, overdue = d.plan.filter((p) => p.evaluation_date === "2020-01-01")): DossierSummary => ({
    id: d.id,
    org: d.org,
    sector: d.sector ?? null,
    department: d.department ?? null,
    visit_date: d.visit_date ?? null,
    updated_at: d.updated_at,
    notes: d.notes.length,
    shortlist: d.shortlist.length,
    overdue,
  });
  const missing = async (): Promise<never> => {
    throw { code: "test", message: "not in this fake" };
  };
  const api: Pick<
    Api,
    Exclude<keyof Api, "catalogueSummary" | "taxonomy" | "tree" | "search" | "intervention" | "advise">
  > = {
    dossierShortlist: missing,
    dossierUnshortlist: missing,
    dossierPlan: missing,
    dossierDuplicate: missing,
    dossierExport: missing,
    dossierImport: missing,
    reportSave: missing,
    planExport: missing,
    backups: async () => [],
    backupCreate: missing,
    backupRestore: missing,
    unlock: missing,
    encryptionStatus: async () => false,
    encryptionSet: missing,
    packPreview: missing,
    packImport: missing,
    catalogueRemove: missing,
    trustList: missing,
    trustAdd: missing,
    trustRemove: missing,
    updateFrom: missing,
    ownRecords: missing,
    ownSave: missing,
    ownExport: missing,
    openUrl: async () => {},
    conversationGuides: missing,
    dossierTalk: missing,
    dossierUntalk: missing,
    talkSummary: missing,
    conversationSheetSave: missing,
    instruments: missing,
    dossierMeasure: missing,
    dossierMeasureFile: missing,
    dossierUnmeasure: missing,
    dossierFollowUp: missing,
    traject: missing,
    beforeAfter: missing,
    evaluationDraft: missing,
    dossierEvaluate: missing,
    evaluationAdvice: missing,
    practice: missing,
    shareExport: missing,
    shareImport: missing,
    shareImportFile: missing,
    dossiers: async () => [...store.values()].filter((d) => !trash.has(d.id)).map((d) => summary(d)),
    dossierDelete: async (id) => {
      calls.push(["delete", id]);
      get(id);
      trash.set(id, "2026-11-22T11:00:00Z");
    },
    dossierTrash: async () =>
      [...trash.entries()].map(([id, deleted_at]) => {
        const d = get(id);
        return {
          id,
          org: d.org,
          sector: d.sector ?? null,
          department: d.department ?? null,
          visit_date: d.visit_date ?? null,
          deleted_at,
          erased_on: "2026-12-22",
          notes: d.notes.length,
        };
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
      return {
        cleaned: ["a.sqlite3", "b.sqlite3"],
        failed: [{ file: "c.sqlite3", reason: "de reservekopie is beschadigd" }],
        removed: [],
        wal_pending: false,
      };
    },
    dossier: async (id) => json(get(id)),
    dossierNew: async (info) => {
      const id = `d${store.size + 1}`;
      store.set(id, {
        ...info,
        id,
        answers: emptyAnswers(),
        shortlist: [],
        notes: [],
        plan: [],
        created_at: "2026-11-22T10:00:00Z",
        updated_at: "2026-11-22T10:00:00Z",
        revision: 1,
      });
      return id;
    },
    dossierUpdate: async (id, info) => {
      calls.push(["update", id, info]);
      Object.assign(get(id), json(info));
    },
    dossierNote: async (id, text) => {
      calls.push(["note", id, text]);
      const note = { id: get(id).notes.length + 1, text, created_at: "2026-11-22T10:05:00Z" };
      get(id).notes.push(note);
      return note;
    },
    dossierAnswer: async (id, answers) => {
      calls.push(["answer", id, answers]);
      get(id).answers = json(answers);
    },
  };
  // The interventions colleagues' packs (read in by `shareImport`) name.
  const sharedPractice: string[] = [];
  return { api, calls, store, sharedPractice };
}

export const hostileDossier: Dossier = {
  id: "d1",
  org: `Zorg ${hostile}`,
  sector: "zorg",
  department: null,
  visit_date: "2026-11-20",
  contact_name: null,
  contact_role: null,
  professional: null,
  size_band: null,
  answers: { ...emptyAnswers(), have: [] },
  shortlist: [{ intervention_id: "x", why: hostile, added_at: "2026-11-22T10:00:00Z" }],
  notes: [{ id: 1, text: hostile, created_at: "2026-11-21T09:00:00Z" }],
  plan: [
    {
      id: 7,
      intervention_id: "x",
      what: "Pilot",
      who: "Teamleider",
      start_date: "2019-10-01",
      evaluation_date: "2020-01-01",
      evaluation_method: "Gesprek",
      status: "lopend",
    },
  ],
  created_at: "2026-11-20T10:00:00Z",
  updated_at: "2026-11-21T09:00:00Z",
  revision: 3,
};

export function fakeApi(overrides: Partial<Api> = {}): Api {
  return {
    ...fakeDossiers().api,
    catalogueSummary: async () => ({
      count: 1,
      version: "2026.1",
      program_version: "9.8.7",
      date: "2026-11-25",
      publisher: "Keuzehulp",
      imported: 0,
      lapsed: 2,
      matrix: [],
    }),
    taxonomy: async () => taxonomy,
    tree: async () => tree,
    search: async (query) => ({
      query,
      total: 1,
      terms: [],
      nearest: [],
      facets: { level: { team: 1 } },
      cut: [],
      suggestion: null,
      hits: [
        {
          id: "x",
          name: "Werkdruk verminderen",
          score: 1,
          levels: ["team"],
          steps: ["B2"],
          summary: "Minder werkdruk",
          matched: ["werkdruk", "Werkdruk"],
          via: [],
        },
      ],
    }),
    intervention: async () => record,
    advise: async () => ({
      recommendations: [],
      advice: [],
      coverage: null,
      exact: true,
      notes: [],
      notes_en: [],
      user_notes: [],
      user_notes_en: [],
    }),
    ...overrides,
  };
}

// The evaluation loop (issue 29): a before-and-after, a questionnaire definition, and the
// core's evaluation, measurement, traject and practice calls in memory over `fakeDossiers`.
export const change: Change = {
  kind: "gesprek",
  source: "team",
  source_name: "het teamgesprek",
  source_name_en: "the team conversation",
  key: "werkdruk",
  label: "Werkdruk",
  label_en: "Workload",
  themes: ["werkdruk"],
  scale: { min: 1, max: 5, higher_is_better: true },
  before: { date: "2026-03-01", value: 2, n: 12, past_cutoff: null },
  after: { date: "2026-11-20", value: 3.5, n: 11, past_cutoff: null },
  difference: 1.5,
  direction: "beter",
};

export const instrument: InstrumentView = {
  origin: { kind: "bundled" },
  id: "teamthermometer",
  name: "Teamthermometer (Keuzehulp)",
  name_en: "Team thermometer (Keuzehulp)",
  version: "1",
  about: "Hoe het team ervoor staat",
  about_en: "How the team is doing",
  rights_holder: "Keuzehulp",
  licence: "vrij te gebruiken",
  items_included: false,
  response: { min: 1, max: 5, low: "slecht", low_en: "bad", high: "goed", high_en: "good" },
  scoring: "gemiddelde",
  scales: [
    {
      id: "werkdruk",
      label: "Werkdruk",
      label_en: "Workload",
      themes: ["werkdruk"],
      higher_is_better: true,
      items: [],
    },
    { id: "steun", label: "Steun", label_en: "Support", themes: ["werkdruk"], higher_is_better: true, items: [] },
  ],
  cutoffs: [
    {
      scale: "werkdruk",
      value: 2,
      meaning: "veel werkdruk",
      meaning_en: "high workload",
      source: "s",
      section: "p. 1",
    },
  ],
  sources: [],
};

/** The proposal the fake core makes: none with a changed team, else from carried out. */
function fakeProposal(input: EvaluationInput): Proposal {
  if (input.team_changed)
    return {
      verdict: null,
      why: ["geen conclusie mogelijk: het team is sinds de nulmeting sterk veranderd"],
      why_en: ["no conclusion possible: the team has changed a lot since the baseline"],
    };
  if (input.carried_out === "nee") return { verdict: "niet-uitgevoerd", why: ["het actiepunt is niet uitgevoerd"] };
  return { verdict: "werkte", why: ["werkdruk ging van 2 naar 3,5 (n = 12 en 11)"] };
}

export function fakeEvaluation(fake: ReturnType<typeof fakeDossiers>): Partial<Api> {
  const { store, calls } = fake;
  const item = (id: string, n: number) => {
    const found = store.get(id)?.plan.find((p) => p.id === n);
    if (!found)
      throw { code: "invalid_evaluation", message: `de evaluatie is niet opgeslagen (1 probleem)\n  item: geen ${n}` };
    return found;
  };
  return {
    evaluationDraft: async (id, input) => ({
      item: json(item(id, input.item)),
      intervention: "Werkdruk verminderen",
      proposal: fakeProposal(input),
      changes: [change],
      earlier: [],
    }),
    dossierEvaluate: async (id, input) => {
      calls.push(["evaluate", id, json(input)]);
      const proposal = fakeProposal(input);
      if (input.verdict !== proposal.verdict && !input.reason)
        throw {
          code: "invalid_evaluation",
          message:
            "de evaluatie is niet opgeslagen (1 probleem); er is niets veranderd:\n  reason: geef een reden: uw oordeel wijkt af van het voorstel",
        };
      const evaluation: Evaluation = {
        ...{ id: 1, item: input.item, date: "2026-11-22", carried_out: input.carried_out },
        ...{ reached: input.reached ?? null, reach_of: input.reach_of ?? null, team_says: input.team_says ?? null },
        ...{ team_changed: !!input.team_changed, indicators: [], proposal, verdict: input.verdict },
        ...{ reason: input.reason ?? null, created_at: "2026-11-22T10:00:00Z" },
      };
      const d = store.get(id);
      if (d) d.evaluations = [...(d.evaluations ?? []), evaluation];
      return { id, evaluation, replaced: false, status: "afgerond", changes: [change] };
    },
    evaluationAdvice: async () => ({
      signals: [],
      answers: { ...emptyAnswers(), themes: ["werkdruk"], steps: ["B2"] },
      advice: {
        recommendations: [],
        advice: [],
        coverage: null,
        exact: true,
        notes: [],
        notes_en: [],
        user_notes: [],
        user_notes_en: [],
      },
    }),
    instruments: async () => [instrument],
    dossierMeasure: async (id, input) => {
      calls.push(["measure", id, json(input)]);
      if (input.responded < 10)
        throw {
          code: "too_few_respondents",
          message: `${input.scale}: ${input.responded} respondenten is te weinig: Keuzehulp bewaart alleen teamcijfers van ten minste 10 mensen, zodat niemand erin te herkennen is. Er is niets opgeslagen.`,
        };
      const low = input.invited && input.responded / input.invited < 0.3;
      return {
        id,
        measurement: {
          ...{ id: 1, kind: "instrument", source: input.instrument, date: input.date ?? "2026-11-22" },
          ...{ scale: { min: 1, max: 5, higher_is_better: true }, n: input.responded },
          values: [{ key: input.scale ?? "", value: input.mean }],
        },
        scales: [input.scale ?? ""],
        replaced: false,
        warnings: low
          ? [`lage respons: ${input.responded} van ${input.invited}; de uitkomst zegt misschien weinig`]
          : [],
      };
    },
    dossierMeasureFile: async (id, instrument, invited, date) => {
      calls.push(["measure-file", id, instrument, invited, date]);
      return {
        id,
        measurement: {
          ...{ id: 2, kind: "instrument", source: instrument, date: date ?? "2026-11-22" },
          ...{ scale: { min: 1, max: 5, higher_is_better: true }, n: 12, invited },
          values: [
            { key: "werkdruk", value: 3.1 },
            { key: "steun", value: 3.8 },
          ],
        },
        scales: ["werkdruk", "steun"],
        replaced: false,
        warnings: [],
        scored: { rows: 14, counted: 12 },
      };
    },
    beforeAfter: async () => [change],
    traject: async (id) => {
      const d = store.get(id);
      return {
        traject: d?.traject ?? null,
        visits: [{ id, visit_date: d?.visit_date ?? null, department: null, follows: d?.follows ?? null }],
        plan: (d?.plan ?? []).map((p) => ({ mark: p.carried_from ? "overgenomen" : "nieuw", item: json(p) })),
        measurements: [],
      };
    },
    dossierFollowUp: async (id) => {
      calls.push(["follow-up", id]);
      const d = json(store.get(id) as Dossier);
      const plan = d.plan.map((p) => ({ ...p, carried_from: { dossier: id, item: p.id } }));
      store.set("d9", { ...d, id: "d9", plan, traject: id, follows: id, evaluations: [] });
      return { id: "d9", traject: id, follows: id, carried_over: plan, closed: [], measurements: [] };
    },
    practice: async (id) => [
      {
        id: id ?? "x",
        own: {
          trajecten: 3,
          chosen: 3,
          evaluated: 2,
          verdicts: { werkte: 2, onduidelijk: 0, "werkte-niet": 0, "niet-uitgevoerd": 0 },
        },
        text: "Eigen praktijk: 3 keer ingezet, 2 keer werkte",
        ...(fake.sharedPractice.includes(id ?? "x") ? sharedPractice : {}),
      },
      ...(id ? [] : fake.sharedPractice.map((p) => ({ id: p, own: noPractice, text: "", ...sharedPractice }))),
    ],
    shareExport: async (since, sign) => {
      calls.push(["share-export", since, sign]);
      return {
        path: "/tmp/praktijk-2026-11-22.json",
        records: 4,
        trajecten: 3,
        signature: sign ? "/tmp/x.minisig" : null,
      };
    },
    shareImport: async (from) => {
      calls.push(["share-import", from]);
      if (!from.startsWith("/"))
        throw { code: "invalid_input", message: `${from}: geen map of webadres (begin met https://)` };
      fake.sharedPractice.push("pico");
      return [{ file: "praktijk-utrecht.json", publisher: "Arbodienst Utrecht", records: 5, added: 5, replaced: 0 }];
    },
    shareImportFile: async () => {
      calls.push(["share-import-file"]);
      throw {
        code: "signature_refused",
        message:
          "praktijk.json is niet ondertekend; praktijk van collega's telt alleen mee als een vertrouwde sleutel het pakket ondertekende",
      };
    },
  };
}

const noPractice = {
  trajecten: 0,
  chosen: 0,
  evaluated: 0,
  verdicts: { werkte: 0, onduidelijk: 0, "werkte-niet": 0, "niet-uitgevoerd": 0 },
};

/** What a colleague's pack says of an intervention. */
const sharedPractice = {
  shared: {
    ...noPractice,
    trajecten: 4,
    chosen: 4,
    evaluated: 4,
    verdicts: { ...noPractice.verdicts, werkte: 3, onduidelijk: 1 },
  },
  shared_text: "Praktijk in onze arbodienst (4 trajecten): 4 keer ingezet, 3 keer werkte, 1 keer onduidelijk",
};
