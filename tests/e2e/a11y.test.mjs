// axe-core on every screen of the real window: no serious or critical violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { By, until, launch, newDataDir, rendered, screenshot, seedDossier } from "./harness.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

async function axe(driver) {
  await driver.executeScript(axeSource);
  return driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { resultTypes: ["violations"] }).then(
      (r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }))),
      (e) => done([{ id: "axe-error", impact: "critical", nodes: [String(e)] }]));
  `);
}

const screens = [
  ["start", "#/", "#start-title"],
  ["question", "#/vraag/0", "#q-title"],
  ["review", "#/controleer", "#review-title"],
  ["worker", "#/bij-wie", "#worker-title"],
  ["results", "#/resultaten", "#results-title"],
  ["search", "#/zoeken?q=werkdruk", "#search-status"],
  ["detail", "#/interventie/pmo-psychische-gezondheid", "#detail-title"],
  ["compare", "#/vergelijk", "#compare-title"],
];

test("no serious or critical accessibility violation on any screen", async () => {
  const dataDir = newDataDir();
  const dossier = seedDossier(dataDir);
  screens.push(["dossiers", "#/dossiers", "#dossiers-title"], ["dossier", `#/dossier/${dossier}`, "#task-list"],
    ["dossier-visit", `#/dossier/${dossier}/bezoek`, "#visit-title"],
    ["dossier-questions", `#/dossier/${dossier}/vragen`, "#answers-title"],
    ["dossier-choice-list", `#/dossier/${dossier}/keuzelijst`, "#shortlist-title"],
    ["dossier-plan", `#/dossier/${dossier}/actieplan`, "#plan-title"],
    ["dossier-notes", `#/dossier/${dossier}/notities`, "#notes-title"],
    ["dossier-report", `#/dossier/${dossier}/rapport`, "#report-title"], ["restore", "#/herstellen", "#encryption-state"], ["trash", "#/prullenbak", "#trash-title"],
    ["catalogue", "#/catalogus", "#catalogue-edition"], ["own-form", "#/catalogus/eigen", "#own-form-title"]);
  const app = await launch({ dataDir });
  const { driver } = app;
  const found = [];
  try {
    await driver.wait(until.elementLocated(By.id("catalogue-count")), 15_000);
    for (const [name, hash, ready] of screens) {
      await driver.executeScript(`location.hash = ${JSON.stringify(hash)}`);
      await driver.wait(until.elementLocated(By.css(ready)), 10_000);
      await rendered(driver, hash);
      const violations = await axe(driver);
      for (const v of violations) if (v.impact === "serious" || v.impact === "critical") found.push({ screen: name, ...v });
      await screenshot(driver, `a11y-${name}`);
    }
    // The states a screen can be in: an impossible date with its error summary, and the
    // results with the filters panel open.
    await driver.executeScript(`location.hash = ${JSON.stringify(`#/dossier/${dossier}/bezoek`)}`);
    await driver.wait(until.elementLocated(By.id("visit-visit_date")), 10_000);
    await driver.findElement(By.id("visit-visit_date")).sendKeys("31-04-2027");
    await driver.findElement(By.id("visit-department")).click();
    await driver.wait(until.elementIsVisible(driver.findElement(By.id("error-summary"))), 10_000);
    for (const v of await axe(driver)) if (v.impact === "serious" || v.impact === "critical") found.push({ screen: "date-error", ...v });
    await screenshot(driver, "a11y-date-error");
    // Leaving with the refused date: a warning first, then on.
    await driver.executeScript(`location.hash = "#/resultaten"`);
    await driver.wait(until.elementLocated(By.id("leave-warning")), 10_000);
    for (const v of await axe(driver)) if (v.impact === "serious" || v.impact === "critical") found.push({ screen: "leave-warning", ...v });
    await driver.findElement(By.id("leave-anyway")).click();
    await driver.wait(until.elementLocated(By.css("#filters summary")), 10_000);
    await driver.findElement(By.css("#filters summary")).click();
    for (const v of await axe(driver)) if (v.impact === "serious" || v.impact === "critical") found.push({ screen: "results-filters", ...v });
  } finally {
    await app.stop();
  }

  // The unlock screen shows only at the start of an encrypted store: encrypt, relaunch, and
  // check it as it first appears and after a wrong passphrase.
  // Should the store still be claimed a moment after the window's processes are gone (once
  // seen in a full run on a loaded machine, cause unknown), the command line rightly says it
  // is still open: asked again for up to 10 s. Any other failure shows its message.
  for (let tries = 0; ; tries += 1) {
    try {
      execFileSync(process.env.KEUZEHULP_CLI, ["encryption", "on", "--data-dir", dataDir], {
        env: { ...process.env, KEUZEHULP_PASSPHRASE: "correct paard batterij" },
        stdio: ["ignore", "ignore", "pipe"],
        encoding: "utf8",
      });
      break;
    } catch (e) {
      if (tries >= 20 || !String(e.stderr).includes("nog open")) throw new Error(`encryption on: ${e.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const locked = await launch({ dataDir });
  try {
    await locked.driver.wait(until.elementLocated(By.id("unlock-title")), 15_000);
    for (const v of await axe(locked.driver)) if (v.impact === "serious" || v.impact === "critical") found.push({ screen: "unlock", ...v });
    await locked.driver.findElement(By.id("unlock-passphrase")).sendKeys("fout wachtwoord");
    await locked.driver.findElement(By.id("unlock-submit")).click();
    await locked.driver.wait(until.elementTextMatches(locked.driver.findElement(By.id("unlock-status")), /wachtwoord/), 10_000);
    for (const v of await axe(locked.driver)) if (v.impact === "serious" || v.impact === "critical") found.push({ screen: "unlock-wrong", ...v });
    await screenshot(locked.driver, "a11y-unlock");
  } finally {
    await locked.stop();
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
});
