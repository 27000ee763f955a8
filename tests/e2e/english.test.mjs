// The English interface in the real window (issue 27): switched to English, a search with
// results, the recommendations after a team conversation with their reasons, the conversation
// hub's low themes, an evaluation proposal (and "no conclusion possible"), and the
// own-intervention form refused by the core's validator. Each place says the program's own
// words in English and none of the Dutch it said before; the catalogue's content stays Dutch,
// and the recommendations say so once ("The catalogue is in Dutch.").
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { By, cliJson, launch, newDataDir, rendered, screenshot, until, waitText } from "./harness.mjs";

/** The Dutch the program wrote in these places before they spoke English. */
const DUTCH = {
  reasons: ["uit het teamgesprek", "van 5", "regelmogelijkheden", "omgang met elkaar", "helpt bij", "gericht op", "voor leidinggevenden", "thema:", "kosten niet bekend", "tijdsduur niet bekend", "gratis"],
  hub: ["uit het teamgesprek", "van 5", "regelmogelijkheden", "omgang met elkaar"],
  proposal: ["Voorstel", "Geen conclusie mogelijk", "nulmeting", "hermeting", "Bereik", "niet bekend", " op ", "veranderd", "drempel", "het team", "Teamthermometer"],
  own: ["hoort bij", "meegeleverde catalogus", "kies een ander id", "is geen", "Vul ", "Kies "],
};

function absent(text, phrases, where) {
  for (const phrase of phrases) assert.ok(!text.includes(phrase), `${where} says "${phrase}" on the English interface: ${text}`);
}

const textOf = async (driver, css) => (await driver.findElement(By.css(css)).getAttribute("textContent")).replace(/\s+/g, " ").trim();

const go = async (driver, hash) => {
  await driver.executeScript(`location.hash = ${JSON.stringify(hash)}`);
  await rendered(driver, hash);
};

async function press(driver, css) {
  const el = await driver.findElement(By.css(css));
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", el);
  await el.click();
}

/** A team conversation in which job control is rated 2 and how people treat each other 1;
 * and a traject of two visits with a baseline and a re-measurement of the team's workload. */
function seed(dataDir) {
  const d = ["--data-dir", dataDir];
  const { id: talked } = cliJson("dossier", "new", "--org", "Zorggroep Oost", "--sector", "zorg", ...d);
  const ratings = { werkdruk: 3, regelmogelijkheden: 2, "steun-leidinggevende": 4, "steun-collegas": 4, omgang: 1, duidelijkheid: 3, verandering: 4 };
  const answers = join(dataDir, "gesprek.json");
  writeFileSync(answers, JSON.stringify({ guide: "team", date: "2025-01-10", present: 8, themes: Object.entries(ratings).map(([theme, rating]) => ({ theme, rating })) }));
  cliJson("dossier", "talk", talked, "--guide", "team", "--answers", answers, ...d);
  const { id: first } = cliJson("dossier", "new", "--org", "Thuiszorg West", "--sector", "zorg", "--date", "2025-01-10", ...d);
  const measure = (id, responded, mean, date) =>
    cliJson("dossier", "measure", id, "--instrument", "teamthermometer", "--scale", "werkdruk", "--n", "20",
      "--responded", String(responded), "--mean", String(mean), "--date", date, ...d);
  measure(first, 12, 2.4, "2025-01-10");
  cliJson("dossier", "plan", first, "--intervention", "administratiedruk-verminderen", "--what", "Minder administratie",
    "--who", "Teamleider", "--start", "2025-02-01", "--evaluate-on", "2025-06-01", ...d);
  const { id: second } = cliJson("dossier", "follow-up", first, "--date", "2025-06-01", ...d);
  measure(second, 11, 3.4, "2025-06-01");
  const item = cliJson("dossier", "show", second, ...d).plan[0].id;
  return { talked, second, item };
}

