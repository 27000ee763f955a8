import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SearchResult } from "../api";
import { fakeApi, tree } from "../test/fake-api";
import { $, makeStore, reset, settle, show, type } from "../test/render";

beforeEach(reset);

/** The core's answer to `query` with nothing found, and `more` on top. */
function answer(query: string, more: Partial<SearchResult> = {}): SearchResult {
  return { query, total: 0, terms: [], facets: {}, hits: [], nearest: [], cut: [], suggestion: null, ...more };
}

describe("search view", () => {
  it("marks the matched words and shows the count", async () => {
    const view = await show(makeStore().store, "#/zoeken?q=werkdruk");
    expect([...view.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Werkdruk", "werkdruk"]);
    expect($(view, "#search-status").textContent?.trim()).toBe("1 van 1 resultaten");
  });

  it("says so when nothing is found and offers the nearest", async () => {
    const api = fakeApi({
      search: async (query) =>
        answer(query, {
          nearest: [{ id: "n", name: "Dichtbij", score: 1, levels: [], steps: [], summary: "", matched: [], via: [] }],
        }),
    });
    const view = await show(makeStore(api).store, "#/zoeken?q=xyz");
    expect($(view, "#search-status").textContent?.trim()).toBe("Niets gevonden voor “xyz”.");
    expect(view.textContent).toContain("Dichtbij");
  });

  it("offers the way in when the query asks one of the starting questions, and takes it", async () => {
    const entry = {
      id: "zorgen-terecht",
      question: "Bij wie kan ik terecht met mijn zorgen?",
      question_en: "Who can I turn to with my worries?",
      help: "Voor medewerkers.",
      help_en: "For workers.",
      presets: { role: "medewerker", level: "individu", steps: ["C"] },
    };
    const api = fakeApi({
      search: async (query) => answer(query, { way_in: query.includes("praten") ? "zorgen-terecht" : undefined }),
    });
    const { store, went } = makeStore(api, { ...tree, entries: [entry] });
    const plain = await show(store, "#/zoeken?q=werkdruk");
    expect(plain.querySelector("#search-way-in")).toBeNull();
    const view = await show(store, "#/zoeken?q=met%20wie%20kan%20ik%20praten");
    expect($(view, "#search-way-in").textContent?.replace(/\s+/g, " ")).toContain(
      "Uw vraag lijkt op een van de vier startvragen: Bij wie kan ik terecht met mijn zorgen?",
    );
    $<HTMLButtonElement>(view, "#search-way-in-begin").click();
    expect(went.at(-1)).toBe("#/bij-wie");
    expect(store.answers.role).toBe("medewerker");
    expect(store.given).toContain("role");
  });

  it("offers 'Bedoelde u' and searches the suggestion when it is chosen", async () => {
    const asked: string[] = [];
    const api = fakeApi({
      search: async (query) => {
        asked.push(query);
        return answer(query, { suggestion: query === "harasment" ? "harassment" : null });
      },
    });
    const view = await show(makeStore(api).store, "#/zoeken?q=harasment");
    expect($(view, "#search-suggestion").textContent?.replace(/\s+/g, " ").trim()).toBe("Bedoelde u: harassment?");
    $<HTMLButtonElement>(view, "#search-suggestion-link").click();
    await vi.waitFor(() => expect(asked).toContain("harassment"));
    await settle();
    expect($<HTMLInputElement>(view, "#search-input").value).toBe("harassment");
    expect($(view, "#search-suggestion").hidden).toBe(true);
  });

  it("says through which word a record was found", async () => {
    const api = fakeApi({
      search: async (query) =>
        answer(query, {
          total: 1,
          hits: [
            {
              id: "bat",
              name: "Burnout Assessment Tool",
              score: 1,
              levels: [],
              steps: [],
              summary: "",
              matched: [],
              via: [{ from: "opgebrand", to: "burn-out" }],
            },
          ],
        }),
    });
    const view = await show(makeStore(api).store, "#/zoeken?q=opgebrand");
    expect($(view, ".hit .via").textContent).toBe("Gevonden via: opgebrand → burn-out");
  });
});

describe("from the start screen", () => {
  it("keeps what was typed on the start screen while the search screen loaded", async () => {
    const asked: string[] = [];
    const api = fakeApi({
      search: async (query) => {
        asked.push(query);
        return answer(query);
      },
    });
    const { store, went } = makeStore(api);
    const start = await show(store, "#/");
    const field = $<HTMLInputElement>(start, "#search-input");
    type(field, "w");
    type(field, "werkdruk");
    expect(went).toEqual(["#/zoeken?q=w"]);
    const view = await show(store, "#/zoeken?q=w");
    await settle();
    expect($<HTMLInputElement>(view, "#search-input").value).toBe("werkdruk");
    expect(asked.at(-1)).toBe("werkdruk");
  });
});
