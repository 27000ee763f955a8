import { beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store.svelte";
import { fakeApi, fakeDossiers, fakeEvaluation, hostileDossier } from "../test/fake-api";
import { $, choose, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

async function measuring() {
  const fake = fakeDossiers([hostileDossier]);
  const { store } = makeStore(fakeApi({ ...fake.api, ...fakeEvaluation(fake) }));
  const view = await show(store, "#/dossier/d1/meting");
  return { view, fake, store };
}

/** The warning leaving for `to` would give (the address is put back), or undefined. */
function tryLeave(store: Store, to: string) {
  const from = store.hash;
  const left = store.arrive(to);
  const held = store.leaving;
  [store.leaving, store.hash] = [undefined, from];
  return left ? undefined : held;
}

/** Fills the team aggregate: the questionnaire, its scale and the numbers. */
function fill(view: HTMLElement, values: Record<string, string>): void {
  choose($<HTMLSelectElement>(view, "#ms-instrument"), "teamthermometer");
  choose($<HTMLSelectElement>(view, "#ms-scale"), "werkdruk");
  for (const [id, value] of Object.entries(values)) type($<HTMLInputElement>(view, `#ms-${id}`), value);
}

const save = async (view: HTMLElement) => {
  $<HTMLButtonElement>(view, "#measure-save").click();
  await settle();
};

describe("a questionnaire's team aggregate", () => {
  it("refuses 9 respondents: the core's reason on the field and in the error summary, nothing stored", async () => {
    const { view, fake } = await measuring();
    fill(view, { invited: "20", responded: "9", mean: "3,2" });
    await save(view);
    const link = $(view, '#error-summary a[data-field="ms-responded"]');
    expect(link.textContent).toContain("9 respondenten is te weinig");
    expect(link.textContent).toContain("ten minste 10 mensen");
    expect($(view, "#ms-responded").getAttribute("aria-invalid")).toBe("true");
    expect($(view, "#ms-responded-error").textContent).toContain("Er is niets opgeslagen.");
    expect($(view, "#measure-status").textContent).toBe("");
    // The call was made with what was typed (a decimal comma read as a number) and refused.
    expect(fake.calls.at(-1)).toEqual([
      "measure",
      "d1",
      { instrument: "teamthermometer", scale: "werkdruk", invited: 20, responded: 9, mean: 3.2 },
    ]);
  });

  it("stores a low response with a warning in Dutch, and offers the cut-off only where the definition has one", async () => {
    const { view } = await measuring();
    fill(view, { invited: "60", responded: "12", mean: "3", past_cutoff: "25" });
    await save(view);
    expect(view.querySelector("#error-summary a")).toBeNull();
    expect($(view, "#measure-status").textContent).toBe("Meting opgeslagen: Werkdruk, 12 mensen.");
    expect($(view, "#measure-warning-0").textContent).toMatch(/^Let op: Lage respons: 12 van 60/);
    choose($<HTMLSelectElement>(view, "#ms-scale"), "steun");
    expect(view.querySelector("#ms-past_cutoff")).toBeNull();
  });

  it("reads a file of answers for the chosen questionnaire and says how many rows counted", async () => {
    const { view, fake } = await measuring();
    type($<HTMLInputElement>(view, "#ms-invited"), "20");
    type($<HTMLInputElement>(view, "#ms-date"), "15-01-2027");
    $<HTMLButtonElement>(view, "#measure-file").click();
    await settle();
    expect(fake.calls.at(-1)).toEqual(["measure-file", "d1", "teamthermometer", 20, "2027-01-15"]);
    expect($(view, "#measure-status").textContent).toBe(
      "Meting opgeslagen: Werkdruk, Steun. 14 rijen gelezen, 12 volledig en meegeteld.",
    );
  });

  it("asks for the questionnaire and the numbers before sending anything", async () => {
    const { view, fake } = await measuring();
    // The only questionnaire is chosen already; the user took it away.
    expect($<HTMLSelectElement>(view, "#ms-instrument").value).toBe("teamthermometer");
    choose($<HTMLSelectElement>(view, "#ms-instrument"), "");
    type($<HTMLInputElement>(view, "#ms-mean"), "drie");
    await save(view);
    expect([...view.querySelectorAll<HTMLElement>("#error-summary a")].map((a) => a.dataset.field)).toEqual([
      "ms-instrument",
      "ms-responded",
      "ms-mean",
    ]);
    expect($(view, "#ms-mean-error").textContent).toContain('"drie" is geen getal');
    expect(fake.calls).toEqual([]);
  });

  it("warns before leaving a measurement that was typed in but not saved; once saved, leaving is free", async () => {
    const { view, store } = await measuring();
    choose($<HTMLSelectElement>(view, "#ms-instrument"), "teamthermometer");
    expect(tryLeave(store, "#/")).toBeUndefined();
    fill(view, { responded: "12", mean: "3,2" });
    expect(tryLeave(store, "#/")).toEqual({
      message: "U heeft de meting nog niet opgeslagen. Toch weggaan?",
      focus: "ms-responded",
      stay: "Verder met invullen",
      leave: "Weggaan zonder opslaan",
      to: "#/",
    });
    await save(view);
    expect($(view, "#measure-status").textContent).toContain("Meting opgeslagen");
    expect(tryLeave(store, "#/")).toBeUndefined();
  });
});
