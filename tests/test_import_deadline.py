"""Issue 20: every import answers within 30 s. A file whose reading, extraction or storing
is still running at the deadline is refused in one line naming it, and the store is left
exactly as it was; bounds past which no file is begun (PDF pages) refuse before reading.
The times themselves are measured in benchmarks/bench_import_bounds.py, not here: these
tests move the clock the deadline reads instead of waiting."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
import types
from pathlib import Path

import pytest

from conftest import DEV, ROOT
from tracker.cli.main import main
from tracker.errors import UserError
from tracker import importer
from tracker.importer import import_files
from tracker.ingest import legacy, limits
from tracker.store import Store

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
MANY_REPORTS = SEEDS[4]        # nine reports: a deadline check between each


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def stored(tmp_path) -> Path:
    """A store already holding one report (so "unchanged" is more than "empty")."""
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        import_files(store, [SEEDS[1]])
    return db


@pytest.fixture
def ticking(monkeypatch):
    """The deadline's clock advances one second each time it is read."""
    clock = iter(range(10**6))
    monkeypatch.setattr(limits, "time", types.SimpleNamespace(monotonic=lambda: float(next(clock))))


def test_time_running_out_at_any_step_refuses_the_file_and_stores_nothing(stored, ticking, monkeypatch):
    before = dump(stored)
    refused = 0
    for seconds in range(40):
        monkeypatch.setattr(limits, "IMPORT_SECONDS", seconds)
        with Store.open(stored) as store:
            try:
                result = import_files(store, [MANY_REPORTS])
            except UserError as exc:
                assert str(exc).startswith(f"{MANY_REPORTS}: 处理超过 {seconds} 秒") and "\n" not in str(exc)
                assert dump(stored) == before
                refused += 1
                continue
        break
    # read, between each of the nine reports, after extraction, before the write
    assert refused >= 11 and result.documents_added == 1
    assert dump(stored) != before


def test_the_cli_says_it_in_one_line_and_exits_1(stored, monkeypatch, capsys):
    before = dump(stored)
    monkeypatch.setattr(limits, "IMPORT_SECONDS", 0)
    assert main(["--db", str(stored), "import", str(MANY_REPORTS)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(MANY_REPORTS) in err[0] and "took over 0 s" in err[0], err
    assert dump(stored) == before


def test_files_before_the_late_one_stay_imported(tmp_path, monkeypatch, capsys):
    db = tmp_path / "t.db"
    monkeypatch.setattr(importer, "Deadline", _LateFor(MANY_REPORTS))
    assert main(["--db", str(db), "import", str(SEEDS[1]), str(MANY_REPORTS)]) == 1
    err = capsys.readouterr().err.strip()
    assert "处理超过" in err and "之前的 1 个文件已导入" in err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()


class _LateFor:
    """A Deadline factory under which only the file named runs out of time."""

    def __init__(self, late: Path) -> None:
        self.late, self.real = str(late), limits.Deadline

    def __call__(self, name: str, seconds: float | None = None):
        return self.real(name, 0 if name == self.late else 3600)


def test_a_pdf_of_too_many_pages_is_refused_before_its_text_is_read(stored, capsys):
    from reportlab.pdfgen import canvas

    pdf = stored.parent / "long.pdf"
    c = canvas.Canvas(str(pdf))
    for k in range(limits.MAX_PDF_PAGES + 1):
        c.drawString(40, 800, f"page {k}")
        c.showPage()
    c.save()
    before = dump(stored)
    assert main(["--db", str(stored), "import", str(pdf)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(pdf) in err[0] and f"上限 {limits.MAX_PDF_PAGES} 页" in err[0], err
    assert dump(stored) == before


def test_text_past_the_character_bound_is_refused(stored, capsys):
    big = stored.parent / "big.txt"
    line = "全年地区生产总值增长6%左右，城镇新增就业10万人以上。\n"
    big.write_text(line * (limits.MAX_TEXT_CHARS // len(line) + 1), encoding="gb18030")
    assert big.stat().st_size <= limits.MAX_TEXT_BYTES
    before = dump(stored)
    assert main(["--db", str(stored), "import", str(big)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(big) in err[0] and "too much text" in err[0], err
    assert dump(stored) == before


@pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice is not installed")
def test_a_conversion_still_running_at_the_deadline_is_killed_whole(stored, monkeypatch):
    doc = stored.parent / "report.doc"
    shutil.copy(DEV / "provinces" / "hebei_2025.docx", doc.with_suffix(".docx"))
    subprocess.run([legacy.soffice(), f"-env:UserInstallation={(stored.parent / 'lo').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(doc.parent), str(doc.with_suffix(".docx"))],
                   check=True, capture_output=True, timeout=180)
    started = []
    real = subprocess.Popen

    def recording(*args, **kwargs):
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", recording)
    monkeypatch.setattr(limits, "IMPORT_SECONDS", 0)
    before = dump(stored)
    with Store.open(stored) as store, pytest.raises(UserError, match="LibreOffice 转换超过 0 秒"):
        import_files(store, [doc])
    assert dump(stored) == before
    (proc,) = started
    assert _group_ends(proc.pid)        # soffice.bin too: nothing is left of its process group


def _group_ends(pgid: int) -> bool:
    """Whether process group pgid is empty within 10 s (killed processes are reaped by init)."""
    for _ in range(100):
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".rtf"])
def test_an_old_format_file_past_its_bound_is_refused_before_conversion(stored, suffix, capsys):
    old = stored.parent / f"long{suffix}"
    with old.open("wb") as fh:
        fh.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" if suffix != ".rtf" else b"{\\rtf1\\ansi ")
        fh.truncate(limits.MAX_LEGACY_BYTES + 1)
    before = dump(stored)
    assert main(["--db", str(stored), "import", str(old)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(old) in err[0] and f"上限 {limits.MAX_LEGACY_BYTES // 1_000_000} MB" in err[0] and ".docx" in err[0], err
    assert dump(stored) == before
