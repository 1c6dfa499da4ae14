"""The PDF sheet: its Chinese survives as text, pages are numbered, headers repeat."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sheet_support import SCRIPT, squash, store, store_file  # noqa: F401 (fixtures)
from tracker.errors import UserError
from tracker.sheet import SheetData, SheetGroup, SheetRow, write_data, write_sheet
from tracker.sheet.build import sheet_data
from tracker.sheet.font import find_cjk_font
from tracker.sheet.pdf import column_edges, pdf_bytes, write
from tracker.store import Filter

KANGXI = re.compile("[\u2f00-\u2fdf\u2e80-\u2eff]")   # radicals a broken text layer yields


def _layout_column(pdf: Path, pages: int, x0: float, x1: float, height: float) -> str:
    """pdftotext -layout of one table column on every page (72 dpi: pixels are points)."""
    out = []
    for page in range(1, pages + 1):
        out.append(subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), "-x", str(int(x0) + 1),
             "-y", "0", "-W", str(int(x1 - x0) - 2), "-H", str(int(height)), str(pdf), "-"],
            capture_output=True, text=True, check=True).stdout)
    return "".join(out)


def _row(cid: int, text: str, status: str = "unknown", **kw) -> SheetRow:
    return SheetRow(cid=cid, number=str(cid), kind=kw.pop("kind", "project"),
                    category=kw.pop("category", ""), text=text, target="", progress="",
                    status=status, evidence="", deadline="", **kw)


def _data(rows: list[SheetRow]) -> SheetData:
    return SheetData(title="测试区2025年政府工作报告承诺事项完成情况对照表", scope="",
                     printed=date(2025, 7, 1), store_name="test.db",
                     groups=(SheetGroup("project", "", tuple(rows)),),
                     by_status={"unknown": len(rows)}, by_kind={"project": len(rows)})


@pytest.fixture()
def seed_pdf(store, tmp_path):
    """The seed-001 sheet as PDF, with the SheetData it was made from."""
    data = sheet_data(store, Filter())
    out = write_data(data, tmp_path / "status.pdf")
    return out, data


def test_pdftotext_layout_holds_every_commitment_text(seed_pdf):
    pdf, data = seed_pdf
    pages = len(PdfReader(pdf).pages)
    edges = column_edges()
    # The 承诺内容 column alone, so wrapped lines of one cell join up again.
    column = squash(_layout_column(pdf, pages, edges[1], edges[2], 842))
    missing = [r.text for r in data.rows if squash(r.text) not in column]
    assert not missing
    assert not KANGXI.search(column)


def test_pypdf_text_holds_every_commitment_text(seed_pdf):
    pdf, data = seed_pdf
    text = squash("".join(p.extract_text() for p in PdfReader(pdf).pages))
    missing = [r.text for r in data.rows if squash(r.text) not in text]
    assert not missing
    assert squash(data.title) in text
    assert not KANGXI.search(text)


def test_pages_are_numbered_and_the_header_row_repeats(seed_pdf):
    pdf, data = seed_pdf
    pages = PdfReader(pdf).pages
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        text = page.extract_text()
        assert f"第 {n} 页 共 {len(pages)} 页" in text
        assert squash("序号 承诺内容 目标 完成情况 状态 证据 时限") in squash(text)


def test_status_words_and_symbols_are_text(seed_pdf):
    pdf, data = seed_pdf
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    for word in ("✔ 已完成", "⊙ 部分完成", "→ 推进中", "✘ 未完成", "？ 未核实", "－ 未标记"):
        assert word in text


def test_injected_script_prints_as_text(seed_pdf):
    pdf, data = seed_pdf
    text = squash("".join(p.extract_text() for p in PdfReader(pdf).pages))
    # Once in a commitment text, once in a note.
    assert text.count(squash(SCRIPT)) == 2


def test_markup_characters_print_literally(tmp_path):
    # Short cells are drawn as plain strings, long ones as Paragraphs: both must be literal.
    long_tail = "，确保年底前全面完成建设任务并通过验收" * 4
    rows = [_row(1, "A&B<b>粗体</b>&lt;不是标签&gt; 5>3"), _row(2, "<para>段落</para>"),
            _row(3, "A&B<b>粗体</b>&lt;不是标签&gt; 5>3" + long_tail),
            _row(4, "<br/><font color='red'>红</font>" + long_tail)]
    out = write_data(_data(rows), tmp_path / "m.pdf")
    text = squash(PdfReader(out).pages[0].extract_text())
    for r in rows:
        assert squash(r.text) in text


def test_landscape_option_turns_the_page(seed_pdf, store, tmp_path):
    out = write_sheet(store, Filter(), tmp_path / "wide.pdf", landscape=True)
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) > float(box.height)
    portrait = PdfReader(seed_pdf[0]).pages[0].mediabox
    assert float(portrait.width) < float(portrait.height)


def test_a_row_taller_than_a_page_continues_on_the_next(tmp_path):
    long_text = "".join(f"第{i}项建设任务按期推进，确保年底前完成验收。" for i in range(400))
    rows = [_row(1, "前一条承诺"), _row(2, long_text), _row(3, "后一条承诺")]
    out = write_data(_data(rows), tmp_path / "long.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    text = squash("".join(p.extract_text() for p in reader.pages))
    # Cut between rows only at punctuation: every clause survives whole, in order.
    positions = [text.find(f"第{i}项建设任务按期推进，确保年底前完成验收。") for i in range(400)]
    assert -1 not in positions and positions == sorted(positions)
    assert text.index("前一条承诺") < positions[0] and positions[-1] < text.index("后一条承诺")


def test_no_cjk_font_gives_a_clear_error_and_no_file(tmp_path):
    empty = tmp_path / "fonts"
    empty.mkdir()
    with pytest.raises(UserError, match="未找到中文字体.*fonts-wqy-microhei"):
        find_cjk_font([empty])
    out = tmp_path / "x.pdf"
    with pytest.raises(UserError, match=r"x\.pdf: 未找到中文字体"):
        write(_data([_row(1, "承诺")]), out, font_dirs=[empty])
    assert not out.exists()


def test_font_lookup_finds_wenquanyi_by_its_file_name(tmp_path):
    real = find_cjk_font()
    assert real.name.lower() == "wqy-microhei.ttc"
    d = tmp_path / "fonts" / "nested"
    d.mkdir(parents=True)
    (d / real.name).symlink_to(real)
    assert find_cjk_font([tmp_path / "fonts"]).name == real.name
    assert pdf_bytes(_data([_row(1, "一二三")]), font_dirs=[tmp_path / "fonts"]).startswith(b"%PDF")


def test_empty_sheet_still_renders(tmp_path, store):
    out = write_sheet(store, Filter(text="这段文字不在任何报告里"), tmp_path / "empty.pdf")
    text = PdfReader(out).pages[0].extract_text()
    assert "没有承诺事项" in text


def test_pdf_metadata_names_the_sheet(seed_pdf):
    pdf, data = seed_pdf
    assert PdfReader(pdf).metadata.title == data.title


def test_stale_rows_are_marked(tmp_path):
    rows = [_row(1, "已被新规则替换的承诺", stale=True)]
    text = PdfReader(write_data(_data(rows), tmp_path / "s.pdf")).pages[0].extract_text()
    assert "原文已变" in text


def test_overdue_deadline_is_marked(tmp_path):
    rows = [replace(_row(1, "确保7月份建成通车", overdue=True), deadline="7月份")]
    text = PdfReader(write_data(_data(rows), tmp_path / "o.pdf")).pages[0].extract_text()
    assert "7月份" in text and "已逾期" in text


def test_behind_schedule_prints_under_the_deadline(store, tmp_path):
    out = write_sheet(store, Filter(behind=True, as_of="2025-12-31"), tmp_path / "b.pdf")
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert squash(text).count("落后序时进度") == 3      # summary line plus one per row


def test_a_long_sheet_keeps_every_row_once_in_order_with_a_header_on_each_page(tmp_path):
    # Long enough for many page breaks inside one kind's table; categories start new runs.
    rows = [_row(i, f"第{i}号承诺事项", category=f"类别{i // 150}") for i in range(1, 601)]
    groups = tuple(SheetGroup("project", f"类别{k}", tuple(r for r in rows if r.category == f"类别{k}"))
                   for k in range(5))
    data = replace(_data(rows), groups=groups)
    out = write_data(data, tmp_path / "many.pdf")
    pages = PdfReader(out).pages
    assert len(pages) >= 10
    header = squash("序号 承诺内容 目标 完成情况 状态 证据 时限")
    texts = [squash(p.extract_text()) for p in pages]
    assert all(header in t for t in texts[1:])
    found = [int(n) for t in texts for n in re.findall(r"第(\d+)号承诺事项", t)]
    assert found == list(range(1, 601))
    assert all(sum(f"【类别{k}】" in t for t in texts) == 1 for k in range(5))


def test_a_long_title_in_the_footer_ends_before_the_page_number(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from tracker.sheet.font import register_cjk_font
    from tracker.sheet.pdf import MARGIN_X
    title = "北京市、吉林省、浙江省2025—2026年政府工作报告承诺事项完成情况对照表"
    pdf = write_data(replace(_data([_row(1, "新建公厕10座")]), title=title, source=title), tmp_path / "long.pdf")
    page = PdfReader(pdf).pages[0]
    footer: list[tuple[str, float]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: footer.append((text, tm[4]))
                      if text.strip() and tm[5] < 40 else None)
    left = next(t.strip() for t, x in footer if x == pytest.approx(MARGIN_X, abs=1))
    number_x = next(x for t, x in footer if t.startswith("第 1 页"))
    assert left.endswith("…") and title.startswith(left[:-1])
    assert MARGIN_X + stringWidth(left, register_cjk_font(), 8) < number_x
