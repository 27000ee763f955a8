// The start screen: what the catalogue holds, as a level × step matrix.
import { type Api, type CatalogueSummary, toApiError } from "./api";
import { h } from "./dom";

const LEVELS: Record<string, string> = { individu: "Individu", team: "Team", organisatie: "Organisatie" };
const STEPS: Record<string, string> = {
  A: "A · Directie geeft het voorbeeld",
  B1: "B1 · Veilig en open praten",
  B2: "B2 · Hanteerbare werkdruk",
  C: "C · Oog voor klachten",
  D: "D · Passende interventies",
};

export function countText(count: number): string {
  return count === 1 ? "1 interventie in de catalogus" : `${count} interventies in de catalogus`;
}

export function renderSummary(summary: CatalogueSummary): HTMLElement {
  const steps = summary.matrix[0]?.cells.map((c) => c.step) ?? [];
  const table = h(
    "table",
    { class: "matrix" },
    h("caption", {}, "Aantal interventies per niveau en stap"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Niveau"), ...steps.map((s) => h("th", { scope: "col" }, STEPS[s] ?? s)))),
    h(
      "tbody",
      {},
      ...summary.matrix.map((row) =>
        h("tr", {}, h("th", { scope: "row" }, LEVELS[row.level] ?? row.level), ...row.cells.map((c) => h("td", {}, String(c.count)))),
      ),
    ),
  );
  return h(
    "section",
    { class: "start", "aria-labelledby": "start-title" },
    h("h2", { id: "start-title" }, "Wat de catalogus bevat"),
    h("p", { id: "catalogue-count", class: "count", "data-count": summary.count }, countText(summary.count)),
    table,
    h("p", { class: "version" }, `Catalogusversie ${summary.version}`),
  );
}

export function renderError(message: string): HTMLElement {
  return h(
    "section",
    { class: "error", role: "alert" },
    h("h2", {}, "Er ging iets mis"),
    h("p", {}, message),
    h("p", {}, "Sluit Keuzehulp en start het opnieuw. Blijft dit gebeuren, controleer dan of de gegevensmap bestaat en beschrijfbaar is."),
  );
}

export async function showStart(root: HTMLElement, api: Api): Promise<void> {
  root.replaceChildren(h("p", { class: "loading", role: "status" }, "Catalogus laden…"));
  try {
    root.replaceChildren(renderSummary(await api.catalogueSummary()));
  } catch (err) {
    root.replaceChildren(renderError(toApiError(err).message));
  }
}
