"""Issue 20 part 4 (and part 3's last item): the small failures of the hard probe.

The PDF sheet with a 400-character 时限 or a 4,000-character 分类; `tracker edit ID "-2+3"`;
splitting an item added with --line; control characters (ESC sequences, a newline in a file
name) printed raw by list, show, history and reports.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import seed
from tracker.cli.main import main
from tracker.importer import import_files
from tracker.sheet import write_sheet
from tracker.store import Filter, Store


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


# ---- the PDF sheet -------------------------------------------------------------------------
@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "landscape"])
def test_a_400_character_deadline_and_a_4000_character_category_print(db, tmp_path, landscape):
    with Store.open(db) as s:
        first, second = s.query(Filter(kind="project"), order="line")[:2]
        s.corrections.correct(first, deadline_text="年底前完成" * 80)             # 400 characters
        s.corrections.correct(second, category="分类" * 2000)                     # 4,000 characters
        out = write_sheet(s, Filter(), tmp_path / "sheet.pdf", landscape=landscape)
    text = pdf_text(out)
    assert text.count("完") >= 80          # the whole 时限, continued on 续 rows
    assert "【分类分类" in text and "…】" in text     # the 分类 row cut to a few lines


def test_a_sheet_filtered_by_a_4000_character_category_prints(db, tmp_path, capsys):
    with Store.open(db) as s:
        s.corrections.correct(s.query(Filter(kind="project"))[0], category="分类" * 2000)
    out = tmp_path / "sheet.pdf"
    assert main(["--db", str(db), "sheet", "--category", "分类" * 2000, "--out", str(out)]) == 0
    assert "范围：分类：分类分类" in re.sub(r"\s+", "", pdf_text(out))


# ---- texts starting with a minus; splitting an item added with --line --------------------
def test_edit_takes_a_text_starting_with_a_minus(db, capsys):
    assert main(["--db", str(db), "edit", "3", "-2+3"]) == 0
    with Store.open(db) as s:
        assert s.commitment(3)["text"] == "-2+3"


def test_split_parts_starting_with_a_minus(db, capsys):
    assert main(["--db", str(db), "split", "3", "-甲", "-乙"]) == 0
    with Store.open(db) as s:
        texts = {s.commitment(i)["text"] for i in s.query(Filter()) if s.commitment(i)["origin"] == "user"}
    assert texts == {"-甲", "-乙"}


def test_an_item_added_with_line_can_be_split(db, capsys):
    assert main(["--db", str(db), "add", "1", "原文中没有的一项承诺，新建停车位500个", "--line", "40"]) == 0
    with Store.open(db) as s:
        added = max(s.query(Filter()))
    assert main(["--db", str(db), "split", str(added), "原文中没有的一项承诺", "新建停车位500个"]) == 0
    with Store.open(db) as s:
        parts = [s.commitment(i) for i in s.query(Filter()) if i > added]
    assert [(p["text"], p["line"]) for p in parts] == [("原文中没有的一项承诺", 40), ("新建停车位500个", 40)]


# ---- control characters in the terminal ----------------------------------------------------
_ESC = "\x1b]0;被改的窗口标题\x07\x1b[2J"


@pytest.fixture
def hostile_db(tmp_path) -> Path:
    """A store of seed 001 imported from a file whose name has a newline and whose first
    commitment's line starts with an escape sequence; the item carries a note with another."""
    text = seed("001").read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if "增长" in l)
    src = tmp_path / "报告\n第二行.txt"
    src.write_text(text.replace(line, "\x1b[31m" + line, 1), encoding="utf-8")
    path = tmp_path / "h.db"
    with Store.open(path) as s:
        import_files(s, [src])
        cid = s.query(Filter(), order="line")[0]
        s.marks.mark([cid], "done", note="已完成" + _ESC, evidence_text="见\r通报")
        s.curation.edit_text(cid, s.commitment(cid)["text"] + "\x1b[8m")
    return path


@pytest.mark.parametrize("command", [["list"], ["show", "ID"], ["history", "ID"], ["reports"],
                                     ["list", "--search", "增长"]])
def test_control_characters_are_shown_escaped_never_sent_to_the_terminal(hostile_db, capsys, command):
    with Store.open(hostile_db) as s:
        cid = s.query(Filter(), order="line")[0]
        reports = len(s.reports())
    assert main(["--db", str(hostile_db), *[str(cid) if a == "ID" else a for a in command]]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", out)
    assert "\\x1b" in out or command == ["reports"]
    if command == ["reports"]:
        assert "报告\\n第二行.txt" in out and len(out.strip().split("\n")) == reports
    if command[0] == "history":
        assert "\\x1b]0;被改的窗口标题\\x07\\x1b[2J" in out and "见\\r通报" in out


def test_json_output_keeps_the_text_exact(hostile_db, capsys):
    import json

    with Store.open(hostile_db) as s:
        cid = s.query(Filter(), order="line")[0]
    assert main(["--db", str(hostile_db), "history", str(cid), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert any(e.get("note") == "已完成" + _ESC for e in entries)


def test_a_copy_of_the_seed_store_is_unchanged_by_listing(hostile_db, tmp_path, capsys):
    copy = tmp_path / "copy.db"
    shutil.copy(hostile_db, copy)
    assert main(["--db", str(copy), "list"]) == 0
    assert main(["--db", str(copy), "reports"]) == 0
