// The "Catalogus" screen in the real window: a signed pack refused until its publisher is
// trusted, then looked at (the diff, who signed it) and imported on confirmation; an own
// intervention with an invalid field, named in the error summary, fixed and saved as "eigen".
// axe-core checks each new screen and state: no serious or critical violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, cliJson, launch, newDataDir, rendered, screenshot, until, waitText } from "./harness.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The serious and critical axe violations on the page as it is now. */
async function axe(driver, screen) {
  await driver.executeScript(axeSource);
  const violations = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { resultTypes: ["violations"] }).then(
      (r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }))),
      (e) => done([{ id: "axe-error", impact: "critical", nodes: [String(e)] }]));
  `);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ screen, ...v }));
}

/** Clicks the element at `css` after scrolling it to the middle of the window: on a long page
 * WebKitWebDriver's own scrolling leaves it at the bottom edge, where its click goes nowhere. */
async function press(driver, css) {
  const el = await driver.findElement(By.css(css));
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", el);
  await el.click();
}

const go = async (driver, hash) => {
  await driver.executeScript(`location.hash = ${JSON.stringify(hash)}`);
  await rendered(driver, hash);
};

test("a signed pack: refused untrusted, then trusted in the window, its diff shown, imported on confirmation", async () => {
  const dataDir = newDataDir();
  const filesDir = mkdtempSync(join(tmpdir(), "keuzehulp-e2e-files-"));
  const keys = mkdtempSync(join(tmpdir(), "keuzehulp-e2e-keys-"));
  cliJson("pack", "keygen", "--out", join(keys, "k"), "--data-dir", dataDir);
  const pico = cliJson("show", "pico", "--data-dir", dataDir);
  delete pico.origin;
  delete pico.evidence.lapsed;
  delete pico.evidence.lapsed_because;
  const record = { ...pico, id: "uitgever-overleg", name: "Overleg van de uitgever", aliases: [] };
  const pack = join(filesDir, "pakket.json");
  writeFileSync(pack, JSON.stringify({ format: "keuzehulp-pack", version: 2, catalogue_version: "2027.1", date: "2027-01-01", interventions: [record] }, null, 2));
  cliJson("pack", "sign", pack, "--key", join(keys, "k", "publisher.key"), "--data-dir", dataDir);
  const found = [];
  const app = await launch({ dataDir, filesDir });
  const { driver } = app;
  try {
    await waitText(driver, "#catalogue-count", /\d+ interventies/);
    await press(driver, "#start-catalogue");
    await rendered(driver, "#/catalogus");
    await waitText(driver, "#catalogue-edition", /Catalogus .* uitgegeven door/);
    found.push(...(await axe(driver, "catalogue")));

    // Not trusted yet: refused in the error summary, nothing imported.
    await press(driver, "#pack-choose");
    await waitText(driver, "#pack-problem", /niet aanvaard/);
    found.push(...(await axe(driver, "catalogue-refused")));
    await screenshot(driver, "catalogue-refused");
    assert.equal(await driver.findElements(By.id("pack-import")).then((e) => e.length), 0);

    // Trust the publisher through the window, until a day far ahead.
    await driver.findElement(By.id("trust-name")).sendKeys("Arbodienst West");
    await driver.findElement(By.id("trust-key")).sendKeys(readFileSync(join(keys, "k", "publisher.pub"), "utf8"));
    await driver.findElement(By.id("trust-until")).sendKeys("31-12-2099");
    await press(driver, "#trust-add");
    await waitText(driver, "#trust-list", /Arbodienst West/);
    assert.match(await driver.findElement(By.id("trust-list")).getText(), /31-12-2099/);

    // Now the diff and who signed it; nothing is imported before "Importeren".
    await press(driver, "#pack-choose");
    await waitText(driver, "#pack-signed", /Arbodienst West/);
    assert.match(await driver.findElement(By.id("pack-diff")).getText(), /1 nieuwe interventie[\s\S]*uitgever-overleg/);
    assert.match(await driver.findElement(By.id("pack-question")).getText(), /Importeren\?/);
    found.push(...(await axe(driver, "catalogue-preview")));
    await screenshot(driver, "catalogue-preview");
    assert.throws(() => cliJson("show", "uitgever-overleg", "--data-dir", dataDir));
    await press(driver, "#pack-import");
    await waitText(driver, "#catalogue-notification", /Geïmporteerd van Arbodienst West: 1 nieuw/);

    // The record, credited to its publisher.
    await go(driver, "#/interventie/uitgever-overleg");
    await waitText(driver, "#detail-origin", /Uitgever Arbodienst West/);
    assert.equal(cliJson("show", "uitgever-overleg", "--data-dir", dataDir).origin.name, "Arbodienst West");
  } finally {
    await app.stop();
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
});

test("an own intervention: an invalid field in the error summary, fixed, saved as eigen", async () => {
  const dataDir = newDataDir();
  const found = [];
  const app = await launch({ dataDir });
  const { driver } = app;
  try {
    await waitText(driver, "#catalogue-count", /\d+ interventies/);
    await go(driver, "#/catalogus");
    await press(driver, "#own-new");
    await rendered(driver, "#/catalogus/eigen");
    found.push(...(await axe(driver, "own-form")));
    await driver.findElement(By.id("own-name")).sendKeys("Koffie-overleg over werkdruk");
    assert.equal(await driver.findElement(By.id("own-id")).getAttribute("value"), "koffie-overleg-over-werkdruk");
    await press(driver, "#own-kind option[value='methode']");
    await driver.findElement(By.id("own-summary")).sendKeys("Een kort, vast overleg in het team over de werkdruk.");
    for (const id of ["own-levels", "own-steps", "own-roles", "own-themes", "own-sectors"]) await press(driver, `#${id}`);
    await press(driver, "#own-sources-document option[value='leidraad']");
    await driver.findElement(By.id("own-sources-section")).sendKeys("Stap B2");
    // A web address without https://: refused in the form's own words, nothing saved.
    await driver.findElement(By.id("own-url")).sendKeys("www.voorbeeld.nl");
    await press(driver, "#own-save");
    const summary = await driver.wait(until.elementLocated(By.id("error-summary")), 10_000);
    await driver.wait(until.elementIsVisible(summary), 10_000);
    await waitText(driver, "#error-summary", /Vul een webadres in dat begint met https:\/\//);
    await waitText(driver, "#own-url-error", /begint met https:\/\//);
    assert.doesNotMatch(await summary.getText(), /url|slug|is leeg/, "no internal field names or codes");
    assert.equal(await driver.findElement(By.id("own-url")).getAttribute("aria-invalid"), "true");
    found.push(...(await axe(driver, "own-form-errors")));
    await screenshot(driver, "own-form-errors");
    assert.throws(() => cliJson("show", "koffie-overleg-over-werkdruk", "--data-dir", dataDir));

    // Fixed: saved, and listed as "eigen".
    const url = await driver.findElement(By.id("own-url"));
    await url.clear();
    await url.sendKeys("https://www.voorbeeld.nl/overleg");
    await press(driver, "#own-save");
    await rendered(driver, "#/catalogus");
    await waitText(driver, "#catalogue-notification", /Koffie-overleg over werkdruk is opgeslagen/);
    await waitText(driver, "#own-list", /Koffie-overleg over werkdruk Eigen interventie/);
    found.push(...(await axe(driver, "catalogue-own")));
    await screenshot(driver, "catalogue-own");
    // Its detail page names it "eigen" and leads back to its form.
    await press(driver, "#own-list a");
    await waitText(driver, "#detail-origin", /^Eigen/);
    assert.match(await driver.findElement(By.id("detail-own-edit")).getAttribute("href"), /#\/catalogus\/eigen\/koffie-overleg-over-werkdruk$/);
    const shown = cliJson("show", "koffie-overleg-over-werkdruk", "--data-dir", dataDir);
    assert.equal(shown.origin.kind, "eigen");
    assert.equal(shown.url, "https://www.voorbeeld.nl/overleg");
    assert.equal(shown.benefits, null, "an empty field is unknown, never a guess");
  } finally {
    await app.stop();
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
});

