#!/usr/bin/env python3
"""Times the evaluation loop as whole `keuzehulp` processes. Not part of the tests.

1. The report with charts: two dossiers alike in everything (10 shortlisted interventions,
   10 plan items, a team conversation) but one: the second is a follow-up visit with the
   items carried over, a second team conversation, two questionnaire aggregates (BAT, at two
   dates) and 10 evaluations with indicators. The report of each is written in every format;
   the difference of the medians is the section "Evaluatie" (its before-and-after charts,
   the evaluations, the new advice). The plan workbook likewise (its sheet "Evaluatie").
2. Sharing 1,000 outcome records: 20 trajecten of 50 evaluated interventions each are
   imported as dossier files; `share export` writes them (and signs), `share import` reads
   them into a second data directory that trusts the key.

    cargo build --release && python3 scripts/measure_evaluate.py target/release/keuzehulp
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THEMES = ["werkdruk", "regelmogelijkheden", "steun-leidinggevende", "steun-collegas", "omgang", "duidelijkheid",
          "verandering"]


def team(date: str, present: int, ratings: list[int]) -> dict:
    return {"guide": "team", "date": date, "present": present,
            "themes": [{"theme": t, "rating": r, "note": "Wat het team hierover zei, in een paar zinnen."}
                       for t, r in zip(THEMES, ratings)]}


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/keuzehulp"
    times = 7

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)

        def runner(data: Path):
            def run(*args: str) -> str:
                result = subprocess.run([binary, "--data-dir", str(data), *args], capture_output=True, text=True,
                                        env={"KEUZEHULP_TODAY": "2026-12-01", "PATH": "/usr/bin:/bin"})
                if result.returncode != 0:
                    sys.exit(f"keuzehulp {' '.join(args)}: {result.stderr}")
                return result.stdout
            return run

        def timed(run, *args: str) -> list[float]:
            out = []
            for _ in range(times):
                start = time.perf_counter()
                run(*args)
                out.append(time.perf_counter() - start)
            return out

        run = runner(tmp / "data")
        ids = [r["id"] for r in json.loads(run("list", "--json"))["interventions"]]

        def talk(d: str, answers: dict) -> None:
            path = tmp / "gesprek.json"
            path.write_text(json.dumps(answers))
            run("dossier", "talk", d, "--guide", "team", "--answers", str(path))

        def visit(org: str) -> str:
            d = json.loads(run("dossier", "new", "--org", org, "--sector", "zorg-vvt", "--date", "2026-01-10",
                               "--json"))["id"]
            run("dossier", "answer", d, "--role", "leidinggevende", "--level", "team", "--theme", "werkdruk")
            for i in ids[:10]:
                run("dossier", "shortlist", d, i, "--why", "past bij wat het team zelf als knelpunt noemt")
                run("dossier", "plan", d, "--intervention", i, "--what", "Pilot", "--who", "Teamleider",
                    "--start", "2026-01-15", "--evaluate-on", "2026-05-01")
            talk(d, team("2026-01-10", 12, [2, 2, 3, 4, 2, 3, 3]))
            return d

        plain = visit("Zorggroep West")
        first = visit("Zorggroep Oost")
        run("dossier", "measure", first, "--instrument", "bat", "--scale", "totaal", "--n", "30", "--responded", "14",
            "--mean", "2.8", "--date", "2026-01-12")
        looped = json.loads(run("dossier", "follow-up", first, "--date", "2026-05-10", "--json"))["id"]
        for s in json.loads(run("dossier", "show", first, "--json"))["shortlist"]:
            run("dossier", "shortlist", looped, s["intervention_id"], "--why", s["why"])
        talk(looped, team("2026-05-10", 11, [3, 4, 3, 4, 2, 3, 4]))
        run("dossier", "measure", looped, "--instrument", "bat", "--scale", "totaal", "--n", "30", "--responded", "13",
            "--mean", "2.5", "--date", "2026-05-12")
        plan = json.loads(run("dossier", "show", looped, "--json"))["plan"]
        for p in plan:
            run("dossier", "evaluate", looped, "--item", str(p["id"]), "--carried-out", "ja", "--reach", "9/12",
                "--team-says", "Het team merkt dat het rooster eerder bekend is.", "--indicator",
                "verzuimpercentage=6,2:5,4", "--before", "2026-01-01..2026-03-31", "--after",
                "2026-04-01..2026-06-30", "--verdict", "onduidelijk", "--reason", "Te vroeg om te zeggen.",
                "--date", "2026-05-20")

        print("Report (median of %d runs, ms): without the evaluation section → with it" % times)
        for fmt in ["pdf", "docx", "html", "md"]:
            medians = []
            for d in [plain, looped]:
                out = tmp / f"rapport-{d}.{fmt}"
                medians.append(statistics.median(timed(run, "report", d, "--format", fmt, "-o", str(out), "--force")) * 1000)
            print(f"  {fmt:5} {medians[0]:7.0f} → {medians[1]:7.0f}  ({medians[1] - medians[0]:+.0f})")
        medians = []
        for d in [plain, looped]:
            out = tmp / f"plan-{d}.xlsx"
            medians.append(statistics.median(timed(run, "dossier", "export-plan", d, "--format", "xlsx", "-o",
                                                   str(out), "--force")) * 1000)
        print(f"  xlsx  {medians[0]:7.0f} → {medians[1]:7.0f}  ({medians[1] - medians[0]:+.0f})")

        # 1,000 outcome records: 20 trajecten of 50 evaluated interventions, imported as
        # dossier files made from one exported template.
        share = runner(tmp / "share")
        template_id = json.loads(share("dossier", "new", "--org", "Sjabloon", "--json"))["id"]
        template_file = tmp / "sjabloon.json"
        share("dossier", "export", template_id, "-o", str(template_file))
        template = json.loads(template_file.read_text())
        share("dossier", "erase", template_id)
        chosen = ids[:50]
        scale = {"min": 1.0, "max": 5.0, "higher_is_better": True}
        for t in range(20):
            d = json.loads(json.dumps(template))
            d["dossier"]["id"] = f"d-meting{t:04d}"
            d["dossier"]["org"] = f"Organisatie {t}"
            d["dossier"]["sector"] = "zorg-vvt"
            d["dossier"]["size_band"] = "50-249"
            d["dossier"]["plan"] = [
                {"id": k + 1, "intervention_id": i, "what": "Pilot", "who": "Teamleider", "start_date": "2026-01-15",
                 "evaluation_date": "2026-05-01", "evaluation_method": "Teamgesprek", "status": "afgerond"}
                for k, i in enumerate(chosen)]
            d["dossier"]["measurements"] = [
                {"id": 0, "kind": "gesprek", "source": "team", "date": date, "scale": scale, "n": n,
                 "values": [{"key": k, "value": v} for k, v in zip(THEMES, values)]}
                for date, n, values in [("2026-01-10", 12, [2, 2, 3, 4, 2, 3, 3]),
                                        ("2026-05-10", 11, [3, 4, 3, 4, 2, 3, 4])]]
            d["dossier"]["evaluations"] = [
                {"id": 0, "item": k + 1, "date": "2026-05-20", "carried_out": "ja", "reached": 9, "reach_of": 12,
                 "team_says": None, "team_changed": False, "indicators": [],
                 "proposal": {"verdict": "onduidelijk", "why": []}, "verdict": "werkte" if k % 2 else "onduidelijk",
                 "reason": "Gezien in het team.", "created_at": "2026-05-20T10:00:00Z"}
                for k in range(len(chosen))]
            path = tmp / f"traject-{t}.json"
            path.write_text(json.dumps(d))
            share("dossier", "import", str(path))
        keys = tmp / "sleutels"
        share("pack", "keygen", "--out", str(keys))
        folder = tmp / "praktijk"
        folder.mkdir()
        pack = folder / "arbo-west.json"
        export = timed(share, "share", "export", "--since", "2026-01-01", "-o", str(pack), "--force")
        signed = timed(share, "share", "export", "--since", "2026-01-01", "-o", str(pack), "--force", "--key",
                       str(keys / "publisher.key"))
        records = len(json.loads(pack.read_text())["outcomes"])
        (folder / "index.json").write_text(json.dumps({"format": "keuzehulp-index", "packs": ["arbo-west.json"]}))
        colleague = runner(tmp / "collega")
        colleague("trust", "add", str(keys / "publisher.pub"), "--name", "Arbodienst West")
        imported = timed(colleague, "share", "import", str(folder))
        practice = timed(colleague, "practice", "--json")
        print(f"Share ({records} outcome records, {pack.stat().st_size // 1000} kB; median of {times} runs, ms):")
        print(f"  share export            {statistics.median(export) * 1000:7.0f}")
        print(f"  share export --key      {statistics.median(signed) * 1000:7.0f}")
        print(f"  share import (folder)   {statistics.median(imported) * 1000:7.0f}")
        print(f"  practice --json after   {statistics.median(practice) * 1000:7.0f}")


if __name__ == "__main__":
    main()
