import { flushSync } from "svelte";
import { beforeEach, describe, expect, it } from "vitest";
import { monthFirstLocale } from "../date";
import { FormErrors } from "../form.svelte";
import { $, makeStore, mountWith, reset, settle, type } from "../test/render";
import DateField from "./DateField.svelte";

beforeEach(reset);

function field(props: { iso?: string | null; monthFirst?: boolean } = {}) {
  const errors = new FormErrors();
  const saved: (string | null)[] = [];
  const { store } = makeStore();
  const view = mountWith(store, DateField, {
    id: "d",
    label: "Datum van het bezoek",
    iso: props.iso ?? null,
    errors,
    monthFirst: props.monthFirst ?? true,
    oncommit: (iso: string | null) => saved.push(iso),
  });
  return { view, errors, saved, store, input: $<HTMLInputElement>(view, "#d") };
}

describe("date field", () => {
  it("knows which locales write the month first", () => {
    expect(monthFirstLocale("en-US")).toBe(true);
    expect(monthFirstLocale("nl-NL")).toBe(false);
    expect(monthFirstLocale("en-GB")).toBe(false);
  });

  it("asks which date was meant when a month-first computer's user types 3/12/2027, and saves only the answer", async () => {
    const { view, input, saved, errors } = field();
    type(input, "3/12/2027");
    expect(saved).toEqual([]);
    expect($(view, "#d-question").textContent).toBe("Bedoelt u 03-12-2027 (3 december 2027)?");
    expect($(view, "#d-day-first").textContent?.trim()).toBe("Ja, 3 december 2027");
    expect($(view, "#d-month-first").textContent?.trim()).toBe("Nee, 12 maart 2027");
    expect(errors.list).toEqual([{ id: "d", message: "Datum van het bezoek: kies welke datum u bedoelt." }]);
    $<HTMLButtonElement>(view, "#d-month-first").click();
    flushSync();
    expect(saved).toEqual(["2027-03-12"]);
    expect(input.value).toBe("12-03-2027");
    expect(view.querySelector("#d-question")).toBeNull();
    expect(errors.size).toBe(0);
    expect(document.activeElement).toBe(input);
  });

  it("asks nothing where day-first is the rule, when the day gives it away, or for a date it showed itself", () => {
    const dutch = field({ monthFirst: false });
    type(dutch.input, "3/12/2027");
    expect(dutch.saved).toEqual(["2027-12-03"]);
    const english = field({ iso: "2026-11-05" });
    expect(english.input.value).toBe("05-11-2026");
    type(english.input, "15/3/2027");
    expect(english.saved).toEqual(["2027-03-15"]);
    type(english.input, "15-03-2027");
    expect(english.view.querySelector("#d-question")).toBeNull();
  });

  it("shows a refused date only after the click that took the focus away, so the click is not lost", async () => {
    const { view, input, errors } = field({ monthFirst: false });
    window.dispatchEvent(new Event("pointerdown"));
    type(input, "31-04-2027");
    // Nothing moves between the press and the release.
    expect(view.querySelector("#d-error")).toBeNull();
    window.dispatchEvent(new Event("pointerup"));
    window.dispatchEvent(new Event("click"));
    await settle();
    expect($(view, "#d-error").textContent).toBe("Fout: die dag bestaat niet in die maand.");
    expect(errors.list[0].message).toBe("Datum van het bezoek: die dag bestaat niet in die maand.");
  });
});
