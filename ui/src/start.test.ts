import { describe, expect, it } from "vitest";
import type { Api, CatalogueSummary } from "./api";
import { countText, showStart } from "./start";

const summary: CatalogueSummary = {
  count: 2,
  version: "2026-11-22+abcd1234",
  matrix: [
    { level: "individu", cells: [{ step: "A", count: 0 }, { step: "D", count: 2 }] },
    { level: "team", cells: [{ step: "A", count: 1 }, { step: "D", count: 0 }] },
  ],
};

describe("start screen", () => {
  it("says how many interventions the catalogue holds, in Dutch", () => {
    expect(countText(1)).toBe("1 interventie in de catalogus");
    expect(countText(58)).toBe("58 interventies in de catalogus");
  });

  it("shows the count and the level × step matrix from the core", async () => {
    const root = document.createElement("main");
    const api: Api = { catalogueSummary: async () => summary };
    await showStart(root, api);
    expect(root.querySelector("#catalogue-count")?.textContent).toBe("2 interventies in de catalogus");
    const rows = [...root.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ["Individu", "0", "2"],
      ["Team", "1", "0"],
    ]);
  });

  it("shows a core error as readable text, not a blank screen", async () => {
    const root = document.createElement("main");
    const api: Api = {
      catalogueSummary: async () => {
        throw { code: "data_dir", message: "de gegevensmap /x is niet bruikbaar: <b>geen</b> rechten" };
      },
    };
    await showStart(root, api);
    const alert = root.querySelector("[role=alert]");
    expect(alert?.textContent).toContain("de gegevensmap /x is niet bruikbaar: <b>geen</b> rechten");
    expect(root.querySelector("b")).toBeNull();
  });
});
