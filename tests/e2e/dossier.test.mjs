// A company visit in the real window: open a dossier, type the visit facts (autosaved), answer
// the questions, add a recommendation to the shortlist, plan it, note something, save the
// report, and erase the dossier. The command line checks what the window stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, cliJson, launch, newDataDir, screenshot, seedDossier, waitFocus, waitText } from "./harness.mjs";

const hash = (driver, h) => driver.executeScript(`location.hash = ${JSON.stringify(h)}`);

test("a visit: dossier, autosave, shortlist from the results, plan, note, report, erase", async () => {
  const dataDir = newDataDir();
  const filesDir = mkdtempSync(join(tmpdir(), "keuzehulp-e2e-files-"));
  const app = await launch({ dataDir, filesDir });
  const { driver } = app;
  const show = (id) => cliJson("dossier", "show", id, "--data-dir", dataDir);
  try {
    await waitText(driver, "#catalogue-count", /\d+ interventies/);
    // A new dossier from the start screen.
    await driver.findElement(By.id("start-new-dossier-org")).sendKeys("Thuiszorg De Linde");
    await driver.findElement(By.id("start-new-dossier-create")).click();
    await waitText(driver, "#dossier-title", /Thuiszorg De Linde/);
    const id = await driver.findElement(By.css("section.dossier")).getAttribute("data-id");
    // A new dossier opens at its first task, the visit. Autosave: typing is enough, no save button.
    await driver.findElement(By.id("visit-department")).sendKeys("Wijkteam Noord");
    await waitText(driver, "#save-status", /Opgeslagen om/);
    assert.equal(show(id).department, "Wijkteam Noord", "the visit facts are stored as typed");
    // The privacy reminder sits with the notes.
    await hash(driver, `#/dossier/${id}/notities`);
    await waitText(driver, "#notes-title", /Notities/);
    assert.match(await driver.findElement(By.id("note-reminder")).getText(), /geen medische gegevens/);
    await driver.findElement(By.id("note-text")).sendKeys("Gesprek met teamleider en OR-lid");
    await driver.findElement(By.id("note-add")).click();
    await waitText(driver, "#notes", /Gesprek met teamleider en OR-lid/);
    assert.equal(show(id).notes[0].text, "Gesprek met teamleider en OR-lid");
    await screenshot(driver, "5-dossier-new");

    // The questions, answered for this dossier; the answers are kept in it.
    await hash(driver, `#/dossier/${id}/vragen`);
    await waitText(driver, "#answers-title", /Vragen/);
    await driver.findElement(By.id("dossier-questions")).click();
    await waitText(driver, "#q-caption", /Vraag 1 van/);
    await driver.findElement(By.css('input[name="answer-role"][value="leidinggevende"]')).click();
    await driver.findElement(By.id("q-next")).click();
    await hash(driver, "#/resultaten");
    await waitText(driver, "#dossier-bar", /Thuiszorg De Linde/);
    assert.equal(show(id).answers.role, "leidinggevende", "reopening the dossier gives the same answers");
    const first = await driver.findElement(By.css("#recommendations .recommendation"));
    const chosen = await first.getAttribute("data-id");
    await first.findElement(By.css("button.add-dossier")).click();
    await waitText(driver, "#recommendations .recommendation .dossier-status", /Op de keuzelijst van Thuiszorg De Linde gezet/);
    assert.equal(show(id).shortlist[0].intervention_id, chosen);
    assert.equal(show(id).shortlist[0].why ?? null, null, "'Waarom gekozen' is the professional's to write, not pre-filled");
    await screenshot(driver, "5-results-add-to-dossier");

    // The focus stays on the button, and the status offers the way to the choice list.
    assert.match(await driver.executeScript("return document.activeElement.className"), /add-dossier/);
    // Back in the dossier: plan it, with an evaluation date that has passed (typed day first).
    await driver.findElement(By.css("#recommendations .recommendation a.to-shortlist")).click();
    await waitText(driver, "#shortlist", /\S/);
    await driver.findElement(By.css("#shortlist button.to-plan")).click();
    await waitText(driver, "#plan", /\S/);
    await driver.findElement(By.css('#plan input[data-field="evaluation_date"]')).sendKeys("01-01-2020");
    await driver.findElement(By.css('#plan input[data-field="who"]')).sendKeys("Teammanager");
    await waitText(driver, "#save-status", /Opgeslagen om/);
    await driver.wait(async () => show(id).plan[0]?.who === "Teammanager", 5_000, "the plan item's owner is stored");
    assert.equal(show(id).plan[0].evaluation_date, "2020-01-01");
    await screenshot(driver, "5-dossier-plan");

    // The start screen shows the overdue evaluation.
    await hash(driver, "#/");
    await waitText(driver, "#overdue", /Thuiszorg De Linde/);
    await screenshot(driver, "5-start-overdue");

    // The report, saved where chosen (here: the test's folder) as a real PDF.
    await hash(driver, `#/dossier/${id}/rapport`);
    await waitText(driver, "#report-title", /Adviesrapport/);
    await driver.findElement(By.id("report-save")).click();
    await waitText(driver, "#dossier-action-status", /Opgeslagen als/, 30_000);
    const pdfs = readdirSync(filesDir).filter((f) => f.endsWith(".pdf"));
    assert.equal(pdfs.length, 1, `one report in ${filesDir}: ${pdfs}`);
    assert.match(pdfs[0], /^adviesrapport-thuiszorg-de-linde-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.equal(readFileSync(join(filesDir, pdfs[0])).subarray(0, 5).toString(), "%PDF-");

    // Export, delete (to the trash) and undo that; delete again, then erase it for good
    // from the trash (after a second, explicit confirmation). From the overview.
    await hash(driver, `#/dossier/${id}`);
    await waitText(driver, "#task-list", /Rapport/);
    assert.match(await driver.findElement(By.css('#task-list li[data-task="rapport"]')).getText(), /Klaar/, "the report task is done");
    await driver.findElement(By.id("dossier-export")).click();
    await waitText(driver, "#dossier-action-status", /Geëxporteerd naar/);
    assert.ok(existsSync(join(filesDir, "dossier-thuiszorg-de-linde.json")));
    const toTrash = async () => {
      await driver.findElement(By.id("dossier-delete")).click();
      assert.match(await driver.findElement(By.id("delete-confirm")).getText(), /prullenbak/);
      await driver.findElement(By.id("delete-yes")).click();
      await waitText(driver, "#dossiers-title", /Dossiers/);
      await waitText(driver, "#dossiers-notice", /staat in de prullenbak/);
    };
    await toTrash();
    assert.deepEqual(cliJson("dossier", "list", "--data-dir", dataDir).dossiers, []);
    await driver.findElement(By.id("undo-delete")).click();
    await waitText(driver, "#dossier-list", /Thuiszorg De Linde/);
    // The button is gone; the focus is on the message that says so, not on the page.
    await waitFocus(driver, "dossiers-notice");
    assert.equal(show(id).plan[0].who, "Teammanager", "undone whole");
    await hash(driver, `#/dossier/${id}`);
    await waitText(driver, "#dossier-title", /Thuiszorg De Linde/);
    await toTrash();
    await driver.findElement(By.id("trash-link")).click();
    await waitText(driver, "#trash-list", /Thuiszorg De Linde/);
    await screenshot(driver, "5-trash");
    await driver.findElement(By.css(`.erase[data-id="${id}"]`)).click();
    // "Definitief verwijderen" is a warning button, confirmed apart.
    assert.match(await driver.findElement(By.css(`.erase[data-id="${id}"]`)).getAttribute("class"), /\bwarning\b/);
    await driver.findElement(By.css(".erase-yes")).click();
    await waitText(driver, "#trash-list", /De prullenbak is leeg/);
    await waitText(driver, "#trash-status", /Het dossier is gewist/);
    await waitFocus(driver, "trash-status");
    assert.deepEqual(cliJson("dossier", "trash", "--data-dir", dataDir).trash, []);
    await hash(driver, "#/dossiers");
    await waitText(driver, "#dossiers-title", /Dossiers/);

    // And import it back from the exported file: nothing was lost in the move.
    await driver.findElement(By.id("dossier-import")).click();
    await waitText(driver, "#import-status", /geïmporteerd/);
    await waitText(driver, "#dossier-list", /Thuiszorg De Linde/);
    assert.equal(show(id).plan[0].who, "Teammanager");
  } finally {
    await app.stop();
  }
});

test("the dossier list searches as you type and opens a dossier made on the command line", async () => {
  const dataDir = newDataDir();
  const a = seedDossier(dataDir, "Zorggroep Oost");
  seedDossier(dataDir, "Gemeente Westdorp");
  const app = await launch({ dataDir });
  const { driver } = app;
  try {
    await waitText(driver, "#recent-dossiers", /Gemeente Westdorp/);
    await driver.findElement(By.id("all-dossiers")).click();
    await waitText(driver, "#dossier-list", /Zorggroep Oost/);
    // No stray "Wachtwoord van het bestand" field: it shows only when an import asks for it.
    assert.equal(await driver.findElement(By.id("import-passphrase")).isDisplayed(), false);
    await driver.findElement(By.id("dossier-filter")).sendKeys("westdorp");
    await driver.wait(async () => !/Zorggroep Oost/.test(await driver.findElement(By.id("dossier-list")).getText()), 5_000, "the filter narrows the list");
    await driver.findElement(By.id("dossier-filter")).clear();
    await driver.findElement(By.id("dossier-filter")).sendKeys("oost");
    await waitText(driver, "#dossier-list", /Zorggroep Oost/);
    await driver.findElement(By.css(`#dossier-list li[data-id="${a}"] a`)).click();
    await waitText(driver, "#task-list", /Notities/);
    await driver.findElement(By.id("task-notities")).click();
    await waitText(driver, "#notes", /roosterdruk/);
    await driver.findElement(By.id("task-overview")).click();
    await waitText(driver, "#task-list", /Actieplan/);
    await driver.findElement(By.id("task-actieplan")).click();
    await waitText(driver, "#plan", /\S/);
    assert.match(await driver.findElement(By.css("#plan li[data-item] legend")).getText(), /Evaluatie te laat/);
    assert.equal(await driver.findElement(By.css('#plan input[data-field="evaluation_date"]')).getAttribute("value"), "01-01-2020");
    await screenshot(driver, "5-dossier-from-cli");
  } finally {
    await app.stop();
  }
});
