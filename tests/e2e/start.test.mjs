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
