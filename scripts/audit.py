#!/usr/bin/env python3
"""Dependency audit, run by scripts/test.sh.

1. Rust: every crate version in Cargo.lock (and fuzz/Cargo.lock) is checked against the
   crates.io index: a yanked version fails the audit. Yanking is how crates.io withdraws
   broken or vulnerable releases, and the index is reachable wherever cargo works. A crate
   the index does not answer for, after retries, is named as not checked.
2. RustSec advisories, offline: `cargo audit --no-fetch` against the snapshot of the
   advisory database kept in this repository (audit/advisory-db/, dated in its
   SNAPSHOT.txt), for Cargo.lock and fuzz/Cargo.lock. cargo-audit wants a git repository,
   so the snapshot is copied to a temporary directory and committed there. Every
   vulnerability fails the audit unless `.cargo/audit.toml` ignores it, and every ignored
   one is explained in audit/ACCEPTED.md (the audit checks that too). Warnings (unmaintained,
   unsound) are listed, not failed. A missing cargo-audit or snapshot fails: nothing is
   skipped silently.
3. npm advisories need the npm registry's POST advisory endpoint. Where it can be reached, a
   high or critical finding fails the audit unless it is listed in scripts/audit-allow.txt
   with a reason. Where it cannot be reached, the audit says so plainly and by name; it
   does not pretend to have checked.

Exit status: 0 when nothing fails, 1 when something does.
"""

import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import sys
import time
import tomllib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDEX = "https://index.crates.io"
ADVISORY_DB = ROOT / "audit" / "advisory-db"
ACCEPTED = ROOT / "audit" / "ACCEPTED.md"
AUDIT_CONFIG = ROOT / ".cargo" / "audit.toml"


def index_path(name: str) -> str:
    n = name.lower()
    if len(n) <= 2:
        return f"{len(n)}/{n}"
    if len(n) == 3:
        return f"3/{n[0]}/{n}"
    return f"{n[0:2]}/{n[2:4]}/{n}"


def yanked_versions(name: str) -> set[str] | None:
    """The yanked versions of `name`, or None when the index did not answer. A dropped
    connection is retried (CI once lost 3 of 700 requests in one run)."""
    for attempt in range(4):
        if attempt:
            time.sleep(2**attempt)
        try:
            with urllib.request.urlopen(f"{INDEX}/{index_path(name)}", timeout=30) as response:
                lines = response.read().decode().splitlines()
        except urllib.error.HTTPError as err:
            if err.code == 404:
                return None
            continue
        except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException):
            continue
        return {entry["vers"] for entry in map(json.loads, lines) if entry.get("yanked")}
    return None


def check_yanked() -> tuple[list[str], list[str]]:
    """Returns (yanked 'name version' pairs, names the index did not answer for)."""
    packages = set()
    for lock in [ROOT / "Cargo.lock", ROOT / "fuzz" / "Cargo.lock"]:
        if lock.exists():
            for p in tomllib.loads(lock.read_text()).get("package", []):
                if p.get("source", "").startswith("registry+"):
                    packages.add((p["name"], p["version"]))
    names = sorted({n for n, _ in packages})
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = dict(zip(names, pool.map(yanked_versions, names)))
    yanked = sorted(f"{n} {v}" for n, v in packages if answers.get(n) and v in answers[n])
    unreachable = sorted(n for n, a in answers.items() if a is None)
    checked = sum(1 for n, _ in packages if answers.get(n) is not None)
    print(f"crates.io index: {checked} of {len(packages)} locked crate versions checked, {len(yanked)} yanked")
    return yanked, unreachable


def allowed() -> set[str]:
    path = ROOT / "scripts" / "audit-allow.txt"
    if not path.exists():
        return set()
    return {line.split("#")[0].strip() for line in path.read_text().splitlines() if line.split("#")[0].strip()}


def run_json(command: list[str], cwd: Path, timeout: int) -> dict | None:
    """The JSON a command prints, or None when it is missing, too slow, or prints no JSON
    (its database could not be reached)."""
    try:
        out = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
        return json.loads(out.stdout)
    except (FileNotFoundError, subprocess.TimeoutExpired, json.JSONDecodeError):
        return None


def snapshot_date() -> str:
    """The date of the advisory-database snapshot, from its SNAPSHOT.txt."""
    text = (ADVISORY_DB / "SNAPSHOT.txt").read_text()
    found = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", text)
    if not found:
        raise SystemExit(f"{ADVISORY_DB / 'SNAPSHOT.txt'} names no date (YYYY-MM-DD)")
    return found.group(1)


