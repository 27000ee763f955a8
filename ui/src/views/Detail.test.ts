import { beforeEach, describe, expect, it } from "vitest";
import type { Intervention } from "../api";
import { setLang } from "../i18n";
import { fakeApi, record } from "../test/fake-api";
import { $, makeStore, reset, show } from "../test/render";

beforeEach(reset);

const detail = (r: Intervention) =>
  show(makeStore(fakeApi({ intervention: async () => r })).store, `#/interventie/${r.id}`);

describe("detail page", () => {
  it("shows every known fact on its own row and folds the unknown ones into one line, never hidden", async () => {
    const view = await detail(record);
    for (const heading of ["Wat het inhoudt", "Bewijs"]) expect(view.textContent).toContain(heading);
    expect($(view, "#detail-unknown").textContent).toBe(
      "wat u eraan hebt, hoeveel tijd het kost, kosten, privacy, ontwikkeld door",
    );
    expect([...view.querySelectorAll("dt")].map((x) => x.textContent)).toContain("Niet bekend");
    expect($(view, "#evidence").textContent).toContain("Ketelaar et al. (2013)");
  });

  it("names where the record came from and a lapsed judgement in words", async () => {
    const lapsed: Intervention = {
      ...record,
      evidence: {
        ...record.evidence,
        assessed_on: "2019",
        scheme: "uitgever",
        lapsed: true,
        lapsed_because: "bewijs beoordeeld in 2019; ouder dan vijf jaar",
      },
      origin: { kind: "publisher", name: "Trimbos-instituut", version: "1.0", date: "2026-11-01" },
    };
    const view = await detail(lapsed);
    expect($(view, "#evidence-assessed").textContent?.trim()).toBe("Beoordeeld: 2019 (door: NL uitgever)");
    expect($(view, "#evidence-lapsed").textContent).toBe(
      "Let op: beoordeling verlopen (bewijs beoordeeld in 2019; ouder dan vijf jaar). Wat de bron zegt, staat hierboven; als bewijs telt het niet meer.",
    );
    expect(view.querySelector("#evidence-undated")).toBeNull();
    expect($(view, "#detail-origin").textContent).toBe(
      "Uitgever Trimbos-instituut (ondertekend pakket 1.0 · 01-11-2026)",
    );
    const own = await detail({ ...record, origin: { kind: "eigen", name: "eigen", version: null, date: null } });
    expect(own.querySelector("#evidence-lapsed")).toBeNull();
    expect($(own, "#detail-origin").textContent).toBe("Eigen interventie (niet ondertekend)");
    const undated = await detail({
      ...record,
      evidence: { ...record.evidence, assessed_on: undefined, valid_until: undefined },
    });
    expect($(undated, "#evidence-undated").textContent).toBe(
      "Let op: deze beoordeling heeft geen datum; ze telt daarom het minst zwaar mee.",
    );
    setLang("en");
    expect($(await detail(lapsed), "#evidence-lapsed").textContent).toBe(
      "Note: judgement lapsed (in Dutch: bewijs beoordeeld in 2019; ouder dan vijf jaar). What the source says is shown above; it no longer counts as evidence.",
    );
  });

  it("renders hostile catalogue text as text: no element, no script, no javascript: link", async () => {
    const view = await detail(record);
    expect(view.querySelector("img, script")).toBeNull();
    expect($(view, "h1").textContent).toContain("<img src=x");
    expect(view.querySelector('a[href^="javascript"]')).toBeNull();
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("offers to edit an own intervention from its detail page, and only an own one", async () => {
    const own = await detail({
      ...record,
      origin: { kind: "eigen", name: "eigen", version: null, date: "2026-11-26" },
    });
    expect($(own, "#detail-own-edit").getAttribute("href")).toBe("#/catalogus/eigen/x");
    const bundled = await detail({
      ...record,
      origin: { kind: "bundled", name: "Keuzehulp", version: "2026.1", date: "2026-11-25" },
    });
    expect(bundled.querySelector("#detail-own-edit")).toBeNull();
  });

  it("says once, in English, that the catalogue is in Dutch", async () => {
    expect((await detail(record)).querySelector("#catalogue-language")).toBeNull();
    setLang("en");
    expect($(await detail(record), "#catalogue-language").textContent).toBe("The catalogue is in Dutch.");
  });
});
