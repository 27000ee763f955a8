import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Dossier } from "../api";
import { fakeApi, fakeDossiers, hostileDossier } from "../test/fake-api";
import { $, makeStore, reset, settle, show } from "../test/render";

beforeEach(reset);

describe("trash", () => {
  it("lists the trash day first, restores, and erases for good only after a warning and a confirmation", async () => {
    const second: Dossier = { ...hostileDossier, id: "d2", org: "Basisschool De Linde", notes: [] };
    const fake = fakeDossiers([hostileDossier, second]);
    await fake.api.dossierDelete("d1");
    await fake.api.dossierDelete("d2");
    const { store } = makeStore(fakeApi(fake.api));
    const view = await show(store, "#/prullenbak");
    const items = () => [...view.querySelectorAll("#trash-list li")].map((li) => li.getAttribute("data-id"));
    expect(items()).toEqual(["d1", "d2"]);
    expect(view.querySelector("img")).toBeNull();
    expect($(view, "#trash-list").textContent).toContain("<script>");
    expect($(view, "#trash-list").textContent).toMatch(/Verwijderd op 22-11-2026 \d\d:00; wordt gewist op 22-12-2026/);

    $<HTMLButtonElement>(view, '.undelete[data-id="d2"]').click();
    await vi.waitFor(() => expect(items()).toEqual(["d1"]));
    expect($(view, "#trash-status").textContent).toContain("Basisschool De Linde");
    expect(document.activeElement?.id).toBe("trash-status");

    const erase = $<HTMLButtonElement>(view, '.erase[data-id="d1"]');
    expect(erase.className).toBe("warning erase");
    erase.click();
    expect(fake.calls.filter(([name]) => name === "erase")).toEqual([]);
    const yes = $<HTMLButtonElement>(view, ".erase-yes");
    expect(yes.className).toContain("danger");
    yes.click();
    await vi.waitFor(() => expect(fake.calls).toContainEqual(["erase", "d1"]));
    await settle();
    expect($(view, "#trash-list").textContent).toContain("De prullenbak is leeg.");
    const status = $(view, "#trash-status").textContent ?? "";
    expect(status).toContain("Het dossier is gewist, ook uit 2 reservekopieën.");
    expect(status).toContain("c.sqlite3 bevat het dossier nog");
    expect(document.activeElement?.id).toBe("trash-status");
  });
});
