import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { todayIso } from "../date";
import { fakeApi, fakeDossiers } from "../test/fake-api";
import { $, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

describe("dossier list", () => {
  it("starts a new dossier with today as the visit date, at its first task", async () => {
    const fake = fakeDossiers();
    const { store, went } = makeStore(fakeApi(fake.api));
    const view = await show(store, "#/dossiers");
    type($<HTMLInputElement>(view, "#new-dossier-org"), "Ziekenhuis");
    $<HTMLButtonElement>(view, "#new-dossier-create").click();
    await vi.waitFor(() => expect(fake.store.size).toBe(1));
    await settle();
    expect([...fake.store.values()][0].visit_date).toBe(todayIso());
    expect(went).toEqual(["#/dossier/d1/bezoek"]);
    expect(store.dossier).toEqual({ id: "d1", org: "Ziekenhuis" });
  });

  it("names an empty organisation in the error summary, with a link to the field, and focuses it", async () => {
    const view = await show(makeStore().store, "#/dossiers");
    $<HTMLButtonElement>(view, "#new-dossier-create").click();
    await settle();
    const summary = $(view, ".error-summary");
    expect(summary.hidden).toBe(false);
    expect($(summary, "a").getAttribute("data-field")).toBe("new-dossier-org");
    expect(summary.textContent).toContain("Vul de naam van de organisatie in.");
    expect(document.activeElement).toBe(summary);
    expect($(view, "#new-dossier-org").getAttribute("aria-invalid")).toBe("true");
  });

  it("asks for a file's passphrase only when an import needs it (hidden until then, whatever its class)", async () => {
    let tries = 0;
    const api = fakeApi({
      dossierImport: async (passphrase) => {
        tries += 1;
        if (!passphrase) throw { code: "passphrase_required", message: "dit dossierbestand is versleuteld" };
        return { id: "d9", result: "new" };
      },
    });
    const view = await show(makeStore(api).store, "#/dossiers");
    const row = $(view, "#import-passphrase-row");
    expect(row.hidden).toBe(true);
    // The class gives the row a display of its own: `hidden` must still win.
    const css = readFileSync("src/styles.css", "utf8");
    expect(css).toMatch(/\[hidden\]\s*\{\s*display:\s*none\s*!important;?\s*\}/);
    $<HTMLButtonElement>(view, "#dossier-import").click();
    await settle();
    expect(row.hidden).toBe(false);
    expect(document.activeElement?.id).toBe("import-passphrase");
    type($<HTMLInputElement>(view, "#import-passphrase"), "geheim wachtwoord");
    $<HTMLButtonElement>(view, "#dossier-import").click();
    await settle();
    expect(tries).toBe(2);
    expect($(view, "#import-status").textContent).toBe("Het dossier is geïmporteerd.");
    expect(row.hidden).toBe(true);
  });
});
