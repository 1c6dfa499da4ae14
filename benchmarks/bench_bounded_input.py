"""Bounded input (issue 11 part 4): figures for over-large inputs and many-file imports.

  .venv/bin/python benchmarks/bench_bounded_input.py

Prints, each measured in a fresh process: the time and peak memory to refuse a 1 MB
docx whose XML expands to 300 MB, and a 200 MB text file; and the peak memory of
importing 1 versus 8 files of 4.8 MB (seed 003 five times over; one transaction per file).
Measured 2026-12: refusals 0.2 s / 27 MB and 0.1 s / 17 MB (the issue saw 245 s / 5.4 GB
and 1.5 GB); 1 file 84 MB, 8 files 329 MB both before and after per-file transactions:
the growth is SQLite's page cache (64 MB) and mapped store pages (mmap_size 256 MB),
both capped, not the extractions.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Peak memory as VmHWM of the child itself (ru_maxrss survives exec on Linux, so it
# would report this script's own 300 MB string).
_MEASURE = """
import sys, time
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
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(f"{time.perf_counter() - t:.2f}", hwm // 1024, outcome)
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
        for i in range(8):
            p = tmp / f"copy{i:02d}.txt"
            p.write_text("\n".join(f"{text}\n附件{i}-{k}\n" for k in range(5)), encoding="utf-8")
            copies.append(str(p))
        s1, one, _ = measure("import", str(tmp / "one.db"), copies[0])
        s8, eight, outcome = measure("import", str(tmp / "eight.db"), *copies)
        print(f"import 1 file: {s1} s, peak {one} MB; 8 files: {s8} s, peak {eight} MB "
              f"(ratio {int(eight) / int(one):.2f}); {outcome}")


if __name__ == "__main__":
    main()
