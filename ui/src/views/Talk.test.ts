import { beforeEach, describe, expect, it } from "vitest";
import type { Api, Guide, GuideTheme, Signal, TalkInput, TalkSummary } from "../api";
import { fakeApi, fakeDossiers, hostileDossier } from "../test/fake-api";
import { $, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

const source = [{ document: "tno", section: "Gespreksleidraad" }];
const theme = (id: string, label: string, questions: string[]): GuideTheme => ({
  id,
  label,
  label_en: `EN ${label}`,
  short: label.toLowerCase(),
  short_en: label.toLowerCase(),
  taxonomy: ["werkdruk"],
  level: "team",
  steps: ["B2"],
  questions: questions.map((q) => ({
    id: `${id}-${q}`,
    text: `Vraag ${q} over ${label}?`,
    text_en: `Question ${q} on ${label}?`,
    follow_up: [`Doorvragen ${q}`],
    follow_up_en: [`Follow up ${q}`],
    sources: source,
  })),
});
const guide = (id: string, over: Partial<Guide> = {}): Guide => ({
  id,
  title: `Gids ${id}`,
  title_en: `Guide ${id}`,
  audience: "Het team",
  audience_en: "The team",
  intro: ["Zo leidt u het gesprek."],
  intro_en: ["How to lead it."],
  rules: [],
  rules_en: [],
  rating_question: "Hoe gaat het hier nu mee?",
  rating_question_en: "How is it going here now?",
  rating_low: "slecht",
  rating_low_en: "badly",
  rating_high: "goed",
  rating_high_en: "well",
  group: true,
  confidential_by_default: false,
  named: "het teamgesprek",
  named_en: "the team conversation",
  sources: source,
  themes: [theme("werkdruk", "Werkdruk", ["a", "b"]), theme("regelmogelijkheden", "Regelmogelijkheden", ["a", "b"])],
  ...over,
});
const guides = {
  references: [],
  guides: [
    guide("team"),
    guide("medewerker", {
      group: false,
      confidential_by_default: true,
      rules: ["Geen medische gegevens: noteer geen ziekte of diagnose."],
      rules_en: ["No medical details."],
      named: "het gesprek met een medewerker",
    }),
  ],
};
const signal: Signal = {
  guide: "team",
  named: "het teamgesprek",
  named_en: "the team conversation",
  theme: "regelmogelijkheden",
  label: "regelmogelijkheden",
  label_en: "autonomy",
  themes: ["werkdruk"],
  level: "team",
  steps: ["B2"],
  rating: 2,
  max: 5,
};

/** The dossier half of the core, with conversations: every `dossierTalk` recorded. */
function talkStore(overrides: Partial<Api> = {}) {
  const fake = fakeDossiers([{ ...hostileDossier, conversations: [] }]);
  const talked: TalkInput[] = [];
  const api = fakeApi({
    ...fake.api,
    conversationGuides: async () => guides,
    dossierTalk: async (id, input) => {
      talked.push(JSON.parse(JSON.stringify(input)) as TalkInput);
      const d = fake.store.get(id)!;
      d.answers = { ...d.answers, themes: ["werkdruk"], signals: [signal] };
      return { id, conversation: {} as never, replaced: false, low: [signal], answers: d.answers };
    },
    talkSummary: async () => ({ conversations: [], comparisons: [], low: [] }),
    ...overrides,
  });
  return { ...makeStore(api), fake, talked };
}

/** Clicks `css` and shows where the screen went (the same screen when it stayed). */
async function press(store: ReturnType<typeof makeStore>["store"], view: HTMLElement, css: string) {
  const before = store.hash;
  $<HTMLButtonElement>(view, css).click();
  await settle();
  return store.hash === before ? view : show(store, store.hash);
}

describe("conversations", () => {
  it("are started from the dossier's task list, one row per guide", async () => {
    const { store } = talkStore();
    const overview = await show(store, "#/dossier/d1");
    const rows = [...overview.querySelectorAll("#talk-list li")].map((li) => li.querySelector("a")!);
    expect(rows.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Teamgesprek", "#/gesprek/d1/team"],
      ["Gesprek met de leidinggevende", "#/gesprek/d1/leidinggevende"],
      ["Gesprek met een medewerker", "#/gesprek/d1/medewerker"],
    ]);
    // The dossier's own six tasks are unchanged.
    expect(overview.querySelectorAll("#task-list li")).toHaveLength(6);
  });

  it("asks one question per screen with progress, skips and goes back keeping what was typed, and saves it all at once", async () => {
    const { store, went, talked } = talkStore();
    let view = await show(store, "#/gesprek/d1/team");
    // The number present is required for a group conversation.
    view = await press(store, view, "#talk-begin");
    expect($(view, "#error-summary").textContent).toContain("aantal aanwezigen");
    expect(went).toEqual([]);
    type($(view, "#talk-present"), "6");
    view = await press(store, view, "#talk-begin");
    expect(went).toEqual(["#/gesprek/d1/team/0"]);
    expect($(view, "#q-caption").textContent).toBe("Werkdruk · Vraag 1 van 4");
    expect($(view, "#q-title").textContent).toBe("Vraag a over Werkdruk?");
    expect($(view, ".follow-up").textContent).toContain("Doorvragen a");
    type($(view, "#talk-note"), "Veel piekdrukte");
    view = await press(store, view, "#q-next");
    expect($(view, "#q-caption").textContent).toBe("Werkdruk · Vraag 2 van 4");
    type($(view, "#talk-note"), "wordt overgeslagen");
    view = await press(store, view, "#q-skip");
    // The theme's rating after its questions.
    expect($(view, "#q-caption").textContent).toBe("Werkdruk · Thema 1 van 2");
    $<HTMLInputElement>(view, "#talk-rating-3").click();
    view = await press(store, view, "#q-back");
    expect(went.at(-1)).toBe("#/gesprek/d1/team/1");
    expect($<HTMLTextAreaElement>(view, "#talk-note").value).toBe("");
    view = await press(store, view, "#q-back");
    expect($<HTMLTextAreaElement>(view, "#talk-note").value).toBe("Veel piekdrukte");
    view = await press(store, view, "#q-next");
    view = await press(store, view, "#q-next");
    expect($<HTMLInputElement>(view, "#talk-rating-3").checked).toBe(true);
    view = await press(store, view, "#q-next");
    // The second theme: both questions skipped, rated 2 with a note.
    view = await press(store, view, "#q-skip");
    view = await press(store, view, "#q-skip");
    expect($(view, "#q-caption").textContent).toBe("Regelmogelijkheden · Thema 2 van 2");
    $<HTMLInputElement>(view, "#talk-rating-2").click();
    type($(view, "#talk-note"), "Rooster ligt vast");
    view = await press(store, view, "#q-next");
    expect(went.at(-1)).toBe("#/gesprek/d1/team/controleer");
    expect($(view, "[data-theme=regelmogelijkheden] .talk-rating").textContent).toBe("2 van 5");
    expect(talked).toEqual([]);
    view = await press(store, view, "#talk-save");
    expect(talked).toEqual([
      {
        guide: "team",
        date: "2026-11-20",
        present: 6,
        themes: [
          {
            theme: "werkdruk",
            confidential: false,
            rating: 3,
            questions: [{ question: "werkdruk-a", note: "Veel piekdrukte", confidential: false }],
          },
          { theme: "regelmogelijkheden", confidential: false, rating: 2, note: "Rooster ligt vast" },
        ],
      },
    ]);
    expect(went.at(-1)).toBe("#/gesprek/d1");
    expect($(view, "#talk-notice").textContent).toBe("Teamgesprek is opgeslagen in het dossier.");
    expect(store.talk).toBeUndefined();
  });

  it("goes on to a theme's rating once the group has said what matters, leaving its other questions unasked", async () => {
    const { store, went } = talkStore();
    let view = await show(store, "#/gesprek/d1/team");
    type($(view, "#talk-present"), "3");
    view = await press(store, view, "#talk-begin");
    type($(view, "#talk-note"), "Te veel tegelijk");
    view = await press(store, view, "#q-to-rating");
    expect(went.at(-1)).toBe("#/gesprek/d1/team/2");
    expect($(view, "#q-caption").textContent).toBe("Werkdruk · Thema 1 van 2");
    // The rating screen has no such link; the theme's last question neither.
    expect(view.querySelector("#q-to-rating")).toBeNull();
    expect(store.talk?.themes.werkdruk.questions["werkdruk-a"]).toBe("Te veel tegelijk");
    view = await press(store, view, "#q-back");
    expect(view.querySelector("#q-to-rating")).toBeNull();
  });

  it("shows the worker conversation's rule on every screen and marks its notes confidential", async () => {
    const { store, talked } = talkStore();
    let view = await show(store, "#/gesprek/d1/medewerker");
    expect(view.querySelector("#talk-present")).toBeNull();
    expect($(view, "#guide-rules").textContent).toContain("Geen medische gegevens");
    view = await press(store, view, "#talk-begin");
    for (let i = 0; i < 6; i += 1) {
      expect($(view, "#guide-rules").textContent).toContain("Geen medische gegevens");
      expect($<HTMLInputElement>(view, "#talk-note-secret").checked).toBe(true);
      if (i === 0) {
        type($(view, "#talk-note"), "Slaapt slecht door de diensten");
        expect($(view, "#talk-note-confidential").textContent).toBe("Vertrouwelijk");
      }
      view = await press(store, view, "#q-next");
    }
    expect($(view, "#guide-rules").textContent).toContain("Geen medische gegevens");
    expect($(view, "[data-theme=werkdruk] .tag").textContent).toBe("Vertrouwelijk");
    await press(store, view, "#talk-save");
    expect(talked[0].present).toBeUndefined();
    expect(talked[0].themes).toEqual([
      {
        theme: "werkdruk",
        confidential: true,
        questions: [{ question: "werkdruk-a", note: "Slaapt slecht door de diensten", confidential: true }],
      },
    ]);
  });

  it("says why nothing was stored when the core refuses the answers, and keeps them", async () => {
    const refusal = { code: "invalid_answers", message: "de gespreksantwoorden zijn niet opgeslagen: themes[0].note" };
    const { store, went } = talkStore({
      dossierTalk: async () => {
        throw refusal;
      },
    });
    let view = await show(store, "#/gesprek/d1/team");
    type($(view, "#talk-present"), "4");
    $<HTMLInputElement>(view, "#talk-mode-after").click();
    view = await press(store, view, "#talk-begin");
    // Typing in afterwards: one form per theme.
    expect(went.at(-1)).toBe("#/gesprek/d1/team/thema-0");
    $<HTMLInputElement>(view, "#talk-rating-1").click();
    type($(view, "#talk-q-1"), "Te veel administratie");
    view = await press(store, view, "#q-next");
    view = await press(store, view, "#q-next");
    view = await press(store, view, "#talk-save");
    expect($(view, "#talk-problem").hidden).toBe(false);
    expect($(view, "#talk-problem").textContent).toContain("De gespreksantwoorden zijn niet opgeslagen");
    expect(document.activeElement?.id).toBe("talk-problem");
    expect(store.talk?.themes.werkdruk.questions["werkdruk-b"]).toBe("Te veel administratie");
  });

  it("offers the printable sheet of the guide's questions", async () => {
    const printed: [string, string][] = [];
    const { store } = talkStore({
      conversationSheetSave: async (g, format) => {
        printed.push([g, format]);
        return "/tmp/teamgesprek.pdf";
      },
    });
    const view = await show(store, "#/gesprek/d1/team");
    $<HTMLButtonElement>(view, "#talk-sheet").click();
    await settle();
    expect(printed).toEqual([["team", "pdf"]]);
    expect($(view, "#talk-sheet-status").textContent).toContain("/tmp/teamgesprek.pdf");
  });
});

