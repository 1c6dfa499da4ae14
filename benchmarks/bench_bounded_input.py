"""Bounded input (issue 11 part 4): figures for over-large inputs and many-file imports.

  .venv/bin/python benchmarks/bench_bounded_input.py

Prints, each measured in a fresh process: the time and peak memory to refuse a 1 MB
docx whose XML expands to 300 MB, and a 200 MB text file; and the peak memory of
importing 1 versus 12 copies of the 950 KB seed 003 (one transaction per file: the
peak should stay near the one-file figure, not grow with the number of files).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_MEASURE = """
import resource, sys, time
from tracker.errors import UserError
t = time.perf_counter()
try:
    if sys.argv[1] == "read":
        from tracker.ingest.read import read_source
        read_source(sys.argv[2])
        outcome = "read"
    else:
        from tracker.importer import import_files
        from tracker.store import Store
        with Store.open(sys.argv[2]) as s:
            r = import_files(s, sys.argv[3:])
        outcome = f"imported {r.documents_added} files"
except UserError as exc:
    outcome = "refused: " + str(exc)[-60:]
print(f"{time.perf_counter() - t:.2f}", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, outcome)
"""


def measure(*args: str) -> tuple[str, str, str]:
    out = subprocess.run([sys.executable, "-c", _MEASURE, *args], cwd=ROOT, capture_output=True,
                         text=True, timeout=3600).stdout.strip()
    seconds, mb, outcome = out.split(" ", 2)
    return seconds, mb, outcome


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bomb = tmp / "bomb.docx"
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            para = "<w:p><w:r><w:t>" + "重复" * 50 + "</w:t></w:r></w:p>"
            z.writestr("word/document.xml", "<w:document><w:body>" + para * (300_000_000 // len(para.encode()))
                       + "</w:body></w:document>")
        s, mb, outcome = measure("read", str(bomb))
        print(f"docx bomb ({bomb.stat().st_size / 1e6:.1f} MB -> 300 MB XML): {s} s, peak {mb} MB, {outcome}")
        big = tmp / "big.txt"
        with big.open("wb") as fh:
            fh.truncate(200_000_000)
        s, mb, outcome = measure("read", str(big))
        print(f"200 MB text file: {s} s, peak {mb} MB, {outcome}")
        text = (ROOT / "seeds").glob("003_*.txt").__next__().read_text(encoding="utf-8")
        copies = []
        for i in range(12):
            p = tmp / f"copy{i:02d}.txt"
            p.write_text(f"{text}\n附件{i}\n", encoding="utf-8")
            copies.append(str(p))
        s1, one, _ = measure("import", str(tmp / "one.db"), copies[0])
        s12, twelve, outcome = measure("import", str(tmp / "twelve.db"), *copies)
        print(f"import 1 file: {s1} s, peak {one} MB; 12 files: {s12} s, peak {twelve} MB "
              f"(ratio {int(twelve) / int(one):.2f}); {outcome}")


if __name__ == "__main__":
    main()