test("the English interface says the program's own words in English: search, reasons, proposal, own intervention", async () => {
  const dataDir = newDataDir();
  const { talked, second, item } = seed(dataDir);
  const app = await launch({ dataDir });
  const { driver } = app;
  try {
    await waitText(driver, "#start-title", /Waar wilt u mee beginnen/);
    await driver.findElement(By.id("lang-toggle")).click();
    await waitText(driver, "#start-title", /Where would you like to start/);

    // A search: results, in English around the catalogue's Dutch records.
    await go(driver, "#/zoeken");
    await driver.findElement(By.id("search-input")).sendKeys("werkdruk");
    await waitText(driver, "#search-status", /results?/);
    assert.ok((await driver.findElements(By.css("#search-results li.hit"))).length >= 3, "results appear");
    absent(await textOf(driver, "#search-status"), ["resultaten", "interventies"], "the search status");

    // The conversation hub: the low themes by their English names.
    await go(driver, `#/gesprek/${talked}`);
    const hub = await textOf(driver, "#talk-low");
    assert.match(hub, /how we treat each other: 1 of 5 \(from the team conversation\)/);
    assert.match(hub, /job control: 2 of 5 \(from the team conversation\)/);
    absent(hub, DUTCH.hub, "the conversation's low themes");

    // The recommendations for them: each card's reasons in English, the conversation's first.
    await press(driver, "#talk-advice");
    await rendered(driver, "#/resultaten");
    await driver.wait(until.elementLocated(By.css("#recommendations .reasons li")), 10_000);
    const reasons = await driver.findElements(By.css("#recommendations .reasons"));
    assert.ok(reasons.length >= 3, `reasons on the cards (${reasons.length})`);
    const said = (await Promise.all(reasons.map((r) => r.getAttribute("textContent")))).map((t) => t.replace(/\s+/g, " "));
    assert.ok(said.some((t) => /from the team conversation: (how we treat each other 1|job control 2) of 5/.test(t)), said.join(" | "));
    for (const text of said) absent(text, DUTCH.reasons, "a recommendation's reasons");
    const body = await textOf(driver, "main");
    assert.equal(body.split("The catalogue is in Dutch.").length - 1, 1, "the catalogue's language is said once");
    await screenshot(driver, "english-results");

    // An evaluation proposal, and with a changed team "no conclusion possible", and why.
    await go(driver, `#/dossier/${second}/evaluatie/${item}`);
    await waitText(driver, "#ev-proposal-body", /^\s*Proposal: Unclear/);
    const proposal = await textOf(driver, "#ev-proposal-body");
    assert.match(proposal, /Workload and task demands \(Team thermometer \(Keuzehulp\)\): 2\.4 on 10-01-2025 \(n = 12\) → 3\.4 on 01-06-2025 \(n = 11\): changed \(threshold unknown\)/);
    assert.match(proposal, /Proposal unclear: the measurements do not point one way/);
    absent(proposal, DUTCH.proposal, "the proposal");
    await driver.findElement(By.id("ev-team_changed")).click();
    await waitText(driver, "#ev-proposal-body", /No conclusion possible: the team has changed since the baseline/);
    absent(await textOf(driver, "#ev-proposal-body"), DUTCH.proposal, "the proposal without a conclusion");
    absent(await textOf(driver, "#ev-chart-table"), ["Teamthermometer", " op "], "the before-and-after table");
    await screenshot(driver, "english-proposal");
    await driver.findElement(By.id("ev-team_changed")).click();
    await waitText(driver, "#ev-proposal-body", /^\s*Proposal: Unclear/);

    // The own-intervention form, refused by the core: an id of the bundled catalogue.
    await go(driver, "#/catalogus/eigen");
    await driver.findElement(By.id("own-name")).sendKeys("Coffee meeting about workload");
    const id = await driver.findElement(By.id("own-id"));
    await id.clear();
    await id.sendKeys("pico");
    await press(driver, "#own-kind option[value='methode']");
    await driver.findElement(By.id("own-summary")).sendKeys("A short, regular team meeting about the workload.");
    for (const field of ["own-levels", "own-steps", "own-roles", "own-themes", "own-sectors"]) await press(driver, `#${field}`);
    await press(driver, "#own-sources-document option[value='leidraad']");
    await driver.findElement(By.id("own-sources-section")).sendKeys("Step B2");
    await press(driver, "#own-save");
    await waitText(driver, "#error-summary", /this id belongs to an intervention of the bundled catalogue; choose another id/);
    await waitText(driver, "#own-id-error", /this id belongs to an intervention of the bundled catalogue/);
    absent(await textOf(driver, "#error-summary"), DUTCH.own, "the form's error summary");
    absent(await textOf(driver, "#own-id-error"), DUTCH.own, "the id's error");
    await screenshot(driver, "english-own-refused");
  } finally {
    await app.stop();
  }
});
