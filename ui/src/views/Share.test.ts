import { beforeEach, describe, expect, it } from "vitest";
import { fakeApi, fakeDossiers, fakeEvaluation, hostileDossier } from "../test/fake-api";
import { $, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

async function sharing() {
  const fake = fakeDossiers([hostileDossier]);
  const { store } = makeStore(fakeApi({ ...fake.api, ...fakeEvaluation(fake) }));
  const view = await show(store, "#/catalogus/praktijk");
  return { view, fake, store };
}

const click = async (view: HTMLElement, css: string) => {
  $<HTMLElement>(view, css).click();
  await settle();
};

const submit = async (view: HTMLElement, css: string) => {
  $<HTMLFormElement>(view, css).requestSubmit();
  await settle();
};

describe("sharing practice within the arbodienst", () => {
  it("is reached from the Catalogus screen", async () => {
    const { store } = makeStore(
      fakeApi({ trustList: async () => ({ trusted: [], revoked: [] }), ownRecords: async () => [] }),
    );
    const view = await show(store, "#/catalogus");
    expect($(view, "#catalogue-share").getAttribute("href")).toBe("#/catalogus/praktijk");
    expect($(view, "#catalogue-share").textContent).toBe("Praktijk delen met collega's");
  });

  it("asks for the date first, then saves the signed pack since that day and says what it holds", async () => {
    const { view, fake } = await sharing();
    expect($(view, "#share-title").textContent).toBe("Praktijk delen");
    await submit(view, "#share-export-form");
    expect($(view, '#share-export-summary a[data-field="share-since"]').textContent).toBe(
      "Evaluaties vanaf: Vul de datum in vanaf wanneer u evaluaties wilt delen.",
    );
    type($<HTMLInputElement>(view, "#share-since"), "31-02-2026");
    await submit(view, "#share-export-form");
    expect($(view, "#share-since-error").textContent).toContain("dag");
    expect(fake.calls.filter((c) => c[0] === "share-export")).toEqual([]);
    type($<HTMLInputElement>(view, "#share-since"), "1-1-2026");
    await submit(view, "#share-export-form");
    expect(fake.calls.at(-1)).toEqual(["share-export", "2026-01-01", true]);
    expect(view.querySelector("#share-export-summary a")).toBeNull();
    expect($(view, "#share-status").textContent).toBe(
      "4 uitkomsten uit 3 trajecten opgeslagen in /tmp/praktijk-2026-11-22.json. Het pakket is ondertekend.",
    );
    // Unsigned, it says colleagues cannot read it in.
    await click(view, "#share-sign");
    await submit(view, "#share-export-form");
    expect(fake.calls.at(-1)).toEqual(["share-export", "2026-01-01", false]);
    expect($(view, "#share-status").textContent).toContain("niet ondertekend: collega's kunnen het zo niet inlezen");
  });

  it("reads a colleague's folder in and then shows the arbodienst's practice beside the own", async () => {
    const { view, fake } = await sharing();
    expect($(view, "#share-practice-none").textContent).toBe("Er is nog geen praktijk van collega's ingelezen.");
    await submit(view, "#share-import-form");
    expect($(view, "#share-from-error").textContent).toContain("Vul een map of webadres in.");
    type($<HTMLInputElement>(view, "#share-from"), "gedeeld");
    await submit(view, "#share-import-form");
    expect($(view, '#share-import-summary a[data-field="share-from"]').textContent).toContain(
      "Gedeeld: geen map of webadres",
    );
    type($<HTMLInputElement>(view, "#share-from"), " /mnt/arbodienst/praktijk ");
    await submit(view, "#share-import-form");
    expect(fake.calls.at(-1)).toEqual(["share-import", "/mnt/arbodienst/praktijk"]);
    expect($(view, "#share-imported li").textContent).toBe(
      "praktijk-utrecht.json: ondertekend door Arbodienst Utrecht. 5 uitkomsten: 5 nieuw, 0 vervangen.",
    );
    const line = $(view, '#share-practice li[data-practice="pico"]');
    expect($(line, "a").getAttribute("href")).toBe("#/interventie/pico");
    expect(line.querySelector("a *")).toBeNull();
    expect(line.textContent).toContain("Praktijk in onze arbodienst (4 trajecten): 4 keer ingezet, 3 keer werkte");
    expect(view.querySelector("#share-practice-none")).toBeNull();
  });

  it("shows the core's refusal of an unsigned pack chosen through the dialog, in red", async () => {
    const { view, fake } = await sharing();
    await click(view, "#share-import-file");
    expect(fake.calls.at(-1)).toEqual(["share-import-file"]);
    expect($(view, "#share-status").textContent).toMatch(/^Praktijk\.json is niet ondertekend/);
    expect($(view, "#share-status").classList.contains("failed")).toBe(true);
    expect(view.querySelector("#share-imported")).toBeNull();
  });

  it("speaks English when asked", async () => {
    const { store } = await sharing();
    store.setLang("en");
    const view = await show(store, "#/catalogus/praktijk");
    expect($(view, "#share-title").textContent).toBe("Share practice");
    expect($(view, "#share-export").textContent).toBe("Save the practice pack");
    store.setLang("nl");
  });
});
