import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Dossier } from "../api";
import type { Store } from "../store.svelte";
import { fakeApi, fakeDossiers, fakeEvaluation, hostileDossier } from "../test/fake-api";
import { $, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

/** The dossier half of the core with the evaluation loop, over `seed`. */
function evaluating(seed: Dossier[] = [hostileDossier]) {
  const fake = fakeDossiers(seed);
  return { ...makeStore(fakeApi({ ...fake.api, ...fakeEvaluation(fake) })), fake };
}

const summaryLinks = (view: HTMLElement) =>
  [...view.querySelectorAll<HTMLAnchorElement>("#error-summary a")].map((a) => [a.dataset.field, a.textContent]);

/** The warning leaving for `to` would give (the address is put back), or undefined. */
function tryLeave(store: Store, to: string) {
  const from = store.hash;
  const left = store.arrive(to);
  const held = store.leaving;
  [store.leaving, store.hash] = [undefined, from];
  return left ? undefined : held;
}

const click = async (view: HTMLElement, css: string) => {
  $<HTMLElement>(view, css).click();
  await settle();
};

describe("evaluation of a plan item", () => {
  it("is reached from the overdue item on the start screen", async () => {
    const { store } = evaluating();
    const start = await show(store, "#/");
    expect($(start, "#overdue a").getAttribute("href")).toBe("#/dossier/d1/evaluatie/7");
  });

  it("names both missing choices in the error summary and sends nothing", async () => {
    const { store, fake } = evaluating();
    const view = await show(store, "#/dossier/d1/evaluatie/7");
    expect($(view, "#evaluate-title").textContent).toBe("Evaluatie: Pilot");
    await click(view, "#evaluate-save");
    expect(summaryLinks(view)).toEqual([
      ["ev-carried_out", "Kies of het actiepunt is uitgevoerd."],
      ["ev-verdict", "Kies uw oordeel."],
    ]);
    expect($(view, "#ev-carried_out").getAttribute("name")).toBe("ev-carried_out");
    expect($(view, "#ev-carried_out-error").textContent).toContain("Kies of het actiepunt is uitgevoerd.");
    expect(fake.calls.filter((c) => c[0] === "evaluate")).toEqual([]);
  });

  it("shows the proposal as it is filled in: 'Geen conclusie mogelijk' and why, when the team changed", async () => {
    const { store } = evaluating();
    const view = await show(store, "#/dossier/d1/evaluatie/7");
    expect($(view, "#ev-proposal-body").textContent).toContain("Voorstel: Werkte");
    await click(view, "#ev-carried_out-deels");
    await click(view, "#ev-team_changed");
    await vi.waitFor(() => expect($(view, "#ev-proposal-body").textContent).toContain("Geen conclusie mogelijk"));
    expect($(view, "#ev-proposal-body").textContent).toContain("het team is sinds de nulmeting sterk veranderd");
  });

  it("says the proposal's reasons in English on the English interface", async () => {
    const { store } = evaluating();
    store.setLang("en");
    const view = await show(store, "#/dossier/d1/evaluatie/7");
    await click(view, "#ev-carried_out-deels");
    await click(view, "#ev-team_changed");
    await vi.waitFor(() => expect($(view, "#ev-proposal-body").textContent).toContain("No conclusion possible"));
    const body = $(view, "#ev-proposal-body").textContent ?? "";
    expect(body).toContain("the team has changed a lot since the baseline");
    expect(body).not.toContain("nulmeting");
    store.setLang("nl");
  });

  it("puts the core's refusal of a verdict without a reason on the reason field, then saves it with one", async () => {
    const { store, fake } = evaluating();
    const view = await show(store, "#/dossier/d1/evaluatie/7");
    await click(view, "#ev-carried_out-deels");
    await click(view, "#ev-team_changed");
    await click(view, "#ev-verdict");
    await click(view, "#evaluate-save");
    expect(summaryLinks(view)).toEqual([["ev-reason", "Geef een reden: uw oordeel wijkt af van het voorstel"]]);
    expect($(view, "#ev-reason").getAttribute("aria-invalid")).toBe("true");
    type($<HTMLTextAreaElement>(view, "#ev-reason"), "Verzuim daalde zichtbaar");
    type($<HTMLInputElement>(view, "#ev-reached"), "8");
    type($<HTMLInputElement>(view, "#ev-reach_of"), "12");
    await click(view, "#evaluate-save");
    const sent = fake.calls.filter((c) => c[0] === "evaluate").at(-1)?.[2];
    expect(sent).toMatchObject({
      item: 7,
      carried_out: "deels",
      team_changed: true,
      reached: 8,
      reach_of: 12,
      verdict: "werkte",
      reason: "Verzuim daalde zichtbaar",
    });
    expect($(view, "#evaluate-done").textContent).toContain("Evaluatie opgeslagen. Uw oordeel: Werkte.");
    expect(view.querySelector("#evaluate-form")).toBeNull();
  });

  it("names an indicator's unreadable period on its field, before anything is sent", async () => {
    const { store, fake } = evaluating();
    const view = await show(store, "#/dossier/d1/evaluatie/7");
    await click(view, "#ev-carried_out");
    await click(view, "#ev-verdict");
    await click(view, "#ev-ind-add");
    for (const [field, value] of [
      ["before", "4,5"],
      ["before_period-from", "01-01-2026"],
      ["before_period-to", "31-13-2026"],
      ["after", "3"],
      ["after_period-from", "01-07-2026"],
      ["after_period-to", "30-09-2026"],
    ])
      type($<HTMLInputElement>(view, `#ev-ind-0-${field}`), value);
    expect(document.activeElement?.id).toBe("ev-ind-0-indicator");
    await click(view, "#evaluate-save");
    expect(summaryLinks(view).map(([field]) => field)).toEqual(["ev-ind-0-before_period-to"]);
    expect($(view, "#ev-ind-0-before_period-to-error").textContent).toContain("maand");
    expect(fake.calls.filter((c) => c[0] === "evaluate")).toEqual([]);
    // Taken away again, the figure no longer holds the save back.
    await click(view, "#ev-ind-0-remove");
    await click(view, "#evaluate-save");
    expect(fake.calls.filter((c) => c[0] === "evaluate")).toHaveLength(1);
  });

  it("ends with new advice for what is still at play, opening the results page with its answers", async () => {
    const { store, went } = evaluating();
    const view = await show(store, "#/dossier/d1/evaluatie/7");
    await click(view, "#ev-carried_out");
    await click(view, "#ev-verdict");
    await click(view, "#evaluate-save");
    await click(view, "#new-advice");
    expect(went.at(-1)).toBe("#/resultaten");
    expect(store.answers.themes).toEqual(["werkdruk"]);
    expect(store.dossier?.id).toBe("d1");
  });

  it("warns before leaving a form that was filled in but not saved, with buttons that say what they do", async () => {
    const { store } = evaluating();
    const view = await show(store, "#/dossier/d1/evaluatie/7");
    // Untouched, leaving loses nothing: no warning.
    expect(tryLeave(store, "#/dossiers")).toBeUndefined();
    type($<HTMLTextAreaElement>(view, "#ev-team_says"), "Minder gejaagd");
    expect(tryLeave(store, "#/dossiers")).toEqual({
      message: "U heeft de evaluatie nog niet opgeslagen. Toch weggaan?",
      focus: "ev-team_says",
      stay: "Verder met invullen",
      leave: "Weggaan zonder opslaan",
      to: "#/dossiers",
    });
    await click(view, "#ev-carried_out-deels");
    expect(tryLeave(store, "#/")?.focus).toBe("ev-carried_out-deels");
    store.setLang("en");
    expect(tryLeave(store, "#/")).toMatchObject({
      message: "You have not saved the evaluation yet. Leave anyway?",
      stay: "Go on filling in",
      leave: "Leave without saving",
    });
    store.setLang("nl");
    // Saved, nothing is lost by leaving.
    await click(view, "#ev-verdict-onduidelijk");
    type($<HTMLTextAreaElement>(view, "#ev-reason"), "Te vroeg om te zeggen");
    await click(view, "#evaluate-save");
    expect(view.querySelector("#evaluate-done")).not.toBeNull();
    expect(tryLeave(store, "#/")).toBeUndefined();
  });
});
