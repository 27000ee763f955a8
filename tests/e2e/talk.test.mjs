// Conversations in the real window (issue 28): a team conversation of seven themes from the
// dossier's task list to the advice, held live (one question per screen) and typed in after
// a paper session (one form per theme, with the printed sheet), the team leader's view beside
// the team's, and axe on every new screen. The screens and actions each path takes are
// printed and held to a bound.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, cliJson, launch, newDataDir, rendered, screenshot, waitText } from "./harness.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core on the window as it is: the serious and critical violations, named by screen. */
async function axe(driver, screen, found) {
  await driver.executeScript(axeSource);
  const violations = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { resultTypes: ["violations"] }).then(
      (r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }))),
      (e) => done([{ id: "axe-error", impact: "critical", nodes: [String(e)] }]));
  `);
  for (const v of violations) if (v.impact === "serious" || v.impact === "critical") found.push({ screen, ...v });
}

/** Counts screens (each new address shown in full) and the user's actions (clicks, typed fields). */
async function counter(driver) {
  await driver.executeScript(`
    window.__screens = 1;
    new MutationObserver((changes) => {
      for (const c of changes) if (c.target.dataset.rendered !== c.oldValue) window.__screens += 1;
    }).observe(document.querySelector("main"), { attributes: true, attributeFilter: ["data-rendered"], attributeOldValue: true });`);
  let actions = 0;
  return {
    async click(css) {
      actions += 1;
      await driver.findElement(By.css(css)).click();
    },
    async type(css, text) {
      actions += 1;
      const el = await driver.findElement(By.css(css));
      await el.clear();
      await el.sendKeys(text);
    },
    async report(task) {
      const screens = await driver.executeScript("return window.__screens");
      console.log(`# ${task}: ${screens} screens, ${actions} actions`);
      return { screens, actions };
    },
  };
}

// The team's agreed ratings, theme by theme: workload and control are rated low.
const TEAM = [2, 2, 4, 3, 4, 3, 3];
// The team leader sees control much more brightly than the team.
const LEADER = [3, 5, 4, 3, 4, 3, 3];

async function openDossier(driver, id) {
  await waitText(driver, "#catalogue-count", /\d+ interventies/);
  await driver.executeScript(`location.hash = "#/dossier/${id}"`);
  await rendered(driver, `#/dossier/${id}`);
}

/** Waits until the window shows one of `hashes` in full; answers which. */
async function renderedOneOf(driver, hashes) {
  let shown;
  await driver.wait(async () => {
    shown = await driver.executeScript("return document.querySelector('main')?.dataset.rendered ?? null");
    return hashes.includes(shown);
  }, 10_000, `one of ${hashes.join(", ")} is rendered`);
  return shown;
}

/** Walks the live conversation screen by screen: the first question gets a note, "Terug"
 * returns to it with the note kept, every other question is skipped, each theme gets its
 * rating; answers how many questions were asked. */
async function walkLive(driver, u, id, found, toRating = false) {
  const at = (step) => `#/gesprek/${id}/team/${step}`;
  let questions = 0;
  let themes = 0;
  for (let step = 0; ; step += 1) {
    if ((await renderedOneOf(driver, [at(step), at("controleer")])) === at("controleer")) break;
    const kind = await driver.findElement(By.css("section.talk-screen")).getAttribute("data-screen");
    if (kind === "rating") {
      await waitText(driver, "#q-caption", new RegExp(`Thema ${themes + 1} van 7`));
      if (themes === 0) await axe(driver, "talk-rating", found);
      await u.click(`#talk-rating-${TEAM[themes]}`);
      await u.click("#q-next");
      themes += 1;
    } else if (step === 0 && !toRating) {
      questions += 1;
      await waitText(driver, "#q-caption", /Vraag 1 van \d+/);
      await axe(driver, "talk-question", found);
      await screenshot(driver, "talk-question");
      await u.type("#talk-note", "Pieken rond de overdracht");
      await u.click("#q-next");
      await renderedOneOf(driver, [at(1)]);
      await u.click("#q-back");
      await renderedOneOf(driver, [at(0)]);
      assert.equal(await driver.findElement(By.id("talk-note")).getAttribute("value"), "Pieken rond de overdracht");
      await u.click("#q-next");
    } else {
      questions += 1;
      // The theme's first question said it all: on to the rating (where the link is offered).
      const link = toRating ? await driver.findElements(By.id("q-to-rating")) : [];
      if (link.length) {
        await u.click("#q-to-rating");
        // On to the theme's rating screen, further on: its step is read from the address.
        let shown = at(step);
        await driver.wait(async () => {
          shown = await driver.executeScript("return document.querySelector('main')?.dataset.rendered ?? null");
          return shown !== at(step);
        }, 10_000, "the rating screen is rendered");
        step = Number(shown.split("/").pop()) - 1;
        continue;
      }
      await u.click("#q-skip");
    }
  }
  assert.equal(themes, 7, "seven themes rated");
  return questions;
}

