import { beforeEach, describe, expect, it } from "vitest";
import type { Intervention } from "../api";
import { fakeApi, record } from "../test/fake-api";
import { $, makeStore, reset, settle, show } from "../test/render";

beforeEach(reset);

function compared(...records: Intervention[]) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const { store } = makeStore(fakeApi({ intervention: async (id) => byId.get(id) ?? record }));
  store.compare = records.map((r) => r.id);
  return store;
}

describe("compare table", () => {
  it("folds a fact unknown for every record into one line and marks a cell unknown for one record", async () => {
    const other: Intervention = { ...record, id: "y", name: "Ander", time: "Twee uur" };
    const view = await show(compared(record, other), "#/vergelijk");
    const rows = [...view.querySelectorAll("tbody tr")];
    const heads = rows.map((r) => r.querySelector("th")?.textContent);
    for (const folded of ["Wat u eraan hebt", "Kosten", "Privacy", "Ontwikkeld door"])
      expect(heads).not.toContain(folded);
    expect($(view, "#compare-unknown td").textContent).toBe("wat u eraan hebt, kosten, privacy, ontwikkeld door");
    expect($(view, "#compare-unknown td").getAttribute("colspan")).toBe("2");
    const time = rows.find((r) => r.querySelector("th")?.textContent === "Hoeveel tijd het kost");
    const cells = [...(time?.querySelectorAll("td") ?? [])];
    expect(cells.map((c) => c.textContent)).toEqual(["niet bekend", "Twee uur"]);
    expect(cells.map((c) => c.classList.contains("unknown"))).toEqual([true, false]);
    expect(view.querySelectorAll("td.unknown")).toHaveLength(1);
    expect(view.querySelector("script, img")).toBeNull();
  });

  it("has no 'niet bekend' line when every fact is known for some record", async () => {
    const full: Intervention = {
      ...record,
      id: "z",
      benefits: "Rust",
      time: "1 uur",
      cost: "Gratis",
      privacy: "Anoniem",
      developed_by: ["TNO"],
    };
    expect((await show(compared(record, full), "#/vergelijk")).querySelector("#compare-unknown")).toBeNull();
  });

  it("asks for two records when fewer are chosen", async () => {
    expect((await show(compared(record), "#/vergelijk")).querySelector("table")).toBeNull();
  });

  it("removes a record from the comparison in place, says so, and leads back to the results", async () => {
    const store = compared(record, { ...record, id: "y", name: "Ander" }, { ...record, id: "z", name: "Derde" });
    const view = await show(store, "#/vergelijk");
    expect($(view, "#compare-back").textContent).toBe("Terug naar de aanbevelingen");
    $<HTMLButtonElement>(view, '.compare-remove[data-id="y"]').click();
    await settle();
    expect(store.compare).toEqual(["x", "z"]);
    expect([...view.querySelectorAll("thead th a")].map((a) => a.textContent)).toEqual([record.name, "Derde"]);
    expect($(view, "#compare-status").textContent).toBe("Ander is uit de vergelijking gehaald.");
    expect(document.activeElement?.id).toBe("compare-status");
  });
});
