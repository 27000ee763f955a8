// Every screen fits a 1024×640 and a 1024×600 window, also at 200% zoom: no sideways
// scrolling of the page (wide tables scroll inside their own frame, as WCAG 1.4.10 allows).
// When room is short the header shrinks to one line, so the screen's own content starts on
// the first screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  By,
  until,
  launch,
  newDataDir,
  rendered,
  screenshot,
  seedDossier,
} from "./harness.mjs";

const screens = [
  ["start", "#/", "#start-title"],
  ["question", "#/vraag/3", "#q-title"],
  ["review", "#/controleer", "#review-title"],
  ["worker", "#/bij-wie", "#worker-title"],
  ["results", "#/resultaten", "#results-title"],
  ["search", "#/zoeken?q=werkdruk", "#search-status"],
  ["detail", "#/interventie/pmo-psychische-gezondheid", "#detail-title"],
  ["catalogue", "#/catalogus", "#catalogue-edition"],
  ["own-form", "#/catalogus/eigen", "#own-form-title"],
  ["trash", "#/prullenbak", "#trash-title"],
];

test("every screen fits 1024x640 and 1024x600, at 100% and 200% zoom, with a compact header when room is short", async () => {
  const dataDir = newDataDir();
  const dossier = seedDossier(dataDir);
  screens.push(
    ["dossiers", "#/dossiers", "#dossiers-title"],
    ["dossier", `#/dossier/${dossier}`, "#task-list"],
    ["dossier-visit", `#/dossier/${dossier}/bezoek`, "#visit-title"],
    ["dossier-plan", `#/dossier/${dossier}/actieplan`, "#plan-title"],
    ["dossier-report", `#/dossier/${dossier}/rapport`, "#report-title"],
    ["restore", "#/herstellen", "#encryption-state"],
  );
  const app = await launch({ dataDir });
  const { driver } = app;
  const overflow = [];
  const headers = [];
  try {
    await driver.wait(until.elementLocated(By.id("catalogue-count")), 15_000);
    for (const height of [640, 600]) {
      await driver.manage().window().setRect({ width: 1024, height });
      const inner = await driver.executeScript("return window.innerHeight");
      assert.ok(
        inner >= height - 60,
        `the window takes ${height} px (its inner height is ${inner})`,
      );
      for (const zoom of ["1", "2"]) {
        await driver.executeScript(
          `document.documentElement.style.zoom = ${JSON.stringify(zoom)}`,
        );
        for (const [name, hash, ready] of screens) {
          await driver.executeScript(`location.hash = ${JSON.stringify(hash)}`);
          await driver.wait(until.elementLocated(By.css(ready)), 10_000);
          await rendered(driver, hash);
          const sizes = await driver.executeScript(
            "const d = document.documentElement; return [d.scrollWidth, d.clientWidth, window.innerWidth];",
          );
          if (sizes[0] > sizes[1] + 1)
            overflow.push(
              `${name} at ${height} px, zoom ${zoom}: page ${sizes[0]}px wide in ${sizes[1]}px`,
            );
          // The header's share of the first screen, in the window's own pixels.
          const share = await driver.executeScript(
            "const z = parseFloat(document.documentElement.style.zoom || '1'); return document.getElementById('top').getBoundingClientRect().height * z / window.innerHeight;",
          );
          headers.push({ name, height, zoom, share });
          await screenshot(driver, `layout-${name}-${height}-zoom${zoom}`);
        }
      }
    }
  } finally {
    await app.stop();
  }
  assert.deepEqual(overflow, []);
  const worst = (zoom) =>
    Math.max(...headers.filter((h) => h.zoom === zoom).map((h) => h.share));
  console.log(
    `# header: at most ${Math.round(worst("1") * 100)}% of the first screen at 100%, ${Math.round(worst("2") * 100)}% at 200%`,
  );
  // Before issue #27 the header took 58% of the first screen at 200% zoom.
  assert.ok(
    worst("2") <= 0.2,
    `the header takes ${Math.round(worst("2") * 100)}% of the first screen at 200%`,
  );
  assert.ok(
    worst("1") <= 0.2,
    `the header takes ${Math.round(worst("1") * 100)}% of the first screen at 100%`,
  );
});
