// Keeping the user's data safe, in the real window: restoring a damaged database from a
// backup, the IPC allowlist, and an XSS corpus in catalogue fields, dossier text, the
// catalogue screen (trusted publishers, a pack's preview) and the own-intervention form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, cliJson, launch, newDataDir, rendered, screenshot, seedDossier, waitText } from "./harness.mjs";
import { payloads } from "./xss-payloads.mjs";

const hashTo = (driver, hash) => driver.executeScript(`location.hash = ${JSON.stringify(hash)}`);
const cli = (...args) => execFileSync(process.env.KEUZEHULP_CLI, args, { encoding: "utf8" });

test("a damaged database: the window says so, changes nothing, and restores the newest backup", async () => {
  const dataDir = newDataDir();
  const id = seedDossier(dataDir, "Zorggroep Oost");
  const made = cliJson("backup", "create", "--data-dir", dataDir);
  assert.ok(existsSync(made.path), "backup create prints the path of the backup");
  const db = join(dataDir, "keuzehulp.sqlite3");
  const bytes = readFileSync(db);
  const middle = Math.floor(bytes.length / 2 / 4096) * 4096;
  bytes.fill(0xa5, middle, middle + 8192);
  writeFileSync(db, bytes);

  const app = await launch({ dataDir });
  const { driver } = app;
  try {
    await waitText(driver, "#restore-title", /De database is beschadigd/, 15_000);
    assert.match(await driver.findElement(By.css("[role=alert]")).getText(), /keuzehulp\.sqlite3/);
    assert.deepEqual(readFileSync(db), bytes, "the damaged file is not written to");
    await screenshot(driver, "6-damaged");
    await driver.findElement(By.css("#backup-list button.restore")).click();
    await driver.findElement(By.css("#backup-list button.restore-yes")).click();
    await waitText(driver, "#restore-status", /is teruggezet/);
    // The window starts afresh on the restored data, and says what it restored.
    await waitText(driver, "#recent-dossiers", /Zorggroep Oost/, 15_000);
    await waitText(driver, "#start-notification", /De reservekopie van .* is teruggezet\./);
    assert.equal(cliJson("dossier", "show", id, "--data-dir", dataDir).notes[0].text, "Teamleiders noemen roosterdruk");
    assert.ok(readdirSync(dataDir).some((f) => /^beschadigd-.*\.sqlite3$/.test(f)), "the damaged file is kept aside");
    await screenshot(driver, "6-restored");
  } finally {
    await app.stop();
  }
});

test("IPC allowlist: commands the UI does not use are unreachable from the web view", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await waitText(driver, "#catalogue-count", /\d+ interventies/);
    const forbidden = [
      ["plugin:dialog|open", {}],
      ["plugin:dialog|save", {}],
      ["plugin:dialog|message", { message: "x" }],
      ["plugin:opener|open_path", { path: "/etc/passwd" }],
      ["plugin:opener|reveal_item_in_dir", { paths: ["/etc/passwd"] }],
      ["plugin:window|close", { label: "main" }],
      ["plugin:webview|create_webview_window", {}],
      ["plugin:event|emit", { event: "x", payload: null }],
      ["plugin:app|version", {}],
      ["plugin:path|resolve_directory", { directory: 1 }],
      ["plugin:fs|read_file", { path: "/etc/passwd" }],
      ["plugin:shell|execute", { program: "sh", args: ["-c", "id"] }],
      ["not_a_command", {}],
    ];
    const answers = await driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       const calls = arguments[0];
       Promise.all(calls.map(([cmd, args]) => window.__TAURI_INTERNALS__.invoke(cmd, args).then(
         (value) => ({ cmd, ok: true, value: JSON.stringify(value) }),
         (err) => ({ cmd, ok: false, err: String(err && err.message ? err.message : err) })))).then(done);`,
      forbidden,
    );
    for (const a of answers) {
      assert.equal(a.ok, false, `${a.cmd} must be refused, got ${a.value}`);
      // Refused by the access control (or unknown), not merely by a bad argument.
      assert.match(a.err, /not allowed|not found|unknown|denied/i, `${a.cmd}: ${a.err}`);
    }
    // And the ones the UI uses do answer.
    const used = await driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.all(["taxonomy", "backups", "dossiers"].map((cmd) => window.__TAURI_INTERNALS__.invoke(cmd, {}).then(() => "ok", (e) => cmd + ": " + String(e)))).then(done);`,
    );
    assert.deepEqual(used, ["ok", "ok", "ok"]);
  } finally {
    await app.stop();
  }
});

