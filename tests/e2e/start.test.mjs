// The real window starts, asks the core for the catalogue and shows the count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { By, cliJson, launch, screenshot, waitText } from "./harness.mjs";

test("the start screen shows the number of interventions from the core", async () => {
  const expected = cliJson("list").interventions.length;
  const app = await launch();
  try {
    const count = await waitText(app.driver, "#catalogue-count", /\d+ interventies/, 15_000);
    assert.equal(await count.getText(), `${expected} interventies in de catalogus`);
    const cells = await app.driver.findElements(By.css(".matrix tbody td"));
    assert.equal(cells.length, 15, "3 levels × 5 steps");
    await screenshot(app.driver, "start");
  } finally {
    await app.stop();
  }
});

test("as shipped (without compositing): the window answers, search and a dossier work", async () => {
  const app = await launch({ shipped: true });
  const { driver } = app;
  try {
    await waitText(driver, "#catalogue-count", /\d+ interventies/, 15_000);
    await driver.findElement(By.id("search-input")).sendKeys("pesten");
    await waitText(driver, "#search-status", /resultaten/);
    await driver.findElement(By.id("nav-dossiers")).click();
    await driver.findElement(By.id("new-dossier-org")).sendKeys("Bouwbedrijf Noord");
    await driver.findElement(By.id("new-dossier-create")).click();
    await waitText(driver, "#dossier-title", /Bouwbedrijf Noord/);
    assert.equal(cliJson("dossier", "list", "--data-dir", app.dataDir).dossiers[0].org, "Bouwbedrijf Noord");
    // One screenshot works in this mode (a second one would hang WebKitWebDriver).
    await screenshot(driver, "start-as-shipped");
  } finally {
    await app.stop();
  }
});
