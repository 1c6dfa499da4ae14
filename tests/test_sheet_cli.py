"""`tracker sheet`: exit codes, filters, one-line errors."""

from __future__ import annotations

import csv

from pypdf import PdfReader

from sheet_support import store_file  # noqa: F401 (fixture)
from tracker.cli.main import main
from tracker.sheet import KIND_LABELS, STATUS_LABELS
from tracker.store import Filter, Store


def _csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_sheet_writes_each_format(store_file, tmp_path, capsys):
    for suffix in ("pdf", "csv", "xlsx", "html"):
        out = tmp_path / f"status.{suffix}"
        assert main(["sheet", "--db", str(store_file), "--out", str(out)]) == 0
        assert out.stat().st_size > 0
    assert "项承诺" in capsys.readouterr().out


def test_global_db_option_works_too(store_file, tmp_path):
    out = tmp_path / "s.csv"
    assert main(["--db", str(store_file), "sheet", "--out", str(out)]) == 0
    with Store.open(store_file) as store:
        assert len(_csv(out)) == store.count(Filter())


def test_filters_match_tracker_list(store_file, tmp_path):
    out = tmp_path / "t.csv"
    assert main(["sheet", "--db", str(store_file), "--out", str(out), "--kind", "project",
                 "--status", "部分完成"]) == 0
    rows = _csv(out)
    assert len(rows) == 2
    assert {r["类别"] for r in rows} == {KIND_LABELS["project"]}
    assert {r["状态"] for r in rows} == {STATUS_LABELS["partial"]}
    out = tmp_path / "o.csv"
    assert main(["sheet", "--db", str(store_file), "--out", str(out), "--overdue",
                 "--as-of", "2025-12-31"]) == 0
    with Store.open(store_file) as store:
        expected = store.count(Filter(overdue=True, as_of="2025-12-31"))
    assert len(_csv(out)) == expected > 0
    assert {r["已逾期"] for r in _csv(out)} == {"是"}


def test_landscape_flag(store_file, tmp_path):
    out = tmp_path / "w.pdf"
    assert main(["sheet", "--db", str(store_file), "--out", str(out), "--landscape"]) == 0
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_bad_suffix_is_one_line_exit_1(store_file, tmp_path, capsys):
    assert main(["sheet", "--db", str(store_file), "--out", str(tmp_path / "s.doc")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "s.doc" in err and "Traceback" not in err


def test_no_cjk_font_is_one_line_exit_1_and_no_file(store_file, tmp_path, capsys, monkeypatch):
    empty = tmp_path / "nofonts"
    empty.mkdir()
    monkeypatch.setenv("TRACKER_FONT_DIRS", str(empty))
    out = tmp_path / "s.pdf"
    assert main(["sheet", "--db", str(store_file), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "s.pdf" in err and "未找到中文字体" in err and "fonts-wqy-microhei" in err
    assert not out.exists()
    # The other formats need no font.
    assert main(["sheet", "--db", str(store_file), "--out", str(tmp_path / "s.html")]) == 0


def test_not_a_store_is_one_line_exit_1(tmp_path, capsys):
    bogus = tmp_path / "x.db"
    bogus.write_text("不是数据库", encoding="utf-8")
    assert main(["sheet", "--db", str(bogus), "--out", str(tmp_path / "s.pdf")]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