test("a team conversation of seven themes, one question per screen, from the dossier to the advice", async () => {
  const dataDir = newDataDir();
  const { id } = cliJson("dossier", "new", "--org", "Zorggroep Oost", "--sector", "zorg", "--data-dir", dataDir);
  const app = await launch({ dataDir });
  const { driver } = app;
  const found = [];
  try {
    await openDossier(driver, id);
    await axe(driver, "dossier-with-conversations", found);
    const u = await counter(driver);
    await u.click("#task-talk-team");
    await rendered(driver, `#/gesprek/${id}/team`);
    await axe(driver, "talk-start", found);
    await u.type("#talk-present", "6");
    await u.click("#talk-begin");
    const questions = await walkLive(driver, u, id, found);
    console.log(`# the team guide asks ${questions} questions over 7 themes`);
    await rendered(driver, `#/gesprek/${id}/team/controleer`);
    assert.match(await driver.findElement(By.id("talk-check-list")).getText(), /Werkdruk[\s\S]*2 van 5/);
    await axe(driver, "talk-check", found);
    await screenshot(driver, "talk-check");
    await u.click("#talk-save");
    await rendered(driver, `#/gesprek/${id}`);
    await waitText(driver, "#talk-notice", /Teamgesprek is opgeslagen/);
    // The chart's table gives every theme's rating.
    const rows = await driver.findElements(By.css(".talk-outcome .rating-table tbody tr td"));
    assert.deepEqual(await Promise.all(rows.map((r) => r.getText())), TEAM.map((r) => `${r} van 5`));
    assert.equal((await driver.findElements(By.css(".talk-outcome svg rect.bar"))).length, 7);
    assert.match(await driver.findElement(By.id("talk-low")).getText(), /werkdruk: 2 van 5[\s\S]*regelmogelijkheden: 2 van 5/);
    await axe(driver, "talk-outcomes", found);
    await screenshot(driver, "talk-outcomes");
    await u.click("#talk-advice");
    await waitText(driver, "#results-count", /\d+ interventies passen/);
    const reasons = await driver.findElement(By.id("recommendations")).getText();
    assert.match(reasons, /uit het teamgesprek: (werkdruk|regelmogelijkheden) 2 van 5/, "the reason names the conversation");
    await axe(driver, "talk-results", found);
    await screenshot(driver, "talk-results");
    const { screens, actions } = await u.report("team conversation held live, dossier to advice");
    assert.ok(screens <= 42, `${screens} screens`);
    assert.ok(actions <= 50, `${actions} actions`);
    // Stored in the dossier: the seven ratings as a measurement of six people.
    const d = cliJson("dossier", "show", id, "--data-dir", dataDir);
    const talk = d.conversations[0];
    assert.equal(talk.present, 6);
    assert.deepEqual(talk.themes.map((t) => t.rating), TEAM);
    assert.equal(talk.themes[0].questions[0].note.text, "Pieken rond de overdracht");
  } finally {
    await app.stop();
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
});

test("the same conversation held live at its quickest: each theme's first question, then on to its rating", async () => {
  const dataDir = newDataDir();
  const { id } = cliJson("dossier", "new", "--org", "Zorggroep Zuid", "--sector", "zorg", "--data-dir", dataDir);
  const app = await launch({ dataDir });
  const { driver } = app;
  const found = [];
  try {
    await openDossier(driver, id);
    const u = await counter(driver);
    await u.click("#task-talk-team");
    await rendered(driver, `#/gesprek/${id}/team`);
    await u.type("#talk-present", "8");
    await u.click("#talk-begin");
    await walkLive(driver, u, id, found, true);
    await rendered(driver, `#/gesprek/${id}/team/controleer`);
    await u.click("#talk-save");
    await rendered(driver, `#/gesprek/${id}`);
    await u.click("#talk-advice");
    await waitText(driver, "#results-count", /\d+ interventies passen/);
    const { screens, actions } = await u.report("team conversation held live, each theme's first question only, dossier to advice");
    assert.ok(screens <= 21, `${screens} screens`);
    assert.ok(actions <= 30, `${actions} actions`);
    assert.deepEqual(cliJson("dossier", "show", id, "--data-dir", dataDir).conversations[0].themes.map((t) => t.rating), TEAM);
  } finally {
    await app.stop();
  }
});

/** Types one conversation in from paper: a form per theme, the given ratings. */
async function typeIn(driver, u, id, guide, ratings, present) {
  await u.click(`#task-talk-${guide}`);
  await rendered(driver, `#/gesprek/${id}/${guide}`);
  if (present) await u.type("#talk-present", present);
  await u.click("#talk-mode-after");
  await u.click("#talk-begin");
  for (const [n, rating] of ratings.entries()) {
    await rendered(driver, `#/gesprek/${id}/${guide}/thema-${n}`);
    await u.click(`#talk-rating-${rating}`);
    await u.click("#q-next");
  }
  await rendered(driver, `#/gesprek/${id}/${guide}/controleer`);
  await u.click("#talk-save");
  await rendered(driver, `#/gesprek/${id}`);
}

test("a paper session typed in afterwards, a form per theme, and where the team leader and the team differ", async () => {
  const dataDir = newDataDir();
  const filesDir = mkdtempSync(join(tmpdir(), "keuzehulp-e2e-files-"));
  const { id } = cliJson("dossier", "new", "--org", "Thuiszorg West", "--sector", "zorg", "--data-dir", dataDir);
  const app = await launch({ dataDir, filesDir });
  const { driver } = app;
  const found = [];
  try {
    await openDossier(driver, id);
    // The printed sheet first, for the paper session.
    await driver.findElement(By.id("task-talk-team")).click();
    await rendered(driver, `#/gesprek/${id}/team`);
    await driver.findElement(By.id("talk-sheet")).click();
    await waitText(driver, "#talk-sheet-status", /De vragenlijst is opgeslagen/);
    assert.ok(readdirSync(filesDir).some((f) => f.endsWith(".pdf")), "the sheet is a PDF");
    await driver.findElement(By.id("talk-back-dossier")).click();
    await rendered(driver, `#/dossier/${id}`);
    const u = await counter(driver);
    await u.click("#task-talk-team");
    await rendered(driver, `#/gesprek/${id}/team`);
    await u.type("#talk-present", "5");
    await u.click("#talk-mode-after");
    await u.click("#talk-begin");
    await rendered(driver, `#/gesprek/${id}/team/thema-0`);
    await axe(driver, "talk-theme-form", found);
    await screenshot(driver, "talk-theme-form");
    for (const [n, rating] of TEAM.entries()) {
      await rendered(driver, `#/gesprek/${id}/team/thema-${n}`);
      await u.click(`#talk-rating-${rating}`);
      await u.click("#q-next");
    }
    await rendered(driver, `#/gesprek/${id}/team/controleer`);
    await u.click("#talk-save");
    await rendered(driver, `#/gesprek/${id}`);
    await u.click("#talk-advice");
    await waitText(driver, "#results-count", /\d+ interventies passen/);
    const { screens, actions } = await u.report("team conversation typed in from paper, dossier to advice");
    assert.ok(screens <= 12, `${screens} screens`);
    assert.ok(actions <= 20, `${actions} actions`);
    // The team leader's view of the same themes, then where the two differ most.
    await driver.executeScript(`location.hash = "#/gesprek/${id}"`);
    await rendered(driver, `#/gesprek/${id}`);
    await typeIn(driver, u, id, "leidinggevende", LEADER);
    await waitText(driver, "#talk-differ-largest", /Het grootste verschil: regelmogelijkheden/);
    await axe(driver, "talk-differ", found);
    await screenshot(driver, "talk-differ");
  } finally {
    await app.stop();
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
});

test("the worker conversation shows the rule against medical details on every screen and keeps its notes confidential", async () => {
  const dataDir = newDataDir();
  const { id } = cliJson("dossier", "new", "--org", "Zorggroep Noord", "--sector", "zorg", "--data-dir", dataDir);
  const app = await launch({ dataDir });
  const { driver } = app;
  const found = [];
  try {
    await openDossier(driver, id);
    await driver.findElement(By.id("task-talk-medewerker")).click();
    await rendered(driver, `#/gesprek/${id}/medewerker`);
    await waitText(driver, "#guide-rules", /Geen medische gegevens/);
    assert.equal((await driver.findElements(By.id("talk-present"))).length, 0, "no number present for one worker");
    await driver.findElement(By.id("talk-begin")).click();
    await rendered(driver, `#/gesprek/${id}/medewerker/0`);
    await waitText(driver, "#guide-rules", /Geen medische gegevens/);
    assert.equal(await driver.findElement(By.id("talk-note-secret")).isSelected(), true);
    await driver.findElement(By.id("talk-note")).sendKeys("Voelt zich opgejaagd in de avonddienst");
    await waitText(driver, "#talk-note-confidential", /Vertrouwelijk/);
    await axe(driver, "talk-worker", found);
    await screenshot(driver, "talk-worker");
    await driver.findElement(By.id("q-next")).click();
    await rendered(driver, `#/gesprek/${id}/medewerker/1`);
    await driver.executeScript(`location.hash = "#/gesprek/${id}/medewerker/controleer"`);
    await rendered(driver, `#/gesprek/${id}/medewerker/controleer`);
    await driver.findElement(By.id("talk-save")).click();
    await rendered(driver, `#/gesprek/${id}`);
    const note = cliJson("dossier", "show", id, "--data-dir", dataDir).conversations[0].themes[0].questions[0].note;
    assert.equal(note.confidential, true);
    // The report task lists it, unticked: it enters a report only when ticked there.
    await driver.executeScript(`location.hash = "#/dossier/${id}/rapport"`);
    await rendered(driver, `#/dossier/${id}/rapport`);
    await waitText(driver, "#report-talk-notes", /Voelt zich opgejaagd in de avonddienst/);
    assert.equal(await driver.findElement(By.id(`talk-note-in-report-${note.id}`)).isSelected(), false);
    await axe(driver, "report-talk-notes", found);
  } finally {
    await app.stop();
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
});