def snapshot_repository(into: Path, date: str) -> Path:
    """A git repository holding a copy of the snapshot, committed with the snapshot's date:
    cargo-audit reads the database from a git repository."""
    db = into / "advisory-db"
    shutil.copytree(ADVISORY_DB, db)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "keuzehulp", "GIT_AUTHOR_EMAIL": "audit@keuzehulp.invalid",
        "GIT_COMMITTER_NAME": "keuzehulp", "GIT_COMMITTER_EMAIL": "audit@keuzehulp.invalid",
        "GIT_AUTHOR_DATE": f"{date}T00:00:00Z", "GIT_COMMITTER_DATE": f"{date}T00:00:00Z",
    }
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", f"advisory-db snapshot of {date}"]):
        subprocess.run(command, cwd=db, env=env, check=True, capture_output=True)
    return db


def accepted_ids() -> set[str]:
    """The advisory ids `.cargo/audit.toml` ignores."""
    if not AUDIT_CONFIG.exists():
        return set()
    return set(tomllib.loads(AUDIT_CONFIG.read_text()).get("advisories", {}).get("ignore", []))


def cargo_audit() -> bool:
    """RustSec advisories against the snapshot in the repository; True when nothing fails."""
    date = snapshot_date()
    print(f"RustSec advisories: offline, database snapshot of {date} (audit/advisory-db)")
    if shutil.which("cargo-audit") is None:
        print("  FAIL: cargo-audit is not installed (bash scripts/setup.sh --test installs it)")
        return False
    ok = True
    explained = ACCEPTED.read_text() if ACCEPTED.exists() else ""
    for accepted in sorted(accepted_ids()):
        if accepted not in explained:
            print(f"  FAIL: {accepted} is ignored in .cargo/audit.toml but not explained in audit/ACCEPTED.md")
            ok = False
    with tempfile.TemporaryDirectory(prefix="keuzehulp-advisories-") as tmp:
        db = snapshot_repository(Path(tmp), date)
        for lock in [ROOT / "Cargo.lock", ROOT / "fuzz" / "Cargo.lock"]:
            if not lock.exists():
                continue
            rel = lock.relative_to(ROOT)
            command = ["cargo", "audit", "--db", str(db), "--no-fetch", "--stale", "--json", "--file", str(lock)]
            out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
            try:
                report = json.loads(out.stdout)
            except json.JSONDecodeError:
                print(f"  FAIL: cargo audit gave no report for {rel}: {out.stderr.strip()[-600:]}")
                ok = False
                continue
            found = report.get("vulnerabilities", {}).get("list", [])
            print(f"  {rel}: {report.get('lockfile', {}).get('dependency-count', '?')} crates, {len(found)} vulnerabilities not accepted")
            for v in found:
                advisory = v.get("advisory", {})
                package = v.get("package", {})
                print(f"  FAIL: {advisory.get('id')} {package.get('name')} {package.get('version')}: {advisory.get('title')}")
                ok = False
            for kind, items in sorted(report.get("warnings", {}).items()):
                for w in items:
                    advisory = w.get("advisory") or {}
                    package = w.get("package", {})
                    print(f"  warning ({kind}): {advisory.get('id', '')} {package.get('name')} {package.get('version')}: {advisory.get('title', '')}".rstrip(": "))
    for accepted in sorted(accepted_ids()):
        print(f"  accepted (audit/ACCEPTED.md): {accepted}")
    return ok


def npm_audit(folder: Path) -> list[str] | None:
    """High/critical npm advisories, or None when the advisory endpoint cannot be reached."""
    report = run_json(["npm", "audit", "--json", "--audit-level=high"], folder, timeout=300)
    if report is None or "error" in report:
        return None
    return [
        f"{name} ({v.get('severity')})"
        for name, v in report.get("vulnerabilities", {}).items()
        if v.get("severity") in ("high", "critical")
    ]


def main() -> int:
    failed = False
    allow = allowed()
    yanked, unreachable = check_yanked()
    for item in yanked:
        if item in allow:
            print(f"  yanked but allowed (see scripts/audit-allow.txt): {item}")
        else:
            print(f"  FAIL: yanked on crates.io: {item}")
            failed = True
    if unreachable:
        # Not a finding: the network dropped these after retries. Named, not hidden.
        print(f"  NOT CHECKED — the crates.io index did not answer, after 4 tries, for: {', '.join(unreachable)}")

    if not cargo_audit():
        failed = True

    for folder in [ROOT / "ui", ROOT / "tests" / "e2e"]:
        found = npm_audit(folder)
        rel = folder.relative_to(ROOT)
        if found is None:
            print(f"npm advisories ({rel}): NOT CHECKED — the registry's advisory endpoint is not reachable here")
            continue
        print(f"npm advisories ({rel}): {len(found)} high or critical")
        for item in found:
            if item.split()[0] not in allow:
                print(f"  FAIL: {item}")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("CARGO_TERM_COLOR", "never")
    sys.exit(main())
