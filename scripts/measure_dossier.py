#!/usr/bin/env python3
"""Times dossier work as whole `keuzehulp` processes. Not part of the tests.

- the advice report (PDF, Word and HTML) of a dossier with 40 shortlisted interventions, 40
  plan items and 500 notes (PDF without and with the notes shown; Word and HTML with all 500),
  and how many A4 pages the PDF has;
- the action plan of that dossier as XLSX (two sheets) and as iCalendar;
- `dossier show` of that dossier;
- `dossier erase` when 10 backups hold the dossier, plain and encrypted (every backup that
  holds it is rewritten without it).

    cargo build --release && python3 scripts/measure_dossier.py target/release/keuzehulp
"""

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "correct paard batterij"


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/keuzehulp"

    def runner(data: Path, passphrase: str | None = None):
        env = dict(os.environ)
        env.pop("KEUZEHULP_PASSPHRASE", None)
        if passphrase:
            env["KEUZEHULP_PASSPHRASE"] = passphrase

        def run(*args: str) -> str:
            result = subprocess.run([binary, "--data-dir", str(data), *args], capture_output=True, text=True, env=env)
            if result.returncode != 0:
                sys.exit(f"keuzehulp {' '.join(args)}: {result.stderr}")
            return result.stdout

        return run

    def timed(run, *args: str, times: int) -> list[float]:
        out = []
        for _ in range(times):
            start = time.perf_counter()
            run(*args)
            out.append(time.perf_counter() - start)
        return out

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:.1f} ms, slowest {max(values) * 1000:.1f} ms ({len(values)} runs)"

    with tempfile.TemporaryDirectory() as tmp:
        run = runner(Path(tmp) / "data")
        ids = [r["id"] for r in json.loads(run("list", "--json"))["interventions"]]
        d = json.loads(run("dossier", "new", "--org", "Zorggroep Oost", "--sector", "zorg-vvt", "--json"))["id"]
        run("dossier", "answer", d, "--role", "leidinggevende", "--level", "team", "--theme", "werkdruk")
        for i in ids[:40]:
            run("dossier", "shortlist", d, i, "--why", "past bij wat het team zelf als knelpunt noemt")
            run("dossier", "plan", d, "--intervention", i, "--what", "Pilot in twee teams", "--who", "Teamleider",
                "--start", "2027-01-10", "--evaluate-on", "2027-04-01", "--evaluation", "Korte enquête en teamgesprek")
        for n in range(500):
            run("dossier", "note", d, f"Notitie {n}: het team noemt werkdruk, roosterdruk en weinig regelruimte.")
        pdf = Path(tmp) / "advies.pdf"
        report = timed(run, "report", d, "--format", "pdf", "-o", str(pdf), "--force", times=5)
        pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
        print(f"report --format pdf (40 interventions, 40 plan items, no notes shown, {pages} pages): {ms(report)}")
        report = timed(run, "report", d, "--format", "pdf", "-o", str(pdf), "--all-notes", "--force", times=5)
        pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
        print(f"report --format pdf --all-notes (500 notes shown, {pages} pages): {ms(report)}")
        docx = Path(tmp) / "advies.docx"
        word = timed(run, "report", d, "--format", "docx", "-o", str(docx), "--all-notes", "--force", times=10)
        print(f"report --format docx ({docx.stat().st_size // 1024} KiB): {ms(word)}")
        html = timed(run, "report", d, "--format", "html", "-o", str(Path(tmp) / "advies.html"), "--all-notes", "--force",
                     times=5)
        print(f"report --format html: {ms(html)}")
        xlsx = Path(tmp) / "actieplan.xlsx"
        sheet = timed(run, "dossier", "export-plan", d, "--format", "xlsx", "-o", str(xlsx), "--force", times=10)
        print(f"dossier export-plan --format xlsx ({xlsx.stat().st_size // 1024} KiB): {ms(sheet)}")
        ics = timed(run, "dossier", "export-plan", d, "--format", "ics", "-o", str(Path(tmp) / "evaluaties.ics"),
                    "--force", times=10)
        print(f"dossier export-plan --format ics: {ms(ics)}")
        print(f"dossier show --json (500 notes): {ms(timed(run, 'dossier', 'show', d, '--json', times=30))}")

    for label, passphrase in (("plain", None), ("encrypted", PASSPHRASE)):
        with tempfile.TemporaryDirectory() as tmp:
            run = runner(Path(tmp) / "data")
            dossiers = [json.loads(run("dossier", "new", "--org", f"Organisatie {k}", "--json"))["id"] for k in range(3)]
            for k in dossiers:
                for n in range(10):
                    run("dossier", "note", k, f"Notitie {n} over werkdruk in het team.")
            if passphrase:
                run = runner(Path(tmp) / "data", passphrase)
                run("encryption", "on")
            # 10 manual backups (as many as are kept) hold every dossier.
            for _ in range(10):
                run("backup", "create")
            times, cleaned = [], set()
            for k in dossiers:
                start = time.perf_counter()
                done = json.loads(run("dossier", "erase", k, "--json"))
                times.append(time.perf_counter() - start)
                assert not done["backups_failed"], done
                cleaned.add(len(done["backups_cleaned"]))
            print(f"dossier erase, {label}, {'/'.join(map(str, sorted(cleaned)))} backups rewritten each time: {ms(times)}")


if __name__ == "__main__":
    main()
