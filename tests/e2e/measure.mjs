// A bench command, not a test: measures the real desktop program with a catalogue of 10,000
// interventions. Run from the repository root after a build:
//   KEUZEHULP_APP=target/release/keuzehulp-desktop KEUZEHULP_CLI=target/release/keuzehulp \
//     xvfb-run -a node tests/e2e/measure.mjs [--bundled | --first]
// Prints: time until the window is interactive, key press → results painted (median, p95),
// and the resident memory of the program: its own process and WebKit's helper processes.
//
// `--floor` measures what WebKitGTK costs before any of Keuzehulp runs: Debian's MiniBrowser
// (shipped with libwebkit2gtk-4.1-0) with the program's WebKit settings, on a blank page and
// on the built front end (`ui/dist`, without the core, so without data). Needs no build:
//   xvfb-run -a node tests/e2e/measure.mjs --floor
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

if (process.argv.includes("--floor")) {
  await measureFloor();
  process.exit(0);
}
// After the floor: the harness wants the program's binaries, which the floor does not.
const { By, launch, newDataDir, waitText } = await import("./harness.mjs");

const cli = process.env.KEUZEHULP_CLI;
// `--bundled`: measure with the bundled catalogue only, instead of 10,000 interventions.
const bundled = process.argv.includes("--bundled") || process.argv.includes("--first");
const pack = JSON.parse(execFileSync(cli, ["list", "--json", "--data-dir", mkdtempSync(join(tmpdir(), "kh-m-"))], { encoding: "utf8" }));
const real = pack.interventions;
const big = [];
for (let i = 0; !bundled && big.length < 10_000; i += 1) {
  const r = structuredClone(real[i % real.length]);
  r.id = `${r.id}-${i}`;
  r.name = `${r.name} ${real[(i * 7 + 3) % real.length].name.split(" ")[0]}`;
  big.push(r);
}
const packFile = join(mkdtempSync(join(tmpdir(), "kh-pack-")), "pack.json");
writeFileSync(packFile, JSON.stringify({ interventions: big }));

// `--first`: the very first start, on a data folder nothing has used yet (the store is made
// and the bundled catalogue loaded then), with the bundled catalogue.
const first = process.argv.includes("--first");
const app = first ? { dataDir: newDataDir() } : await launch();
if (!first) {
  try {
    if (!bundled) execFileSync(cli, ["import", packFile, "--data-dir", app.dataDir], { stdio: "ignore" });
    // Build the search index now, so the window is measured in its steady state.
    execFileSync(cli, ["search", "werkdruk", "--data-dir", app.dataDir], { stdio: "ignore" });
    // A fresh app on the data (the first search builds the index).
    await app.stop();
  } catch (e) {
    await app.stop();
    throw e;
  }
}

/** The app's process and its descendants (WebKit's web and network processes); `rootPid`
 * picks one process when several have the name. */
function processTree(rootName, rootPid) {
  if (process.platform === "win32") return windowsProcessTree(rootName);
  const procs = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const name = /Name:\t(.*)/.exec(status)?.[1] ?? "";
      const ppid = /PPid:\t(\d+)/.exec(status)?.[1] ?? "";
      procs.push({ pid, ppid, name, status });
    } catch {
      /* gone */
    }
  }
  const roots = procs.filter((p) => p.name === rootName.slice(0, 15) && (rootPid === undefined || p.pid === String(rootPid)));
  const tree = [...roots];
  for (let i = 0; i < tree.length; i += 1) tree.push(...procs.filter((p) => p.ppid === tree[i].pid));
  return tree.map((p) => {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(p.status)?.[1] ?? 0);
    let pss = 0;
    try {
      pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p.pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
    } catch {
      /* gone */
    }
    return { name: p.name, rss, pss };
  });
}

/** On Windows (the release workflow's runner): the program and its WebView2 processes, from
 * Win32_Process. There is no PSS: `rss` is the working set, `pss` the private bytes, both in kB. */
