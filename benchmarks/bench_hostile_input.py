"""Hostile input (issue 20 part 3): what `tracker import` does with each file of the probe.

  .venv/bin/python benchmarks/bench_hostile_input.py [--code DIR] [--timeout S]

Each file is imported by a fresh `tracker import` (the code of DIR when given, for a
before/after comparison on another checkout) under a 3 GB address-space limit; prints the
wall time, peak memory (VmHWM of the child), exit code, the number of stderr lines and the
last one. A run still going after --timeout seconds (default 60) is killed and shown as
"> S s". Figures before and after are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import hostile_files as hf  # noqa: E402
from process import PEAK_REPORTING_CLI  # noqa: E402


def cases(tmp: Path) -> list[tuple[str, Path]]:
    """(label, path) of every hostile file, made in tmp."""
    return [
        ("AES PDF, no password", hf.report_pdf(tmp / "aes.pdf", user_password="")),
        ("AES PDF, password", hf.report_pdf(tmp / "locked.pdf", user_password="secret")),
        ("docx, main part renamed, 2.3 GB", hf.renamed_docx(tmp / "renamed.docx", expand_to=2_300_000_000)),
        ("docx, 2 x 60 MB media", hf.docx_with_big_media(tmp / "media.docx")),
        ("HTML, 200,000 nested divs", hf.nested_html(tmp / "nested.html")),
        ("FIFO named .txt", hf.fifo(tmp / "pipe.txt")),
        ("symlink to /dev/zero", hf.link_to(tmp / "zero.txt")),
        ("JSON data", hf.json_report(tmp / "report.json")),
        ("XML data", hf.xml_data(tmp / "data.xml")),
        ("zip archive", hf.zip_archive(tmp / "reports.zip")),
        ("tar.gz archive", hf.tar_archive(tmp / "reports.tar.gz", "gz")),
        ("tar archive named .txt", hf.tar_archive(tmp / "reports.txt")),
        ("250 MB file (sparse)", hf.sparse_file(tmp / "huge.pdf", 250_000_000)),
        ("hidden HTML text", hf.hidden_html(tmp / "hidden.html")),
    ]


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def run(code: Path, db: Path, path: Path, timeout: float) -> str:
    env = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", PEAK_REPORTING_CLI, "--db", str(db), "import", str(path)],
                            cwd=code, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=_limit)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return f"> {timeout:.0f} s, killed"
    seconds = time.perf_counter() - start
    lines = [line for line in err.splitlines() if line.strip()]
    peak = next((line.split()[1] for line in lines if line.startswith("PEAK ")), "?")
    lines = [line for line in lines if not line.startswith("PEAK ")]
    said = (lines[-1] if lines else out.strip().splitlines()[-1] if out.strip() else "")[-110:]
    return f"{seconds:.1f} s, {peak} MB, exit {proc.returncode}, {len(lines)} stderr lines: {said}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", type=Path, default=ROOT, help="checkout whose tracker/ is run")
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for label, path in cases(tmp):
            db = tmp / f"{path.stem}.db"
            print(f"{label:34} {run(args.code.resolve(), db, path, args.timeout)}", flush=True)


if __name__ == "__main__":
    main()
