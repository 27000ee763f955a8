import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toApiError } from "./api";
import App from "./App.svelte";
import { lang, setLang, t } from "./i18n";
import { fakeApi, fakeDossiers, fakeEvaluation, hostileDossier } from "./test/fake-api";
import { $, reset, settle, type } from "./test/render";
import { noticeAfterRestart } from "./store.svelte";

let app: Record<string, unknown> | undefined;
beforeEach(() => {
  reset();
  location.hash = "";
});
afterEach(() => {
  if (app) unmount(app);
  app = undefined;
});

async function start(api = fakeApi()): Promise<HTMLElement> {
  app = mount(App, { target: document.body, props: { api } });
  await vi.waitFor(() => expect(document.querySelector("main")?.dataset.rendered).toBeDefined(), { timeout: 3000 });
  flushSync();
  return document.body;
}

async function go(hash: string): Promise<void> {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent("hashchange"));
  await vi.waitFor(() => expect(document.querySelector("main")?.dataset.rendered).toBe(hash), { timeout: 3000 });
  flushSync();
}

describe("the program", () => {
  it("starts on the start screen, the search field focused, with the trash in the navigation", async () => {
    const body = await start();
    expect($(body, "#start-title").textContent).toBe("Waar wilt u mee beginnen?");
    expect(document.activeElement?.id).toBe("search-input");
    expect($(body, "#nav-trash").getAttribute("href")).toBe("#/prullenbak");
    expect($(body, "#menu-toggle").getAttribute("aria-expanded")).toBe("false");
  });

  it("switches the whole window to English and remembers it", async () => {
    const body = await start();
    $<HTMLButtonElement>(body, "#lang-toggle").click();
    await vi.waitFor(() => expect($(body, "#start-title").textContent).toBe("Where would you like to start?"));
    expect(lang()).toBe("en");
    expect(localStorage.getItem("keuzehulp.taal")).toBe("en");
    expect($(body, "#nav-trash").textContent).toBe("Trash");
    expect(document.documentElement.lang).toBe("en");
    setLang("nl");
  });

  it("shows the message a restore left for the first screen after the restart", async () => {
    noticeAfterRestart("De reservekopie van 22-11-2026 11:00 is teruggezet.");
    const body = await start();
    expect($(body, "#start-notification").textContent).toBe("De reservekopie van 22-11-2026 11:00 is teruggezet.");
    await go("#/dossiers");
    await go("#/");
    expect(body.querySelector("#start-notification")).toBeNull();
  });

  it("holds back leaving a page with a refused date, with a warning that leads back to the field or on", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const body = await start(fakeApi(fake.api));
    await go("#/dossier/d1/bezoek");
    type($<HTMLInputElement>(body, "#visit-visit_date"), "31-04-2027");
    location.hash = "#/dossiers";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await settle();
    expect(location.hash).toBe("#/dossier/d1/bezoek");
    const warning = $(body, "#leave-warning");
    expect(warning.textContent).toContain("Datum van het bezoek is niet opgeslagen");
    expect(document.activeElement).toBe(warning);
    $<HTMLButtonElement>(body, "#leave-stay").click();
    flushSync();
    expect(body.querySelector("#leave-warning")).toBeNull();
    expect(document.activeElement?.id).toBe("visit-visit_date");
    location.hash = "#/dossiers";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await settle();
    $<HTMLButtonElement>(body, "#leave-anyway").click();
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await vi.waitFor(() => expect(document.querySelector("main")?.dataset.rendered).toBe("#/dossiers"));
  });

  it("says on the warning's buttons what they do when a filled-in measurement would be lost", async () => {
    const fake = fakeDossiers([hostileDossier]);
    const body = await start(fakeApi({ ...fake.api, ...fakeEvaluation(fake) }));
    await go("#/dossier/d1/meting");
    type($<HTMLInputElement>(body, "#ms-mean"), "3,2");
    location.hash = "#/";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await settle();
    expect(location.hash).toBe("#/dossier/d1/meting");
    expect($(body, "#leave-warning").textContent).toContain("U heeft de meting nog niet opgeslagen. Toch weggaan?");
    expect($(body, "#leave-stay").textContent).toBe("Verder met invullen");
    expect($(body, "#leave-anyway").textContent).toBe("Weggaan zonder opslaan");
    $<HTMLButtonElement>(body, "#leave-stay").click();
    flushSync();
    expect(document.activeElement?.id).toBe("ms-mean");
  });

  it("asks for the passphrase of an encrypted store, then starts", async () => {
    let locked = true;
    const api = fakeApi({
      taxonomy: async () => {
        if (locked) throw { code: "passphrase_required", message: "de gegevens zijn versleuteld" };
        return fakeApi().taxonomy();
      },
      unlock: async (p) => {
        if (p !== "goed wachtwoord")
          throw { code: "wrong_passphrase", message: "dat wachtwoord opent de gegevens niet" };
        locked = false;
      },
    });
    app = mount(App, { target: document.body, props: { api } });
    await vi.waitFor(() => expect(document.querySelector("#unlock-title")).not.toBeNull());
    type($<HTMLInputElement>(document.body, "#unlock-passphrase"), "fout");
    $<HTMLButtonElement>(document.body, "#unlock-submit").click();
    await settle();
    expect($(document.body, "#unlock-status").textContent).toBe("Dat wachtwoord opent de gegevens niet");
    type($<HTMLInputElement>(document.body, "#unlock-passphrase"), "goed wachtwoord");
    $<HTMLButtonElement>(document.body, "#unlock-submit").click();
    await vi.waitFor(() => expect(document.querySelector("#start-title")).not.toBeNull());
  });

  it("shows a core error as a readable message with what to do", async () => {
    const api = fakeApi({
      taxonomy: async () => Promise.reject({ code: "data_dir", message: "de gegevensmap /x is niet bruikbaar" }),
    });
    app = mount(App, { target: document.body, props: { api } });
    await vi.waitFor(() => expect(document.querySelector(".error")).not.toBeNull());
    const error = $(document.body, ".error");
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.textContent).toContain("De gegevensmap /x is niet bruikbaar");
    expect(error.textContent).toContain(t().errorHelp);
  });

  it("turns what a failed call threw into a sentence, keeping its code", () => {
    expect(toApiError({ code: "wrong_passphrase", message: "het wachtwoord opent /x niet" })).toEqual({
      code: "wrong_passphrase",
      message: "Het wachtwoord opent /x niet",
      detail: "Het wachtwoord opent /x niet",
    });
    expect(toApiError("schijf vol").message).toBe("Schijf vol");
  });

  it("says what went wrong in English on the English interface, with the core's Dutch words after it", () => {
    setLang("en");
    const e = toApiError({ code: "nothing_to_export", message: "er zijn nog geen eigen interventies om te delen" });
    expect(e.message).toBe(
      "There is nothing to export yet; no file was written. (In Dutch: Er zijn nog geen eigen interventies om te delen)",
    );
    expect(e.detail).toBe("Er zijn nog geen eigen interventies om te delen");
    expect(toApiError("kapot").message).toBe("Something went wrong. (In Dutch: Kapot)");
  });
});