function windowsProcessTree(rootName) {
  const json = execFileSync(
    "powershell",
    ["-NoProfile", "-Command", "Get-CimInstance Win32_Process | Select-Object ProcessId,ParentProcessId,Name,WorkingSetSize,PrivatePageCount | ConvertTo-Json -Compress"],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const procs = JSON.parse(json).map((p) => ({ pid: p.ProcessId, ppid: p.ParentProcessId, name: p.Name, ws: Number(p.WorkingSetSize), priv: Number(p.PrivatePageCount) }));
  const tree = procs.filter((p) => p.name.toLowerCase() === `${rootName.toLowerCase()}.exe`);
  for (let i = 0; i < tree.length; i += 1) tree.push(...procs.filter((p) => p.ppid === tree[i].pid));
  return tree.map((p) => ({ name: p.name, rss: Math.round(p.ws / 1024), pss: Math.round(p.priv / 1024) }));
}

const started = Date.now();
// The program's own marks (src-tauri/src/startup.rs) and the page's (performance.mark):
// where the time to the first screen goes, without the WebDriver's own start.
const marksFile = join(mkdtempSync(join(tmpdir(), "kh-marks-")), "marks.txt");
// As shipped: without WebKit's accelerated compositing (only one screenshot would work, and
// none is taken here).
const run = await launch({ dataDir: app.dataDir, shipped: true, env: { KEUZEHULP_STARTUP_MARKS: marksFile } });
try {
  const { driver } = run;
  await driver.manage().setTimeouts({ script: 120_000 });
  await waitText(driver, "#catalogue-count", /\d+/, 30_000);
  const interactive = Date.now() - started;
  await printStartup(driver, marksFile);
  await driver.findElement(By.id("search-input")).sendKeys("w");
  await waitText(driver, "#search-status", /resultaten|Niets/, 60_000);
  const times = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const input = document.getElementById("search-input");
    const words = ["werkdruk", "pesten", "mantelzorg", "burnout", "intervisie", "vertrouwenspersoon"];
    const out = [];
    (async () => {
      for (const word of words) {
        for (let i = 1; i <= word.length; i++) {
          const status = document.getElementById("search-status");
          const typed = word.slice(0, i);
          const before = status.dataset.answers;
          const painted = new Promise((resolve) => {
            // The status line counts the answers shown (data-answers) and names what the last
            // one answers (data-answered) once it is in the page; the frame after that is what
            // the user sees.
            const observer = new MutationObserver(() => {
              if (status.dataset.answers === before || status.dataset.answered !== typed) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve());
            });
            observer.observe(status, { attributes: true, attributeFilter: ["data-answers", "data-answered"] });
          });
          const t0 = performance.now();
          input.value = typed;
          input.dispatchEvent(new Event("input", { bubbles: true }));
          await painted;
          out.push(performance.now() - t0);
        }
      }
      done(out);
    })();
  `);
  times.sort((a, b) => a - b);
  const pick = (p) => times[Math.min(times.length - 1, Math.round((times.length - 1) * p))].toFixed(1);
  console.log(`interventions: ${big.length + real.length}`);
  console.log(`window interactive after launch: ${interactive} ms`);
  console.log(`key press -> results painted: median ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${pick(1)} ms (${times.length} key presses)`);
  // RSS counts shared libraries once per process; PSS shares them out, so the PSS sum is the
  // memory the running program (all its processes) really holds. (On Windows the lines say
  // RSS for the working set and PSS for the private bytes; see windowsProcessTree.) Measured twice: straight
  // after the typing, and after ten idle seconds, when the user reads the results.
  const mb = (kb) => Math.round(kb / 1024);
  const report = (when) => {
    const tree = processTree("keuzehulp-desktop").filter((p) => p.rss > 0);
    console.log(`resident memory ${when}:`);
    for (const p of tree) console.log(`  ${p.name}: RSS ${mb(p.rss)} MB, PSS ${mb(p.pss)} MB`);
    const sum = (k) => mb(tree.reduce((n, p) => n + p[k], 0));
    console.log(`  whole program (${tree.length} processes): PSS ${sum("pss")} MB (RSS summed ${sum("rss")} MB)`);
  };
  report("right after typing");
  await driver.sleep(10_000);
  report("after 10 s idle");
} finally {
  await run.stop();
}

/** Prints where the time from the process's start to the first screen went: the process's
 * start (from /proc on Linux), the program's marks and the page's. */
async function printStartup(driver, marksFile) {
  const page = await driver.executeScript(`
    const nav = performance.getEntriesByType("navigation")[0];
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    return { origin: performance.timeOrigin, responseEnd: nav?.responseEnd, domContentLoaded: nav?.domContentLoadedEventEnd,
             script: at("kh-script"), core: at("kh-core"), interactive: at("kh-interactive") };`);
  const marks = new Map();
  if (existsSync(marksFile)) {
    for (const line of readFileSync(marksFile, "utf8").split("\n").filter(Boolean)) {
      const [name, ms] = line.split(" ");
      if (!marks.has(name)) marks.set(name, Number(ms));
    }
  }
  const moments = [];
  const exec = processStart("keuzehulp-desktop");
  if (exec) moments.push(["process started (exec)", exec]);
  for (const name of ["main", "setup"]) if (marks.has(name)) moments.push([`program: ${name}`, marks.get(name)]);
  moments.push(["page: navigation started", page.origin]);
  for (const key of ["responseEnd", "script", "domContentLoaded", "core", "interactive"]) {
    if (typeof page[key] === "number") moments.push([`page: ${key}`, page.origin + page[key]]);
  }
  if (marks.has("store-open")) moments.push(["program: store open (beside the page)", marks.get("store-open")]);
  moments.sort((a, b) => a[1] - b[1]);
  const zero = moments[0][1];
  console.log("start-up, from the first moment known:");
  for (const [what, at] of moments) console.log(`  +${(at - zero).toFixed(0).padStart(4)} ms  ${what}`);
  if (exec && typeof page.interactive === "number") {
    console.log(`first screen after the process started: ${(page.origin + page.interactive - exec).toFixed(0)} ms`);
  }
}

/** When the newest process named `name` started, in ms since 1970 (Linux; 10 ms steps). The
 * kernel counts a process's start in clock ticks since boot, and gives the boot time only in
 * whole seconds; so the boot is placed by this process's own start, whose time node knows
 * (`performance.timeOrigin`). */
function processStart(name) {
  if (process.platform !== "linux") return undefined;
  const tick = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const startTicks = (pid) => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return { comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), ticks: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]) };
  };
  const boot = performance.timeOrigin - (startTicks(process.pid).ticks / tick) * 1000;
  let newest;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const { comm, ticks } = startTicks(pid);
      if (comm !== name.slice(0, 15)) continue;
      const at = boot + (ticks / tick) * 1000;
      if (newest === undefined || at > newest) newest = at;
    } catch {
      /* gone meanwhile */
    }
  }
  return newest;
}

/** WebKitGTK's own cost: MiniBrowser, as shipped settings, 10 s after loading each page. */
async function measureFloor() {
  const browser = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
  if (!existsSync(browser)) throw new Error(`${browser} is missing: install libwebkit2gtk-4.1-0`);
  const page = resolve("ui/dist/index.html");
  if (!existsSync(page)) throw new Error(`${page} is missing: run \`npm run build\` in ui/ first`);
  // The same settings as WEBKIT_DEFAULTS in src-tauri/src/lib.rs.
  const shipped = { WEBKIT_DISABLE_COMPOSITING_MODE: "1", JSC_useJIT: "false", WEBKIT_DISABLE_DMABUF_RENDERER: "1" };
  for (const [what, url] of [["blank page", "about:blank"], ["Keuzehulp's pages, no data", `file://${page}`]]) {
    const home = mkdtempSync(join(tmpdir(), "kh-floor-"));
    const proc = spawn(browser, [url], {
      stdio: "ignore",
      env: { ...process.env, ...shipped, HOME: home, XDG_DATA_HOME: home, XDG_CACHE_HOME: home, XDG_CONFIG_HOME: home },
    });
    try {
      await sleep(10_000);
      const tree = processTree("MiniBrowser", proc.pid).filter((p) => p.rss > 0);
      const mb = (kb) => Math.round(kb / 1024);
      console.log(`WebKitGTK alone (MiniBrowser), ${what}:`);
      for (const p of tree) console.log(`  ${p.name}: PSS ${mb(p.pss)} MB`);
      console.log(`  whole (${tree.length} processes): PSS ${mb(tree.reduce((n, p) => n + p.pss, 0))} MB`);
    } finally {
      proc.kill();
    }
  }
}