/** Trusts a new publisher key under `name`; answers the key's folder. */
function publisher(dataDir, name) {
  const keys = mkdtempSync(join(tmpdir(), "keuzehulp-xss-keys-"));
  cliJson("pack", "keygen", "--out", join(keys, "k"), "--data-dir", dataDir);
  cli("trust", "add", join(keys, "k", "publisher.pub"), "--name", name, "--data-dir", dataDir);
  return join(keys, "k");
}

/** Writes a pack signed with the key in `keyDir`. */
function signedPack(dataDir, file, keyDir, version, interventions) {
  writeFileSync(file, JSON.stringify({ format: "keuzehulp-pack", version: 2, catalogue_version: version, date: "2027-01-01", interventions }));
  cliJson("pack", "sign", file, "--key", join(keyDir, "publisher.key"), "--data-dir", dataDir);
}

test("XSS corpus: 120 payloads in catalogue fields, dossier text, publishers and packs never run", async () => {
  const list = payloads();
  assert.ok(list.length >= 100);
  const dataDir = newDataDir();
  // Catalogue records carrying the payloads in every free-text field.
  const real = cliJson("list", "--data-dir", dataDir).interventions;
  const records = [];
  for (let i = 0; i * 10 < list.length; i += 1) {
    const p = (k) => list[(i * 10 + k) % list.length];
    const r = structuredClone(real[i % real.length]);
    Object.assign(r, {
      id: `xss-${i}`,
      name: `Werkdruk aanpak ${i} ${p(0)}`,
      aliases: [p(1)],
      summary: `Werkdruk ${p(2)}`,
      benefits: p(3),
      involves: p(4),
      time: p(5),
      cost: p(6),
      privacy: p(7),
      developed_by: [p(8)],
      url: `https://example.org/?q=${encodeURIComponent(p(9))}`,
    });
    r.evidence = { ...r.evidence, basis: p(9), references: [p(0), p(1)] };
    records.push(r);
  }
  const packDir = mkdtempSync(join(tmpdir(), "keuzehulp-xss-"));
  writeFileSync(join(packDir, "pack.json"), JSON.stringify({ format: "keuzehulp-pack", interventions: records }));
  cli("import", join(packDir, "pack.json"), "--data-dir", dataDir);
  // A dossier whose every field and note carries payloads.
  const d = ["--data-dir", dataDir];
  const { id } = cliJson("dossier", "new", "--org", `Org ${list[0]}`, "--department", list[1], "--contact-name", list[2], ...d);
  for (const text of list) cliJson("dossier", "note", id, text, ...d);
  for (const r of records.slice(0, 4)) cliJson("dossier", "shortlist", id, r.id, "--why", list[3], ...d);
  cliJson("dossier", "plan", id, "--intervention", "xss-0", "--what", list[4], "--who", list[5], "--evaluation", list[6], "--evaluate-on", "2020-01-01", ...d);
  // Trusted publishers named by payloads (a name holds no line break and at most 120 characters).
  const names = list.filter((p) => !p.includes("\n") && p.length <= 120).slice(0, 3);
  const keyDirs = names.map((name) => publisher(dataDir, name));
  // The first one's record, imported, then changed by its next pack, which the window previews
  // from a file whose name is a payload too.
  const pubRecord = { ...structuredClone(records[0]), id: "xss-uitgever", name: names[1], summary: `Werkdruk ${list[12]}` };
  const first = join(packDir, "uitgever-1.json");
  signedPack(dataDir, first, keyDirs[0], "2027.1", [pubRecord]);
  cli("import", first, "--data-dir", dataDir);
  const filesDir = mkdtempSync(join(tmpdir(), "keuzehulp-xss-files-"));
  const added = { ...structuredClone(records[1]), id: "xss-uitgever-nieuw", name: names[2] };
  signedPack(dataDir, join(filesDir, "<svg onload=__xss(901)>.json"), keyDirs[0], "2027.2", [{ ...pubRecord, summary: `Anders ${list[13]}` }, added]);

  const app = await launch({ dataDir, filesDir });
  const { driver } = app;
  const seen = [];
  try {
    await waitText(driver, "#catalogue-count", /\d+ interventies/);
    // The canaries: a function every payload would call, and the CSP's own report of any
    // inline script or handler that tried to run (there is none in this UI).
    await driver.executeScript(`
      window.__fired = [];
      window.__xss = (n) => window.__fired.push(n);
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + (e.sample || "")));
    `);
    const screens = [
      "#/",
      "#/zoeken?q=werkdruk%20aanpak",
      ...records.map((r) => `#/interventie/${r.id}`),
      "#/interventie/xss-uitgever",
      "#/dossiers",
      `#/dossier/${id}`,
      ...["bezoek", "vragen", "keuzelijst", "actieplan", "notities", "rapport"].map((task) => `#/dossier/${id}/${task}`),
      // The catalogue screen: own interventions and trusted publishers named by payloads.
      "#/catalogus",
      // The own-intervention form, filled with a record whose every field is a payload.
      "#/catalogus/eigen/xss-0",
    ];
    const check = async (hash) => {
      const state = await driver.executeScript(`
        const main = document.querySelector("main");
        const injected = main.querySelectorAll("img, script, svg, iframe, object, embed, video, audio, style, link, meta, base, template, math, noscript, body");
        const links = [...main.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")).filter((h) => !h.startsWith("#") && !/^https?:\\/\\//.test(h));
        return { fired: window.__fired, violations: window.__violations, injected: injected.length, links, title: document.title, name: window.name, text: main.textContent.length };`);
      seen.push({ hash, ...state });
      assert.deepEqual(state.fired, [], `${hash}: a payload ran`);
      assert.deepEqual(state.violations, [], `${hash}: something tried to run inline script`);
      assert.equal(state.injected, 0, `${hash}: payload markup became elements`);
      assert.deepEqual(state.links, [], `${hash}: a link that is not a route or a web address`);
      assert.equal(state.title, "Keuzehulp", hash);
      assert.ok(!String(state.name).startsWith("XSS"), hash);
    };
    for (const hash of screens) {
      await driver.executeScript(`location.hash = ${JSON.stringify(hash)}; if (location.hash === ${JSON.stringify(hash)}) window.dispatchEvent(new HashChangeEvent("hashchange"));`);
      await driver.wait(async () => (await driver.executeScript("return document.querySelector('main h1') !== null && !document.querySelector('main .error')")), 10_000, `${hash} renders`);
      // Rendered in full and painted: a payload that got in has had its chance to run.
      await rendered(driver, hash);
      await check(hash);
    }
    // The payloads are in the catalogue screen and the form, as text.
    await driver.executeScript(`location.hash = "#/catalogus"`);
    await waitText(driver, "#trust-list", /<img src=x onerror/);
    await waitText(driver, "#own-list", /Werkdruk aanpak 0 <script>__xss\(1\)<\/script>/);
    // A pack's preview: its file name, its publisher and the changed record's name are payloads.
    await driver.findElement(By.id("pack-choose")).click();
    await waitText(driver, "#pack-file", /<svg onload=__xss\(901\)>\.json/);
    assert.ok((await driver.findElement(By.id("pack-signed")).getText()).includes(names[0]));
    assert.ok((await driver.findElement(By.id("pack-diff")).getText()).includes(names[1]));
    await driver.executeAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    await check("#/catalogus (pack preview)");
    await screenshot(driver, "6-xss-pack-preview");
    await driver.executeScript(`location.hash = "#/catalogus/eigen/xss-0"`);
    await rendered(driver, "#/catalogus/eigen/xss-0");
    assert.equal(await driver.findElement(By.id("own-name")).getAttribute("value"), records[0].name);
    // The payloads are there, as text.
    await driver.executeScript(`location.hash = "#/dossier/${id}/notities"`);
    await waitText(driver, "#notes", /<script>__xss\(1\)<\/script>/);
    await screenshot(driver, "6-xss-dossier");
    await driver.executeScript(`location.hash = "#/interventie/xss-0"`);
    await waitText(driver, "#detail-title", /<script>__xss\(1\)<\/script>/);
    await screenshot(driver, "6-xss-detail");
  } finally {
    await app.stop();
  }
  assert.equal(seen.length, records.length + 14);
});

