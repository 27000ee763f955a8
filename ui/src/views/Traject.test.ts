import { beforeEach, describe, expect, it } from "vitest";
import { setLang } from "../i18n";
import { fakeApi, fakeDossiers, fakeEvaluation, hostileDossier, record } from "../test/fake-api";
import { $, makeStore, reset, settle, show } from "../test/render";

beforeEach(reset);

function traject() {
  const fake = fakeDossiers([hostileDossier]);
  return { ...makeStore(fakeApi({ ...fake.api, ...fakeEvaluation(fake) })), fake };
}

describe("before and after", () => {
  it("draws the chart for the eye and gives screen readers the same in a table", async () => {
    const { store } = traject();
    const view = await show(store, "#/dossier/d1/traject");
    const svg = $(view, "#traject-chart svg");
    expect(svg.getAttribute("aria-hidden")).toBe("true");
    expect(svg.querySelectorAll("rect.bar-before, rect.bar-after")).toHaveLength(4);
    const rows = [...view.querySelectorAll("#traject-chart-table tr")].map((tr) =>
      [...tr.children].map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ["Thema of schaal", "Nulmeting", "Hermeting", "Verandering"],
      ["Werkdruk (het teamgesprek)", "2 op 01-03-2026 (n = 12)", "3,5 op 20-11-2026 (n = 11)", "beter (+1,5)"],
    ]);
    expect($(view, "#traject-chart-table caption").textContent).toContain("Nulmeting en hermeting");
  });
});

describe("traject", () => {
  it("marks the action points and makes the follow-up visit with the open ones carried over", async () => {
    const { store, went, fake } = traject();
    const view = await show(store, "#/dossier/d1/traject");
    expect($(view, '#traject-plan li[data-item="7"] .tag').textContent).toBe("nieuw");
    expect($(view, '#traject-plan li[data-item="7"] a').getAttribute("href")).toBe("#/dossier/d1/evaluatie/7");
    $<HTMLButtonElement>(view, "#follow-up").click();
    await settle();
    expect(fake.calls).toContainEqual(["follow-up", "d1"]);
    expect(went.at(-1)).toBe("#/dossier/d9/traject");
    const next = await show(store, "#/dossier/d9/traject");
    expect($(next, "#traject-notice").textContent).toBe(
      "Vervolgbezoek gemaakt: 1 actiepunt overgenomen, 0 afgesloten.",
    );
    expect($(next, '#traject-plan li[data-item="7"] .tag').textContent).toBe("overgenomen");
  });
});

describe("practice beside the evidence label", () => {
  it("shows the own practice next to the label on the detail page, the label itself unchanged", async () => {
    const fake = fakeDossiers();
    const { store } = makeStore(fakeApi({ ...fake.api, ...fakeEvaluation(fake), intervention: async () => record }));
    const view = await show(store, "#/interventie/x");
    expect($(view, "#detail-practice").textContent).toBe("Eigen praktijk: 3 keer ingezet, 2 keer werkte");
    expect($(view, "#evidence strong").textContent).toBe("NL effectief");
    setLang("en");
    const en = await show(store, "#/interventie/x");
    expect($(en, "#detail-practice").textContent).toBe("Own practice: used 3 times, worked 2 times");
  });

  it("shows it on a result card beside the evidence tag, and nothing for one never chosen here", async () => {
    const practiced = {
      id: "x",
      own: {
        trajecten: 3,
        chosen: 3,
        evaluated: 2,
        verdicts: { werkte: 2, onduidelijk: 0, "werkte-niet": 0, "niet-uitgevoerd": 0 },
      },
      text: "Eigen praktijk: 3 keer ingezet, 2 keer werkte",
    };
    const rec = (id: string, practice?: typeof practiced) => ({
      ...{ id, name: id, score: 1, reasons: [], reasons_en: [], mismatches: [], mismatches_en: [] },
      ...{ levels: [], steps: [], roles: [], themes: [] },
      ...{
        sectors: [],
        summary: "",
        time: "onbekend",
        evidence: "effectief",
        evidence_lapsed: false,
        cost: "onbekend",
      },
      ...(practice ? { practice } : {}),
    });
    const advise = async () => ({
      recommendations: [rec("x", practiced), rec("y")],
      ...{ advice: [], coverage: null, exact: true, notes: [], notes_en: [], user_notes: [], user_notes_en: [] },
    });
    const { store } = makeStore(fakeApi({ advise }));
    const view = await show(store, "#/resultaten");
    const card = $(view, '.recommendation[data-id="x"] .tags');
    expect($(card, ".evidence").textContent).toBe("NL effectief");
    expect($(card, ".practice").textContent).toBe("Eigen praktijk: 3 keer ingezet, 2 keer werkte");
    expect(view.querySelector('.recommendation[data-id="y"] .practice')).toBeNull();
  });
});

describe("follow-up visit from the dossier", () => {
  it("is offered on the dossier's overview beside the link to its traject", async () => {
    const { store, went } = traject();
    const view = await show(store, "#/dossier/d1");
    expect($(view, "#dossier-traject").getAttribute("href")).toBe("#/dossier/d1/traject");
    $<HTMLButtonElement>(view, "#follow-up").click();
    await settle();
    expect(went.at(-1)).toBe("#/dossier/d9/traject");
  });
});
