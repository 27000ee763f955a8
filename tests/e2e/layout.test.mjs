// Every screen fits a 1024×640 window, also at 200% zoom: no sideways scrolling of the page
// (wide tables scroll inside their own frame, as WCAG 1.4.10 allows).
import { test } from "node:test";
import assert from "node:assert/strict";
import { By, until, launch, newDataDir, rendered, screenshot, seedDossier } from "./harness.mjs";

const screens = [
  ["start", "#/", "#start-title"],
  ["question", "#/vraag/3", "#q-title"],
  ["review", "#/controleer", "#review-title"],
  ["worker", "#/bij-wie", "#worker-title"],
  ["results", "#/resultaten", "#results-title"],
  ["search", "#/zoeken?q=werkdruk", "#search-status"],
  ["detail", "#/interventie/pmo-psychische-gezondheid", "#detail-title"],
];

test("every screen fits 1024x640, at 100% and 200% zoom", async () => {
  const dataDir = newDataDir();
  const dossier = seedDossier(dataDir);
  screens.push(["dossiers", "#/dossiers", "#dossiers-title"], ["dossier", `#/dossier/${dossier}`, "#task-list"],
    ["dossier-visit", `#/dossier/${dossier}/bezoek`, "#visit-title"],
    ["dossier-plan", `#/dossier/${dossier}/actieplan`, "#plan-title"],
    ["dossier-report", `#/dossier/${dossier}/rapport`, "#report-title"], ["restore", "#/herstellen", "#encryption-state"]);
  const app = await launch({ dataDir });
  const { driver } = app;
  const overflow = [];
  try {
    await driver.wait(until.elementLocated(By.id("catalogue-count")), 15_000);
    await driver.manage().window().setRect({ width: 1024, height: 640 });
    for (const zoom of ["1", "2"]) {
      await driver.executeScript(`document.documentElement.style.zoom = ${JSON.stringify(zoom)}`);
      for (const [name, hash, ready] of screens) {
        await driver.executeScript(`location.hash = ${JSON.stringify(hash)}`);
        await driver.wait(until.elementLocated(By.css(ready)), 10_000);
        await rendered(driver, hash);
        const sizes = await driver.executeScript(
          "const d = document.documentElement; return [d.scrollWidth, d.clientWidth, window.innerWidth];",
        );
        if (sizes[0] > sizes[1] + 1) overflow.push(`${name} at zoom ${zoom}: page ${sizes[0]}px wide in ${sizes[1]}px`);
        await screenshot(driver, `layout-${name}-zoom${zoom}`);
      }
    }
  } finally {
    await app.stop();
  }
  assert.deepEqual(overflow, []);
});
