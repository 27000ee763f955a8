#!/usr/bin/env python3
"""Times what conversations add to the advice report, as whole `keuzehulp` processes. Not part
of the tests.

Two dossiers alike in everything (10 shortlisted interventions, 10 plan items) but one: the
second holds a team conversation of seven themes (ratings, a note per theme and per question
on one theme), a team-leader conversation and a worker conversation. The report of each is
written in every format; the difference of the medians is the section "Gesprekken" with its
charts (SVG in HTML, typst rectangles in the PDF, shaded table cells in Word, a text bar in
Markdown) and the comparison. Also `dossier talk` itself, and the paper sheet of the team guide.

    cargo build --release && python3 scripts/measure_talk.py target/release/keuzehulp
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEAM = {
    "guide": "team", "date": "2026-11-20", "present": 8,
    "themes": [
        {"theme": "werkdruk", "rating": 3, "note": "Veel overdrachten aan het eind van de dienst."},
        {"theme": "regelmogelijkheden", "rating": 2, "note": "Het rooster komt laat.",
         "questions": [{"question": q, "note": "Het team wil zelf ruilen en eerder weten waar het aan toe is."}
                       for q in ["team-regel-aanpak", "team-regel-tempo", "team-regel-rooster", "team-regel-leren"]]},
        {"theme": "steun-leidinggevende", "rating": 4, "note": "De teamleider is goed bereikbaar."},
        {"theme": "steun-collegas", "rating": 4, "note": "Collega's springen bij."},
        {"theme": "omgang", "rating": 1, "note": "Bezoekers schelden soms; melden gebeurt niet."},
        {"theme": "duidelijkheid", "rating": 3, "note": "Taken na de reorganisatie zijn onduidelijk."},
        {"theme": "verandering", "rating": 3, "note": "Veranderingen komen laat bij het team."},
    ],
}
LEADER = {
    "guide": "leidinggevende", "date": "2026-11-21",
    "themes": [{"theme": t["theme"], "rating": r} for t, r in zip(TEAM["themes"], [3, 5, 4, 4, 3, 4, 3])],
}
WORKER = {
    "guide": "medewerker", "date": "2026-11-22",
    "themes": [{"theme": "signalen", "rating": 2, "note": "Komt slecht los van het werk."},
               {"theme": "wat-helpt", "rating": 3, "note": "Minder late diensten achter elkaar.", "confidential": False}],
}


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/keuzehulp"

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"

        def run(*args: str) -> str:
            result = subprocess.run([binary, "--data-dir", str(data), *args], capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"keuzehulp {' '.join(args)}: {result.stderr}")
            return result.stdout

        def timed(*args: str, times: int) -> list[float]:
            out = []
            for _ in range(times):
                start = time.perf_counter()
                run(*args)
                out.append(time.perf_counter() - start)
            return out

        ids = [r["id"] for r in json.loads(run("list", "--json"))["interventions"]]

        def plan(d: str) -> None:
            for i in ids[:10]:
                run("dossier", "plan", d, "--intervention", i, "--what", "Pilot", "--who", "Teamleider",
                    "--evaluate-on", "2027-04-01")

        talked = json.loads(run("dossier", "new", "--org", "Zorggroep Oost", "--sector", "zorg-vvt", "--json"))["id"]
        run("dossier", "answer", talked, "--role", "leidinggevende", "--level", "team", "--theme", "werkdruk")
        for i in ids[:10]:
            run("dossier", "shortlist", talked, i, "--why", "past bij wat het team zelf als knelpunt noemt")
        plan(talked)
        talk_times = []
        for name, answers in [("team", TEAM), ("leidinggevende", LEADER), ("medewerker", WORKER)]:
            path = Path(tmp) / f"{name}.json"
            path.write_text(json.dumps(answers), encoding="utf-8")
            start = time.perf_counter()
            run("dossier", "talk", talked, "--guide", name, "--answers", str(path))
            talk_times.append(time.perf_counter() - start)
        # A copy has the same answers, shortlist and (added again) plan, without conversations:
        # the same recommendations, so the reports differ by the section "Gesprekken".
        plain = json.loads(run("dossier", "duplicate", talked, "--json"))["id"]
        plan(plain)
        print(f"dossier talk (one conversation, whole process): median {statistics.median(talk_times) * 1000:.1f} ms "
              f"({len(talk_times)} runs)")
        for fmt, times in [("pdf", 7), ("docx", 11), ("html", 11), ("md", 11)]:
            out = Path(tmp) / f"rapport.{fmt}"
            without = timed("report", plain, "--format", fmt, "-o", str(out), "--force", times=times)
            with_talk = timed("report", talked, "--format", fmt, "-o", str(out), "--force", times=times)
            a, b = statistics.median(without), statistics.median(with_talk)
            print(f"report --format {fmt}: without conversations median {a * 1000:.1f} ms, with three conversations "
                  f"median {b * 1000:.1f} ms, difference {(b - a) * 1000:+.1f} ms ({times} runs each)")
        for fmt in ["pdf", "html"]:
            out = Path(tmp) / f"blad.{fmt}"
            sheet = timed("conversation", "sheet", "team", "--format", fmt, "-o", str(out), "--force", times=7)
            print(f"conversation sheet team --format {fmt}: median {statistics.median(sheet) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
