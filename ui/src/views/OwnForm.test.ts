import { beforeEach, describe, expect, it } from "vitest";
import type { Intervention } from "../api";
import { setLang } from "../i18n";
import { fakeApi, record } from "../test/fake-api";
import { $, choose, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

const submit = async (view: HTMLElement) => {
  $<HTMLFormElement>(view, "#own-form").requestSubmit();
  await settle();
};
const links = (view: HTMLElement) =>
  [...view.querySelectorAll("#error-summary a")].map((a) => [a.getAttribute("data-field"), a.textContent]);

/** Fills the form so that it passes its own checks. */
function fill(view: HTMLElement): void {
  type($<HTMLInputElement>(view, "#own-name"), "Koffie-overleg");
  choose($<HTMLSelectElement>(view, "#own-kind"), "methode");
  for (const id of ["own-levels", "own-steps", "own-roles", "own-themes", "own-sectors"])
    $<HTMLInputElement>(view, `#${id}`).click();
  type($<HTMLTextAreaElement>(view, "#own-summary"), "Een kort overleg");
  choose($<HTMLSelectElement>(view, "#own-sources-document"), "leidraad");
  type($<HTMLInputElement>(view, "#own-sources-section"), "Stap B2");
}

describe("own intervention form", () => {
  it("names what is missing in its own words, in the form's order, before asking the core; required fields are marked", async () => {
    const saved: Intervention[] = [];
    const { store } = makeStore(
      fakeApi({ ownRecords: async () => [], ownSave: async (r) => (saved.push(r), { id: r.id, problems: [] }) }),
    );
    const view = await show(store, "#/catalogus/eigen");
    expect($(view, 'label[for="own-name"]').textContent).toBe("Naam (verplicht)");
    expect($(view, "#own-levels-group legend").textContent).toBe("Niveau (verplicht)");
    expect($(view, 'label[for="own-aliases"]').textContent).toBe("Andere namen");
    type($<HTMLInputElement>(view, "#own-url"), "www.voorbeeld.nl");
    await submit(view);
    expect(saved).toEqual([]);
    expect(links(view)).toEqual([
      ["own-name", "Vul de naam in."],
      ["own-id", "Vul een id in."],
      ["own-kind", "Kies de soort."],
      ["own-summary", "Vul een korte beschrijving in."],
      ["own-levels", "Kies minstens één niveau."],
      ["own-steps", "Kies minstens één stap."],
      ["own-roles", "Kies voor wie de interventie is."],
      ["own-themes", "Kies minstens één thema."],
      ["own-sectors", "Kies minstens één sector."],
      ["own-url", "Vul een webadres in dat begint met https://, bijvoorbeeld https://www.voorbeeld.nl."],
      ["own-sources-document", "Kies het document waar de feiten vandaan komen."],
      ["own-sources-section", "Vul in waar in het document het staat."],
    ]);
    expect($(view, "#own-name-error").textContent).toBe("Fout: Vul de naam in.");
    expect($(view, "#own-name").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement?.id).toBe("error-summary");
    expect(view.textContent).not.toMatch(/slug|sources\[0\]|is leeg/);
  });

  it("says it in English on the English interface", async () => {
    setLang("en");
    const view = await show(makeStore(fakeApi({ ownRecords: async () => [] })).store, "#/catalogus/eigen");
    await submit(view);
    expect(links(view)[0]).toEqual(["own-name", "Enter the name."]);
    expect(links(view)[4]).toEqual(["own-levels", "Choose at least one level."]);
  });

  it("saves what passes, with the id made from the name and unknown facts as null; the core's problems go on their fields", async () => {
    const saved: Intervention[] = [];
    const { store, went } = makeStore(
      fakeApi({
        ownRecords: async () => [],
        ownSave: async (r) => {
          saved.push(r);
          return saved.length === 1
            ? {
                id: null,
                problems: [
                  {
                    field: "id",
                    message: "die id heeft de meegeleverde catalogus al",
                    message_en: "the bundled catalogue already has that id",
                  },
                  { field: "sources[0].section", message: "is te lang", message_en: "is too long" },
                ],
              }
            : { id: r.id, problems: [] };
        },
      }),
    );
    const view = await show(store, "#/catalogus/eigen");
    fill(view);
    expect($<HTMLInputElement>(view, "#own-id").value).toBe("koffie-overleg");
    await submit(view);
    expect(saved[0].benefits).toBeNull();
    expect(saved[0].levels).toEqual(["individu"]);
    expect(saved[0].last_reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(links(view)).toEqual([
      ["own-id", "Id: die id heeft de meegeleverde catalogus al"],
      ["own-sources-section", "Waar in het document: is te lang"],
    ]);
    await submit(view);
    expect(went).toEqual(["#/catalogus"]);
    expect(store.takeArrival().notice).toBe("Koffie-overleg is opgeslagen als eigen interventie.");
  });

  it("puts the core's problems on their fields in English on the English interface", async () => {
    setLang("en");
    const problems = [
      {
        field: "id",
        message: "dit id hoort bij de meegeleverde catalogus",
        message_en: "this id is the bundled catalogue's",
      },
    ];
    const { store } = makeStore(fakeApi({ ownRecords: async () => [], ownSave: async () => ({ id: null, problems }) }));
    const view = await show(store, "#/catalogus/eigen");
    fill(view);
    await submit(view);
    expect(links(view)).toEqual([["own-id", "Id: this id is the bundled catalogue's"]]);
    expect($(view, "#own-id-error").textContent).toContain("this id is the bundled catalogue's");
    expect(view.textContent).not.toContain("meegeleverde");
  });

  it("edits an own intervention in place: the id stays, every known fact is kept", async () => {
    const own: Intervention = {
      ...record,
      id: "eigen-x",
      name: "Eigen X",
      url: "https://www.voorbeeld.nl",
      evidence: { ...record.evidence, assessed_on: "2024-03", scheme: "uitgever", valid_until: "2027-01-31" },
    };
    const calls: [Intervention, boolean][] = [];
    const api = fakeApi({
      ownRecords: async () => [own],
      ownSave: async (r, isNew) => (calls.push([r, isNew]), { id: r.id, problems: [] }),
    });
    const view = await show(makeStore(api).store, "#/catalogus/eigen/eigen-x");
    const id = $<HTMLInputElement>(view, "#own-id");
    expect(id.value).toBe("eigen-x");
    expect(id.hasAttribute("readonly")).toBe(true);
    expect($<HTMLInputElement>(view, "#own-evidence-assessed_on").value).toBe("03-2024");
    expect($<HTMLInputElement>(view, "#own-evidence-valid_until").value).toBe("31-01-2027");
    await submit(view);
    const [saved, isNew] = calls[0];
    expect(isNew).toBe(false);
    expect(saved.evidence).toEqual({
      level: "effectief",
      basis: "Effect op klachten",
      references: ["Ketelaar et al. (2013)"],
      assessed_on: "2024-03",
      valid_until: "2027-01-31",
      scheme: "uitgever",
    });
    expect(saved.sources).toEqual(record.sources);
    expect(saved.involves).toBe("Iets doen");
  });
});
