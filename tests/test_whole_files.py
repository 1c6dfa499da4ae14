"""Issue 20 part 1: every export, sheet and backup is written whole.

A full disk (a small tmpfs, as root) gives one line naming the target and leaves the
previous file as it was; kill -9 in the middle of writing never leaves half a file under the
target's name.
"""

from __future__ import annotations

import csv
import io
import pickle
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from conftest import ROOT, SEEDS
from disk_support import fill, small_disk  # noqa: F401  (fixture)
from tracker.importer import import_files
from tracker.sheet.build import sheet_data
from tracker.sheet.write import write_data
from tracker.store import Filter, Store

FORMATS = ["pdf", "csv", "xlsx", "docx", "html"]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    """A store of the five seeds with a few marks (read only by these tests)."""
    path = tmp_path_factory.mktemp("whole") / "t.db"
    with Store.open(path) as s:
        import_files(s, sorted(SEEDS.glob("*.txt")))
        ids = s.query(Filter(), order="line")
        s.marks.mark(ids[:5], "done", note="全年完成")
    return path


def tracker(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def whole(path: Path, fmt: str, rows: int) -> bool:
    """Whether path is a complete sheet of the given format with rows commitments."""
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
        return text.endswith("\r\n") and len(list(csv.reader(io.StringIO(text)))) == rows + 1
    if fmt == "xlsx":
        try:
            return load_workbook(path, read_only=True).sheetnames[0] == "汇总"
        except Exception:      # a truncated zip: BadZipFile, KeyError, EOFError …
            return False
    if fmt == "docx":
        try:
            return len(Document(str(path)).tables) > 1
        except Exception:
            return False
    if fmt == "pdf":
        try:
            return len(PdfReader(path).pages) > 1
        except Exception:
            return False
    return path.read_text(encoding="utf-8").rstrip().endswith("</html>")


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_onto_a_full_disk_is_one_line_and_keeps_last_weeks_file(seeds_db, small_disk, fmt):
    target = small_disk / f"对照表.{fmt}"
    assert tracker("--db", str(seeds_db), "sheet", "--out", str(target), "--status", "done").returncode == 0
    before = target.read_bytes()
    fill(small_disk)
    proc = tracker("--db", str(seeds_db), "sheet", "--out", str(target))      # all 440: larger
    assert proc.returncode == 1
    assert target.read_bytes() == before
    lines = proc.stderr.strip().splitlines()
    # One line naming the target; no "Exception ignored in ZipFile.__del__" after it.
    assert len(lines) == 1 and str(target) in lines[0] and "磁盘空间不足" in lines[0], proc.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == [".filler", target.name]


def test_a_backup_onto_a_full_disk_names_the_backup_and_keeps_the_previous_one(tmp_path, small_disk):
    small = tmp_path / "小.db"
    with Store.open(small) as s:             # small enough for its backup to fit the tmpfs
        import_files(s, [next(SEEDS.glob("001_*.txt"))])
    dest = small_disk / "备份.db"
    assert tracker("--db", str(small), "backup", str(dest)).returncode == 0
    before = dest.read_bytes()
    with Store.open(small) as s:
        s.marks.mark(s.query(Filter())[:1], "done")
    fill(small_disk)
    proc = tracker("--db", str(small), "backup", str(dest))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    # The backup's disk is full, not the store: the line names the backup.
    assert len(lines) == 1 and str(dest) in lines[0] and "磁盘空间不足" in lines[0], proc.stderr
    assert dest.read_bytes() == before
    assert sorted(p.name for p in small_disk.iterdir()) == [".filler", dest.name]


# Writes the sheet over and over; says how long one write takes once it is warm.
_WRITER = """
import importlib, pickle, sys, time
from pathlib import Path
data = pickle.load(open(sys.argv[1], "rb"))
module = importlib.import_module("tracker.sheet." + sys.argv[2])
module.write(data, Path(sys.argv[4]))      # warm: later imports, caches
start = time.perf_counter()
module.write(data, Path(sys.argv[4]))
print(time.perf_counter() - start, flush=True)
while True:
    module.write(data, __import__("pathlib").Path(sys.argv[3]))
"""
_MODULES = {"pdf": "pdf", "csv": "csv_file", "xlsx": "xlsx_file", "docx": "docx_file", "html": "html_file"}
_KILLS = {"csv": 10, "xlsx": 8, "docx": 3, "pdf": 3, "html": 4}


@pytest.mark.parametrize("fmt", FORMATS)
def test_kill_9_while_an_export_is_written_never_leaves_half_a_file(seeds_db, tmp_path, fmt):
    with Store.open(seeds_db, create=False) as s:
        data = sheet_data(s, Filter(kind="target"))      # 117 rows: a write takes ~0.2 s
    pickled = tmp_path / "data.pickle"
    pickled.write_bytes(pickle.dumps(data))
    target = tmp_path / f"对照表.{fmt}"
    write_data(data, target)                        # last week's sheet
    rnd = random.Random(20)
    for _ in range(_KILLS[fmt]):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, str(pickled), _MODULES[fmt], str(target),
                                  str(tmp_path / f".warm.{fmt}")], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        one_write = float(child.stdout.readline())
        time.sleep(rnd.uniform(0.0, 3 * one_write))      # anywhere in the next writes
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert whole(target, fmt, len(data.rows)), f"{fmt} cut short by kill -9"
    # What a killed writer leaves is a hidden temporary file, never a visible one.
    assert {p.name for p in tmp_path.iterdir() if not p.name.startswith(".")} == {"data.pickle", target.name}
