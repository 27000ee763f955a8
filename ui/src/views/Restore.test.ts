import { beforeEach, describe, expect, it } from "vitest";
import { fakeApi } from "../test/fake-api";
import { $, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

describe("backups and encryption", () => {
  it("lists the backups day first with their size, and restores one only after a confirmation", async () => {
    const restored: string[] = [];
    const api = fakeApi({
      backups: async () => [
        {
          file: "a.sqlite3",
          path: "/d/backups/a.sqlite3",
          created_at: "2026-11-22T10:00:00Z",
          kind: "dagelijks",
          size: 1_234_567,
        },
      ],
      backupRestore: async (file) => {
        restored.push(file);
        return { file, path: `/d/backups/${file}`, created_at: "2026-11-22T10:00:00Z", kind: "dagelijks", size: 1 };
      },
    });
    const view = await show(makeStore(api).store, "#/herstellen");
    expect($(view, "#backup-list li").textContent).toMatch(/^22-11-2026 \d\d:00 — dagelijks, 1,2 MB/);
    $<HTMLButtonElement>(view, "button.restore").click();
    expect(restored).toEqual([]);
    $<HTMLButtonElement>(view, ".restore-yes").click();
    await settle();
    expect(restored).toEqual(["a.sqlite3"]);
    expect($(view, "#restore-status").textContent).toContain("is teruggezet. Keuzehulp start opnieuw.");
    // The first screen after the restart says so too.
    expect(sessionStorage.getItem("keuzehulp.melding")).toMatch(
      /^De reservekopie van 22-11-2026 \d\d:00 is teruggezet\.$/,
    );
    sessionStorage.clear();
  });

  it("names a passphrase problem in the form's error summary, and never leaves an earlier message beside a new one", async () => {
    const asked: (string | null)[] = [];
    const api = fakeApi({
      encryptionSet: async (p) => {
        asked.push(p);
        throw { code: "invalid_input", message: "een wachtwoord heeft minstens 8 tekens" };
      },
    });
    const view = await show(makeStore(api).store, "#/herstellen");
    type($<HTMLInputElement>(view, "#new-passphrase"), "kort");
    type($<HTMLInputElement>(view, "#repeat-passphrase"), "anders");
    $<HTMLButtonElement>(view, "#encryption-on").click();
    await settle();
    const summary = $(view, "#encryption-error-summary");
    expect(summary.textContent).toContain("De twee wachtwoorden zijn niet gelijk.");
    expect(document.activeElement).toBe(summary);
    expect($(view, "#repeat-passphrase").getAttribute("aria-invalid")).toBe("true");
    expect(asked).toEqual([]);
    type($<HTMLInputElement>(view, "#repeat-passphrase"), "kort");
    $<HTMLButtonElement>(view, "#encryption-on").click();
    await settle();
    expect(asked).toEqual(["kort"]);
    expect(summary.textContent).not.toContain("niet gelijk");
    expect(summary.textContent).toContain("Een wachtwoord heeft minstens 8 tekens");
    expect($(view, "#new-passphrase-error").textContent).toContain("minstens 8 tekens");
  });
});