// How long a step of the encrypted store may take to show: each one derives a key or rewrites
// the store (and its restore points). Alone on this machine the whole test takes 5-7 s; on a
// busy one (two busy loops beside it) 24-33 s, and an export once waited more than 10 s.
const BUSY = 30_000;

test("encryption in the window: turn on, unlock after a restart, exports encrypted unless asked, turn off", async () => {
  const dataDir = newDataDir();
  const id = seedDossier(dataDir, "Zorggroep Oost");
  const filesDir = mkdtempSync(join(tmpdir(), "keuzehulp-e2e-files-"));
  const status = () => cliJson("encryption", "status", "--data-dir", dataDir).encrypted;
  let app = await launch({ dataDir, filesDir });
  try {
    await waitText(app.driver, "#catalogue-count", /\d+ interventies/);
    await hashTo(app.driver, "#/herstellen");
    await waitText(app.driver, "#encryption-state", /niet versleuteld/);
    await app.driver.findElement(By.id("new-passphrase")).sendKeys("correct paard batterij");
    await app.driver.findElement(By.id("repeat-passphrase")).sendKeys("correct paard batterij");
    await app.driver.findElement(By.id("encryption-on")).click();
    await waitText(app.driver, "#encryption-status", /versleuteld/, BUSY);
    assert.equal(status(), true, "the store on disk is encrypted");
  } finally {
    await app.stop();
  }
  app = await launch({ dataDir, filesDir });
  const { driver } = app;
  try {
    await waitText(driver, "#unlock-title", /versleuteld/, BUSY);
    await driver.findElement(By.id("unlock-passphrase")).sendKeys("fout wachtwoord");
    await driver.findElement(By.id("unlock-submit")).click();
    await waitText(driver, "#unlock-status", /wachtwoord opent/);
    await screenshot(driver, "6-unlock");
    await driver.findElement(By.id("unlock-passphrase")).sendKeys("correct paard batterij");
    await driver.findElement(By.id("unlock-submit")).click();
    await waitText(driver, "#recent-dossiers", /Zorggroep Oost/, BUSY);

    await hashTo(driver, `#/dossier/${id}`);
    await waitText(driver, "#dossier-title", /Zorggroep Oost/);
    // The export is encrypted like the store; in the clear only after an explicit choice.
    await driver.findElement(By.id("dossier-export")).click();
    await waitText(driver, "#dossier-action-status", /Geëxporteerd naar .*\.keuzehulp/, BUSY);
    const sealed = join(filesDir, "dossier-zorggroep-oost.keuzehulp");
    assert.ok(!readFileSync(sealed).includes("Zorggroep Oost"), "the exported file is encrypted");
    await driver.findElement(By.id("dossier-export-clear")).click();
    await waitText(driver, "#export-confirm", /voor iedereen leesbaar/);
    assert.deepEqual(readdirSync(filesDir), ["dossier-zorggroep-oost.keuzehulp"], "nothing in the clear before the choice");
    await driver.findElement(By.id("export-clear-yes")).click();
    await waitText(driver, "#dossier-action-status", /Geëxporteerd naar .*\.json/, BUSY);
    assert.ok(readFileSync(join(filesDir, "dossier-zorggroep-oost.json"), "utf8").includes("Zorggroep Oost"));

    await hashTo(driver, "#/herstellen");
    await waitText(driver, "#encryption-state", /zijn versleuteld/);
    await driver.findElement(By.id("encryption-off")).click();
    await waitText(driver, "#encryption-status", /staat uit/, BUSY);
    assert.equal(status(), false, "the store on disk is plain again");
  } finally {
    await app.stop();
  }
});
