// The Debian package, installed and used as a user would: `dpkg -i`, the program from
// /usr/bin with its menu entry, a search and a new dossier through the window in the
// platform's own data folder, then `dpkg -r` — and the user's data is still there.
// scripts/test.sh builds the package from the tested build (scripts/package.sh --deb
// --profile debug) and passes it in KEUZEHULP_DEB. Needs root (or sudo) for dpkg.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { basename } from "node:path";
import { By, cliJson, launch, screenshot, waitText } from "./harness.mjs";

const deb = process.env.KEUZEHULP_DEB;
if (!deb) throw new Error("set KEUZEHULP_DEB to the .deb to install (scripts/test.sh does)");

const asRoot = (cmd, args) =>
  process.getuid?.() === 0 ? execFileSync(cmd, args, { encoding: "utf8" }) : execFileSync("sudo", [cmd, ...args], { encoding: "utf8" });
const installed = () => {
  try {
    return execFileSync("dpkg-query", ["-W", "-f=${Status}", "keuzehulp"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).includes("install ok installed");
  } catch {
    return false;
  }
};

test("the .deb installs, runs from the menu entry's command, and leaves the user's data when removed", async () => {
  const programVersion = execFileSync(process.env.KEUZEHULP_CLI, ["--version"], { encoding: "utf8" }).trim().split(" ")[1];
  assert.equal(basename(deb), `keuzehulp_${programVersion}_amd64.deb`, "the package is named after the one version");
  const fields = execFileSync("dpkg-deb", ["--field", deb, "Package", "Version", "Depends"], { encoding: "utf8" });
  assert.match(fields, new RegExp(`^Version: ${programVersion.replace(/\./g, "\\.")}$`, "m"));
  const depends = fields.match(/^Depends: (.*)$/m)?.[1] ?? "";
  assert.match(depends, /libwebkit2gtk-4\.1-0/, "needs the WebKitGTK runtime");
  assert.doesNotMatch(depends, /-dev\b/, "no development package");

  assert.equal(installed(), false, "keuzehulp is not installed before the test (remove it first: dpkg -r keuzehulp)");
  asRoot("dpkg", ["-i", deb]);
  let app;
  let dataDir;
  try {
    assert.ok(installed());
    const desktop = readFileSync("/usr/share/applications/keuzehulp.desktop", "utf8");
    const exec = desktop.match(/^Exec=(\S+)/m)?.[1];
    assert.equal(exec, "keuzehulp-desktop");
    assert.ok(existsSync("/usr/share/icons/hicolor/256x256/apps/keuzehulp.png"), "the menu entry's icon");
    assert.equal(execFileSync("/usr/bin/keuzehulp", ["--version"], { encoding: "utf8" }).trim(), `keuzehulp ${programVersion}`);
    // One engine: the command line is the window program under another name.
    assert.equal(realpathSync("/usr/bin/keuzehulp"), "/usr/bin/keuzehulp-desktop");

    // A first start, in the platform's own data folder ($XDG_DATA_HOME/keuzehulp).
    const started = Date.now();
    app = await launch({ application: `/usr/bin/${exec}`, platformDataDir: true, shipped: true });
    const { driver } = app;
    dataDir = app.dataDir;
    await waitText(driver, "#catalogue-count", /\d+ interventies/, 20_000);
    // Measured, not asserted: the first start of the installed program to an interactive window.
    console.log(`first start of the installed program to an interactive window: ${Date.now() - started} ms`);
    assert.equal(await driver.findElement(By.id("program-version")).getText(), `Keuzehulp versie ${programVersion}`);
    await driver.findElement(By.id("search-input")).sendKeys("pesten");
    await waitText(driver, "#search-status", /resultaten/);
    await driver.findElement(By.id("nav-dossiers")).click();
    await driver.findElement(By.id("new-dossier-org")).sendKeys("Installatiebedrijf Zuid");
    await driver.findElement(By.id("new-dossier-create")).click();
    await waitText(driver, "#dossier-title", /Installatiebedrijf Zuid/);
    await screenshot(driver, "installed-deb");
    await app.stop();
    app = undefined;

    asRoot("dpkg", ["-r", "keuzehulp"]);
    assert.equal(installed(), false);
    assert.ok(!existsSync("/usr/bin/keuzehulp-desktop") && !existsSync("/usr/share/applications/keuzehulp.desktop"), "the program is gone");
    // The user's data survives: the repository's own CLI still reads the dossier there.
    const { dossiers } = cliJson("dossier", "list", "--data-dir", dataDir);
    assert.deepEqual(dossiers.map((d) => d.org), ["Installatiebedrijf Zuid"], "the dossier outlives the package");
  } finally {
    if (app) await app.stop();
    if (installed()) asRoot("dpkg", ["-r", "keuzehulp"]);
  }
});