describe("confidential conversation notes in the report", () => {
  it("are listed on the report task and go into the report only when ticked", async () => {
    const saved: unknown[][] = [];
    const note = (id: number, text: string, confidential: boolean) => ({ id, text, confidential });
    const fake = fakeDossiers([
      {
        ...hostileDossier,
        conversations: [
          {
            id: 1,
            guide: "medewerker",
            date: "2026-11-20",
            present: null,
            measurement: null,
            created_at: "2026-11-20T10:00:00Z",
            themes: [
              {
                theme: "werkdruk",
                rating: null,
                note: note(11, "Voelt zich opgejaagd", true),
                questions: [{ question: "werkdruk-a", note: note(12, "Wil minder avonddiensten", true) }],
              },
              { theme: "regelmogelijkheden", rating: 4, note: note(13, "Open notitie", false), questions: [] },
            ],
          },
        ],
      },
    ]);
    const { store } = makeStore(
      fakeApi({ ...fake.api, reportSave: async (...args) => (saved.push(args), "/tmp/rapport.pdf") }),
    );
    const view = await show(store, "#/dossier/d1/rapport");
    const listed = [...view.querySelectorAll("#report-talk-notes .note-text")].map((p) => p.textContent);
    expect(listed).toEqual(["Voelt zich opgejaagd", "Wil minder avonddiensten"]);
    $<HTMLButtonElement>(view, "#report-save").click();
    await settle();
    const tick = $<HTMLInputElement>(view, "#talk-note-in-report-12");
    tick.checked = true;
    tick.dispatchEvent(new Event("change", { bubbles: true }));
    $<HTMLButtonElement>(view, "#report-save").click();
    await settle();
    expect(saved).toEqual([
      ["d1", "pdf", [], []],
      ["d1", "pdf", [], [12]],
    ]);
  });
});

