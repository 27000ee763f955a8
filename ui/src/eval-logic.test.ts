import { beforeEach, describe, expect, it } from "vitest";
import { barShare, coreProblems, nextToEvaluate, parseEvalRoute, typedNumber } from "./eval-logic";
import { setLang } from "./i18n";
import { parseRoute } from "./logic";
import { hostileDossier } from "./test/fake-api";
import { fieldId } from "./views/evaluate/form.svelte";

beforeEach(() => setLang("nl"));

describe("the evaluation loop's addresses", () => {
  it("reads the traject, an item's evaluation and the measurement, and leaves the dossier's tasks alone", () => {
    expect(parseRoute("#/dossier/d%201/evaluatie/7")).toEqual({ name: "evaluate", id: "d 1", item: 7 });
    expect(parseRoute("#/dossier/d1/traject")).toEqual({ name: "traject", id: "d1" });
    expect(parseRoute("#/dossier/d1/meting")).toEqual({ name: "measure", id: "d1" });
    expect(parseRoute("#/dossier/d1/actieplan")).toEqual({ name: "dossier", id: "d1", task: "actieplan" });
    // An item that is no number is no evaluation: the dossier's overview.
    expect(parseRoute("#/dossier/d1/evaluatie/zeven")).toEqual({ name: "dossier", id: "d1" });
    expect(parseEvalRoute(["dossiers", "d1", "traject"])).toBeNull();
  });
});

describe("what is typed", () => {
  it("reads a decimal comma, and tells an empty field from one that is no number", () => {
    expect(typedNumber(" 4,5 ")).toBe(4.5);
    expect(typedNumber("12")).toBe(12);
    expect(typedNumber("")).toBeNull();
    expect(typedNumber("vier")).toBeNaN();
    expect(typedNumber("4,5,1")).toBeNaN();
  });

  it("puts each of the core's problems on its field, an indicator's period on its first day", () => {
    const message =
      "de evaluatie is niet opgeslagen (2 problemen); er is niets veranderd:\n  reached: 9 bereikt van 8 kan niet\n  indicators[1].after_period: de periode loopt achteruit";
    const problems = coreProblems(message, "carried_out");
    expect(problems.map((p) => fieldId(p.field))).toEqual(["ev-reached", "ev-ind-1-after_period-from"]);
    expect(problems[0].message).toBe("9 bereikt van 8 kan niet");
    expect(fieldId("indicators[0].before_period.to")).toBe("ev-ind-0-before_period-to");
    // A message without field lines is one problem, on the field given.
    expect(coreProblems("er is geen dossier met id x", "responded")).toEqual([
      { field: "responded", message: "er is geen dossier met id x" },
    ]);
  });
});

describe("the chart and the next item", () => {
  it("draws a bar on the scale's full width, never past its ends", () => {
    expect(barShare(3, 1, 5)).toBe(0.5);
    expect(barShare(7, 1, 5)).toBe(1);
    expect(barShare(0, 1, 5)).toBe(0);
    expect(barShare(3, 5, 5)).toBe(0);
  });

  it("offers the next due item that has no evaluation yet, not one carried on to a later visit", () => {
    const item = hostileDossier.plan[0];
    const d = {
      ...hostileDossier,
      plan: [
        item,
        { ...item, id: 8, carried_to: "d2" },
        { ...item, id: 9, evaluation_date: "2099-01-01" },
        { ...item, id: 10 },
        { ...item, id: 11 },
      ],
      evaluations: [],
    };
    expect(nextToEvaluate(d, 7, "2026-11-22")?.id).toBe(10);
    expect(nextToEvaluate({ ...d, plan: [item] }, 7, "2026-11-22")).toBeUndefined();
  });
});
