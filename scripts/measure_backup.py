#!/usr/bin/env python3
"""Times `keuzehulp backup create` as a whole process on a store of 200 dossiers (10 notes,
a shortlist of 5 and 3 plan items each), 10 runs. Not part of the tests.

    cargo build --release && python3 scripts/measure_backup.py target/release/keuzehulp
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/keuzehulp"
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"

        def run(*args: str) -> str:
            result = subprocess.run([binary, "--data-dir", str(data), *args], capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"keuzehulp {' '.join(args)}: {result.stderr}")
            return result.stdout

        ids = [r["id"] for r in json.loads(run("list", "--json"))["interventions"]]
        first = json.loads(run("dossier", "new", "--org", "Organisatie 0", "--sector", "zorg-vvt", "--json"))["id"]
        for n in range(10):
            run("dossier", "note", first, f"Notitie {n}: het team noemt werkdruk, roosterdruk en weinig regelruimte.")
        for s in range(5):
            run("dossier", "shortlist", first, ids[s], "--why", "past bij de vraag van het team")
        for p in range(3):
            run("dossier", "plan", first, "--intervention", ids[p], "--what", f"Actie {p}", "--evaluate-on", "2027-03-01")
        exported = Path(tmp) / "dossier.json"
        run("dossier", "export", first, "-o", str(exported))
        text = exported.read_text()
        for _ in range(199):
            exported.write_text(text.replace(first, "d-" + uuid.uuid4().hex))
            run("dossier", "import", str(exported))
        count = len(json.loads(run("dossier", "list", "--json"))["dossiers"])
        size = (data / "keuzehulp.sqlite3").stat().st_size
        print(f"{count} dossiers, database {size // 1000} kB")
        times = []
        for _ in range(10):
            start = time.perf_counter()
            made = json.loads(run("backup", "create", "--json"))
            times.append(time.perf_counter() - start)
            assert "path" in made
        print("keuzehulp backup create, 10 runs (ms):", " ".join(f"{t * 1000:.0f}" for t in times))
        print(f"median {statistics.median(times) * 1000:.1f} ms, slowest {max(times) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