describe("conversation outcomes", () => {
  const rated = (theme: string, label: string, rating: number | null) => ({
    theme,
    label,
    label_en: label,
    rating,
    low: rating !== null && rating <= 2,
  });
  const summary: TalkSummary = {
    conversations: [
      {
        id: 1,
        guide: "team",
        title: "Teamgesprek",
        title_en: "Team conversation",
        date: "2026-11-20",
        present: 6,
        measured: true,
        ratings: [rated("werkdruk", "Werkdruk", 4), rated("regelmogelijkheden", "Regelmogelijkheden", 2)],
        notes: [],
      },
    ],
    comparisons: [
      {
        guide: "leidinggevende",
        date: "2026-11-21",
        with: "team",
        with_date: "2026-11-20",
        rows: [
          {
            theme: "regelmogelijkheden",
            label: "regelmogelijkheden",
            label_en: "control",
            rating: 5,
            with_rating: 2,
            difference: 3,
          },
          { theme: "werkdruk", label: "werkdruk", label_en: "workload", rating: 4, with_rating: 4, difference: 0 },
        ],
        largest: ["regelmogelijkheden"],
      },
    ],
    low: [signal],
  };

  it("draws the ratings as a chart with the same figures in a table behind it", async () => {
    const { store } = talkStore({ talkSummary: async () => summary });
    const view = await show(store, "#/gesprek/d1");
    const bars = [...view.querySelectorAll("#talk-1-chart-svg rect")].map((r) => [
      r.getAttribute("data-theme"),
      r.getAttribute("data-rating"),
      r.classList.contains("low"),
    ]);
    // A low rating is drawn in the attention colour.
    expect(bars).toEqual([
      ["werkdruk", "4", false],
      ["regelmogelijkheden", "2", true],
    ]);
    expect($(view, "#talk-1-chart-svg").getAttribute("role")).toBe("img");
    const rows = [...view.querySelectorAll("#talk-1-chart-table tbody tr")].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ["Werkdruk", "4 van 5"],
      ["Regelmogelijkheden", "2 van 5"],
    ]);
    expect($(view, "#talk-differ-largest").textContent).toBe("Het grootste verschil: regelmogelijkheden.");
    expect($(view, "#talk-differ-table tbody tr.largest th").textContent).toBe("regelmogelijkheden");
    expect($(view, "#talk-low").textContent).toBe("regelmogelijkheden: 2 van 5 (uit het teamgesprek)");
  });

  it("names the low themes and the conversation in English on the English interface", async () => {
    const { store } = talkStore({ talkSummary: async () => summary });
    store.setLang("en");
    const view = await show(store, "#/gesprek/d1");
    expect($(view, "#talk-low").textContent).toBe("autonomy: 2 of 5 (from the team conversation)");
    store.setLang("nl");
  });

  it("opens the advice on the themes rated 1 or 2, as the dossier's answers", async () => {
    const { store, went, fake } = talkStore({ talkSummary: async () => summary });
    fake.store.get("d1")!.answers = { steps: ["B2"], themes: ["werkdruk"], free: false, have: [], signals: [signal] };
    const view = await show(store, "#/gesprek/d1");
    $<HTMLButtonElement>(view, "#talk-advice").click();
    await settle();
    expect(went).toEqual(["#/resultaten"]);
    expect(store.answers.signals).toEqual([signal]);
    expect(store.answers.sector).toBe("zorg");
    expect(store.dossier?.id).toBe("d1");
  });

  it("says so when no conversation is entered yet", async () => {
    const { store } = talkStore();
    const view = await show(store, "#/gesprek/d1");
    expect($(view, "#talk-none").textContent).toBe("Er is nog geen gesprek ingevoerd.");
    expect(view.querySelector("#talk-advice")).toBeNull();
  });
});
