// Starts tauri-driver (which starts Debian's WebKitWebDriver) and opens a WebDriver session
// on the real desktop binary. Each test gets its own data directory and app instance.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir, homedir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Builder, By, until } from "selenium-webdriver";

export { By, until };

const app = process.env.KEUZEHULP_APP;
const cli = process.env.KEUZEHULP_CLI;
export const outDir = process.env.E2E_OUT ?? join(tmpdir(), "keuzehulp-e2e");
if (!app || !cli) throw new Error("set KEUZEHULP_APP and KEUZEHULP_CLI (scripts/test.sh does)");

/** Runs the command-line program and parses its JSON output. */
export function cliJson(...args) {
  return JSON.parse(execFileSync(cli, [...args, "--json"], { encoding: "utf8" }));
}

function driverBinary() {
  const local = join(homedir(), ".cargo", "bin", "tauri-driver");
  try {
    execFileSync(local, ["--help"], { stdio: "ignore" });
    return local;
  } catch {
    return "tauri-driver";
  }
}

/** Waits until the window shows `hash` in full and the browser has painted it: the
 * condition to wait for after changing the address, instead of a fixed pause. */
export async function rendered(driver, hash) {
  await driver.wait(
    async () => (await driver.executeScript("return document.querySelector('main')?.dataset.rendered ?? null")) === hash,
    10_000,
    `${hash} is rendered`,
  );
  await driver.executeAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
}

async function waitForPort(port, deadlineMs) {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error(`tauri-driver did not answer on port ${port}`);
}

let nextPort = 4444 + (process.pid % 1000) * 2;

/** Starts the app with its own data directory and its own WebKit storage (so the
 * language choice of one test does not leak into another); pass `profile` to reuse one.
 * Returns { driver, dataDir, profile, stop() }. */
/** `shipped: true` runs WebKit as the program ships (no accelerated compositing and no
 * DMA-BUF renderer, see src-tauri/src/lib.rs). Other tests turn both on, because
 * WebKitWebDriver's second screenshot never returns without them (WebKitGTK 2.50, seen here). */
/** `application` starts another binary than KEUZEHULP_APP (an installed one, say);
 * `platformDataDir: true` leaves the data directory to the program's own default
 * ($XDG_DATA_HOME/keuzehulp, with XDG_DATA_HOME = the profile), as a user's first start would. */
/** `env` adds variables to the program's environment (LANG=en_US.UTF-8, say). */
export async function launch({ profile, dataDir: givenDataDir, filesDir, shipped = false, application = app, platformDataDir = false, env = {} } = {}) {
  const port = nextPort;
  const nativePort = nextPort + 1;
  nextPort += 2;
  profile ??= mkdtempSync(join(tmpdir(), "keuzehulp-e2e-profile-"));
  const dataDir = platformDataDir ? join(profile, "keuzehulp") : givenDataDir ?? mkdtempSync(join(tmpdir(), "keuzehulp-e2e-data-"));
  const { KEUZEHULP_DATA_DIR: _unused, ...inherited } = process.env;
  mkdirSync(outDir, { recursive: true });
  const log = openSync(join(outDir, `tauri-driver-${port}.log`), "a");
  const driverProc = spawn(driverBinary(), ["--port", String(port), "--native-port", String(nativePort)], {
    stdio: ["ignore", log, log],
    env: {
      ...inherited,
      ...(platformDataDir ? {} : { KEUZEHULP_DATA_DIR: dataDir }),
      XDG_DATA_HOME: profile,
      XDG_CACHE_HOME: profile,
      // Save and open dialogs cannot be clicked through WebDriver: files go to this folder.
      ...(filesDir ? { KEUZEHULP_FILES_DIR: filesDir } : {}),
      ...(shipped ? {} : { WEBKIT_DISABLE_COMPOSITING_MODE: "0", WEBKIT_DISABLE_DMABUF_RENDERER: "0" }),
      ...env,
    },
  });
  await waitForPort(port, 20_000);
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}/`)
    .withCapabilities({ browserName: "wry", "tauri:options": { application } })
    .build();
  return {
    driver,
    dataDir,
    profile,
    async stop() {
      try {
        await driver.quit();
      } finally {
        driverProc.kill();
        // The program may take a moment to exit after its session ends; until it has, it
        // holds its claim on the store, and a next step that replaces the database (the
        // command line's `encryption on`, a restore) is rightly refused.
        await gone(profile);
      }
    },
  };
}

/** Waits (up to 15 s) until no process started for this launch runs any more: on Linux, none
 * whose environment holds `XDG_DATA_HOME=profile` (each launch has its own profile folder). */
async function gone(profile) {
  if (process.platform !== "linux") return;
  const marker = `XDG_DATA_HOME=${profile}\0`;
  const running = () =>
    readdirSync("/proc").some((pid) => {
      if (!/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
      try {
        return readFileSync(`/proc/${pid}/environ`, "latin1").includes(marker);
      } catch {
        return false;
      }
    });
  for (let waited = 0; waited < 15_000 && running(); waited += 100) await sleep(100);
}

/** A fresh data directory. */
export function newDataDir() {
  return mkdtempSync(join(tmpdir(), "keuzehulp-e2e-data-"));
}

/** Makes a dossier with a note, a shortlisted intervention and an overdue plan item through
 * the command line; returns its id. */
export function seedDossier(dataDir, org = "Zorggroep Oost") {
  const d = ["--data-dir", dataDir];
  const { id } = cliJson("dossier", "new", "--org", org, "--sector", "zorg", ...d);
  cliJson("dossier", "note", id, "Teamleiders noemen roosterdruk", ...d);
  cliJson("dossier", "shortlist", id, "pico", "--why", "Korte lijnen met de leidinggevende", ...d);
  cliJson("dossier", "plan", id, "--intervention", "pico", "--what", "PiCo invoeren", "--who", "HR", "--evaluate-on", "2020-01-01", ...d);
  return id;
}

/** Saves a screenshot as evidence under the test output directory. */
export async function screenshot(driver, name) {
  const png = await driver.takeScreenshot();
  const file = join(outDir, `${name}.png`);
  writeFileSync(file, png, "base64");
  return file;
}

/** Waits until the element at `css` (looked up afresh each time) has text matching `pattern`. */
export async function waitText(driver, css, pattern, timeout = 10_000) {
  return driver.wait(async () => {
    try {
      const el = await driver.findElement(By.css(css));
      return pattern.test(await el.getText()) ? el : false;
    } catch {
      return false;
    }
  }, timeout, `text of ${css} never matched ${pattern}`);
}

/** The id of the focused element (or its tag when it has none). */
export async function focused(driver) {
  return driver.executeScript("const a = document.activeElement; return a ? (a.id || a.tagName.toLowerCase()) : null");
}

/** Waits until the focus is on the element with this id. */
export async function waitFocus(driver, id, timeout = 5_000) {
  return driver.wait(async () => (await focused(driver)) === id, timeout, `focus never reached #${id}`);
}
