import { beforeEach, describe, expect, it } from "vitest";
import type { Api, PackPreview } from "../api";
import { fakeApi, record } from "../test/fake-api";
import { $, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

const trust = {
  trusted: [
    {
      name: "Trimbos-instituut",
      key_id: "ABCDEF0123456789",
      public_key: "RW...",
      added_at: "2026-11-01T10:00:00Z",
      valid_until: "2027-12-31",
    },
  ],
  revoked: [],
};
const trimbos = { kind: "publisher" as const, name: "Trimbos-instituut", version: "2027.1", date: "2027-01-01" };
const preview: PackPreview = {
  file: "pakket.json",
  publisher: { kind: "publisher", name: "Trimbos-instituut" },
  signed: true,
  version: "2027.1",
  date: "2027-01-01",
  added: ["nieuw-record"],
  added_records: [{ id: "nieuw-record", name: "Nieuw record", origin: trimbos }],
  changed: [
    {
      id: "x",
      fields: ["summary", "evidence.level"],
      name: "PiCo-gesprek",
      from: { kind: "bundled", name: "Keuzehulp", version: "2026.1", date: null },
      to: trimbos,
    },
  ],
  unchanged: 3,
  refused: [],
  digest: "ab12",
};
const catalogue = (overrides: Partial<Api>) =>
  makeStore(fakeApi({ trustList: async () => trust, ownRecords: async () => [], ...overrides }));

describe("catalogue screen", () => {
  it("shows a pack's changes by name and label, who signed it and where records' origin changes; imports only when asked", async () => {
    const calls: string[] = [];
    const bundled = {
      ...record,
      name: "PiCo-gesprek",
      origin: { kind: "bundled" as const, name: "Keuzehulp", version: "2026.1", date: null },
    };
    const { store, went } = catalogue({
      intervention: async () => bundled,
      packPreview: async () => preview,
      packImport: async (digest) => {
        calls.push(`import ${digest}`);
        return { added: 1, updated: 4, unchanged: 3, publisher: "Trimbos-instituut" };
      },
    });
    const view = await show(store, "#/catalogus");
    expect($(view, "#catalogue-edition").textContent).toBe(
      "Catalogus 2026.1 van 25-11-2026 · uitgegeven door Keuzehulp",
    );
    expect($(view, "#trust-list").textContent).toContain("31-12-2027");
    $<HTMLButtonElement>(view, "#pack-choose").click();
    await settle();
    expect($(view, "#pack-preview").hidden).toBe(false);
    expect($(view, "#pack-signed").textContent).toContain("Trimbos-instituut");
    const diff = $(view, "#pack-diff").textContent?.replace(/\s+/g, " ") ?? "";
    expect(diff).toContain("nieuw-record");
    expect(diff).toContain("PiCo-gesprek (x): Korte beschrijving, Bewijsniveau");
    expect(diff).toContain(
      "Herkomst nu: Meegeleverde catalogus 2026.1 (Keuzehulp); na importeren: uitgever Trimbos-instituut.",
    );
    expect(diff).toContain("3 interventies blijven gelijk.");
    expect(document.activeElement?.id).toBe("pack-import");
    expect(calls).toEqual([]);
    $<HTMLButtonElement>(view, "#pack-import").click();
    await settle();
    expect(calls).toEqual(["import ab12"]);
    expect(went).toEqual(["#/catalogus"]);
    // The banner says what the preview said, and what the import did beyond it.
    expect(store.takeArrival().notice).toBe(
      "Geïmporteerd van Trimbos-instituut: 1 nieuw, 4 bijgewerkt. 3 andere interventies kregen als herkomst uitgever Trimbos-instituut.",
    );
  });

  it("names no origin change for a record the same publisher gave", async () => {
    const own = {
      ...record,
      name: "PiCo-gesprek",
      origin: { kind: "publisher" as const, name: "Trimbos-instituut", version: "2026.1", date: null },
    };
    const { store } = catalogue({ intervention: async () => own, packPreview: async () => preview });
    const view = await show(store, "#/catalogus");
    $<HTMLButtonElement>(view, "#pack-choose").click();
    await settle();
    expect($(view, "#pack-diff").textContent).toContain("PiCo-gesprek (x)");
    expect($(view, "#pack-diff").textContent).not.toContain("Herkomst nu");
  });

  it("says what to do about a refused pack in the window, and leads to the trust form", async () => {
    const calls: string[] = [];
    const { store } = catalogue({
      trustList: async () => ({ trusted: [], revoked: [] }),
      packPreview: async () => {
        throw {
          code: "signature_refused",
          message:
            "de handtekening /home/x/pakket.json.minisig wordt niet aanvaard: onbekende sleutel 0123ABCD. Er is niets geïmporteerd.",
        };
      },
      packImport: async () => {
        calls.push("import");
        return { added: 0, updated: 0, unchanged: 0, publisher: null };
      },
    });
    const view = await show(store, "#/catalogus");
    $<HTMLButtonElement>(view, "#pack-choose").click();
    await settle();
    const problem = $(view, "#pack-problem");
    expect(problem.hidden).toBe(false);
    expect(document.activeElement).toBe(problem);
    expect(problem.querySelector("p")?.textContent).toBe(
      "Dit pakket wordt niet aanvaard: het is ondertekend, maar niet door een uitgever die u vertrouwt. Er is niets geïmporteerd.",
    );
    // The core's own words (a path, a key id) only under "Wat Keuzehulp zag".
    expect($(problem, "details").textContent).toContain("onbekende sleutel");
    $<HTMLAnchorElement>(problem, "#pack-problem-trust").click();
    expect(document.activeElement?.id).toBe("trust-name");
    expect(view.querySelector("#pack-import")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("trusts a publisher with the form, naming an empty field and a refused date in the form's summary", async () => {
    const added: unknown[] = [];
    const { store, went } = catalogue({
      trustList: async () => ({ trusted: [], revoked: [] }),
      trustAdd: async (key, name, until) => {
        added.push([key, name, until]);
        return { name, key_id: "K", public_key: key, added_at: "2026-11-01T10:00:00Z", valid_until: until };
      },
    });
    const view = await show(store, "#/catalogus");
    type($<HTMLInputElement>(view, "#trust-until"), "31-02-2099");
    $<HTMLButtonElement>(view, "#trust-add").click();
    await settle();
    const summary = $(view, "#trust-error-summary");
    expect([...summary.querySelectorAll("a")].map((a) => a.getAttribute("data-field"))).toEqual([
      "trust-name",
      "trust-key",
      "trust-until",
    ]);
    expect(document.activeElement).toBe(summary);
    type($<HTMLInputElement>(view, "#trust-name"), "Arbodienst West");
    type(
      $<HTMLTextAreaElement>(view, "#trust-key"),
      "untrusted comment: x RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3",
    );
    type($<HTMLInputElement>(view, "#trust-until"), "31-12-2099");
    $<HTMLButtonElement>(view, "#trust-add").click();
    await settle();
    expect(added).toEqual([
      ["RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3", "Arbodienst West", "2099-12-31"],
    ]);
    expect(went).toEqual(["#/catalogus"]);
  });
});
