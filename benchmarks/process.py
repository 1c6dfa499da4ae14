"""Shared by the benchmarks: whole-process timing (medians), peak memory, bench inputs.

A user waits for a whole process, so figures are wall-clock times of a fresh
`python -m …` from start to exit, the median of several runs (not the best), with the
process's own CPU time beside them (this machine is shared: wall time includes waiting
for a core, CPU time does not). Bytecode is compiled first, as an installed package is.
"""

from __future__ import annotations

import compileall
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PYTHON = sys.executable
# `python -c PEAK_REPORTING_CLI ARGS…` runs `tracker ARGS…` and writes "PEAK <MB>" (VmHWM of the
# process itself) to stderr on the way out, even when the command fails.
PEAK_REPORTING_CLI = """
import atexit, sys
def peak():
    hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
    sys.stderr.write(f"\\nPEAK {hwm // 1024}\\n")
atexit.register(peak)
from tracker.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def bench_setup(doc: str, prefix: str, runs: int = 3):
    """The command line every store benchmark takes (--keep DIR, --runs N): (args, the working
    folder, made), with the bytecode compiled."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR")
    parser.add_argument("--runs", type=int, default=runs)
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix=prefix))
    folder.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    return args, folder


def compile_bytecode() -> None:
    """Write .pyc files for tracker/ and ui/ (pip does this on install)."""
    for folder in ("tracker", "ui"):
        compileall.compile_dir(ROOT / folder, quiet=1)


def run(args: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Run a command; (wall seconds, CPU seconds of the child, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed: {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def median_run(args: list[str], runs: int = 5, env: dict | None = None) -> dict:
    """Median wall and CPU seconds over runs, with every run's wall time."""
    results = [run(args, env) for _ in range(runs)]
    walls = [r[0] for r in results]
    return {"wall": statistics.median(walls), "cpu": statistics.median(r[1] for r in results),
            "rss": max(r[2] for r in results), "runs": walls}


def show(label: str, m: dict, goal: float, size: str, command: str) -> bool:
    """Print one figure with its goal and ratio; True when the median meets it."""
    ok = m["wall"] < goal
    print(f"{label}: median {m['wall']:.3f} s wall ({m['cpu']:.3f} s CPU) over "
          f"{len(m['runs'])} runs [{', '.join(f'{r:.2f}' for r in m['runs'])}]; "
          f"goal < {goal:g} s, ratio {m['wall'] / goal:.2f} {'OK' if ok else 'MISSED'}; "
          f"input {size}; command: {command}")
    return ok


def tracker_cmd(*args: str) -> list[str]:
    """`python -m tracker ARGS` as an argument list."""
    return [PYTHON, "-m", "tracker", *map(str, args)]


def _seed_regions() -> list[str]:
    """Region names the seeds' reports carry (found by the extraction itself)."""
    from tracker.extract import extract_file
    names = {r.report.region for seed in SEEDS for r in extract_file(seed).reports}
    return sorted((n for n in names if n and len(n) >= 2), key=len, reverse=True)


def distinct_copies(folder: Path, copies: int) -> list[Path]:
    """The seeds `copies` times as new files. Each copy renames the seeds' regions
    (酒泉市 → 酒泉3市) and shifts every digit of numbers that are not years, so reports,
    commitment texts and document texts are all distinct (nothing repeats)."""
    regions = _seed_regions()
    paths = []
    for copy in range(copies):
        shift = str.maketrans("0123456789", "".join(str((d + copy) % 10) for d in range(10)))
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8", errors="replace")
            if copy:
                text = re.sub(r"\d+", lambda m: m.group(0) if re.fullmatch(r"(19|20)\d\d", m.group(0))
                              else m.group(0).translate(shift), text)
                for region in regions:
                    text = text.replace(region, f"{region[:-1]}{copy}{region[-1]}")
            path = folder / f"c{copy:02d}_{seed.name}"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


def seeds_size() -> int:
    """Bytes of one set of seed files (the 1× input)."""
    return sum(p.stat().st_size for p in SEEDS)
