"""Reading files: encodings, docx, pdf, html, and every kind of unreadable input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import DEV, seed
from tracker.errors import UserError
from tracker.ingest import read_source

REPORT_LINES = [
    "2025年某某区政府工作报告",
    "各位代表：",
    "现在，我代表区人民政府向大会报告工作，请予审议。",
    "今年经济社会发展的主要预期目标是：地区生产总值增长７．２％以上。",
]
TEXT = "\n".join(REPORT_LINES) + "\n"


def test_utf8_seed_keeps_every_line(tmp_path: Path) -> None:
    src = read_source(seed("001"))
    assert src.encoding == "utf-8"
    assert len(src.lines) == 214           # the gold's line_count (last line has no newline)
    assert src.lines[7] == "2025年酒泉市肃州区政府工作报告"
    assert src.text == seed("001").read_bytes().decode("utf-8")


def test_utf8_bom_is_not_part_of_line_one(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    src = read_source(p)
    assert src.lines[0] == REPORT_LINES[0]
    assert src.lines[:4] == tuple(REPORT_LINES)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_chinese_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    p = tmp_path / f"report-{encoding}.txt"
    p.write_bytes(TEXT.encode(encoding))
    assert read_source(p).text == TEXT


def test_gb18030_dev_file_with_full_width_digits() -> None:
    path = DEV / "national_2012.txt"
    src = read_source(path)
    assert src.encoding == "gb18030"
    assert "政府工作报告" in src.text
    assert "增长9．2%" in src.text        # full-width decimal point kept as written


def test_crlf_lines_keep_their_carriage_return(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    src = read_source(p)
    assert len(src.lines) == len(REPORT_LINES) + 1
    assert src.lines[1] == "各位代表：\r"


def test_name_with_spaces_and_chinese(tmp_path: Path) -> None:
    p = tmp_path / "我的 报告 2025.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert read_source(p).path == str(p)


def test_docx_paragraphs_and_table_cells_in_order(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph(REPORT_LINES[0])
    doc.add_paragraph(REPORT_LINES[1])
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "目标"
    table.cell(1, 0).text, table.cell(1, 1).text = "地区生产总值", "增长7%"
    doc.add_paragraph(REPORT_LINES[3])
    p = tmp_path / "报告.docx"
    doc.save(p)
    src = read_source(p)
    assert src.encoding == "docx"
    assert src.lines == (REPORT_LINES[0], REPORT_LINES[1], "指标", "目标", "地区生产总值",
                         "增长7%", REPORT_LINES[3])


def _pdf(path: Path, lines: list[str]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(lines):
        c.drawString(40, 780 - 20 * i, line)
    c.save()


def test_pdf_text_layer(tmp_path: Path) -> None:
    p = tmp_path / "report.pdf"
    _pdf(p, ["Government Work Report 2025", "GDP growth 7.2%"])
    src = read_source(p)
    assert src.encoding == "pdf"
    assert "Government Work Report 2025" in src.text
    assert "7.2%" in src.text


def test_image_only_pdf_is_refused(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(50, 50, 300, 300, fill=1)     # a page with graphics and no text
    c.save()
    with pytest.raises(UserError, match=r"scan\.pdf: PDF 没有文字层.*no text layer"):
        read_source(p)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    _pdf(plain, ["Secret plan 2025"])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="pw", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    with pytest.raises(UserError, match=r"locked\.pdf: .*encrypted"):
        read_source(locked)


def test_html_visible_text_only(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<nav>首页 | 登录</nav><header>站点头部</header>"
        f"<h1>{REPORT_LINES[0]}</h1><p>{REPORT_LINES[2]}</p>"
        "<script>var x = '地区生产总值增长99%';</script>"
        f"<div><p>{REPORT_LINES[3]}</p></div><footer>版权所有</footer></body></html>",
        encoding="utf-8")
    src = read_source(p)
    assert src.encoding == "html"
    assert src.lines == (REPORT_LINES[0], REPORT_LINES[2], REPORT_LINES[3])


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \n", "empty file"),
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("controls.txt", b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 50, "binary"),
    ("broken.docx", b"PK\x03\x04 this is not really a zip archive", "corrupt docx"),
    ("notzip.docx", "政府工作报告".encode("utf-8"), "corrupt docx"),
    ("empty.html", b"<html><body><script>x=1</script></body></html>", "html with no text"),
    ("broken.pdf", b"%PDF-1.4\n garbage garbage", "PDF"),
])
def test_unreadable_files_give_one_line_naming_the_file(tmp_path: Path, name: str,
                                                         content: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(UserError) as info:
        read_source(p)
    message = str(info.value)
    assert message.startswith(f"{p}: ")
    assert reason in message
    assert "\n" not in message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(UserError, match="is a directory"):
        read_source(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
def test_unreadable_permission(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(TEXT, encoding="utf-8")
    p.chmod(0)
    with pytest.raises(UserError, match="permission denied"):
        read_source(p)


def test_old_word_format_is_named(tmp_path: Path) -> None:
    p = tmp_path / "报告.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(UserError, match=r"请另存为 \.docx"):
        read_source(p)


def test_zip_named_txt_is_binary_not_docx(tmp_path: Path) -> None:
    p = tmp_path / "archive.txt"
    p.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    with pytest.raises(UserError, match="binary"):
        read_source(p)


def test_carriage_return_only_line_ends(tmp_path: Path) -> None:
    p = tmp_path / "mac.txt"
    p.write_bytes(TEXT.replace("\n", "\r").encode("utf-8"))
    assert read_source(p).lines[:4] == tuple(REPORT_LINES)


def test_utf8_with_a_broken_byte_stays_utf8(tmp_path: Path) -> None:
    p = tmp_path / "cut.txt"
    p.write_bytes(TEXT.encode("utf-8") * 20 + "报告".encode("utf-8")[:-1])
    src = read_source(p)
    assert src.encoding == "utf-8"
    assert src.lines[0] == REPORT_LINES[0]


def test_utf8_with_broken_bytes_is_never_read_as_gb18030(tmp_path: Path) -> None:
    # a stray GBK character pasted into a UTF-8 file: UTF-8 with one broken sequence
    raw = TEXT.encode("utf-8") * 50
    raw = raw[:99] + b"\xb0\xa1" + raw[99:]
    p = tmp_path / "trap.txt"
    p.write_bytes(raw)
    src = read_source(p)
    assert src.encoding == "utf-8"
    assert REPORT_LINES[3] in src.text


def test_mostly_ascii_gbk_file_is_not_misread_as_utf8(tmp_path: Path) -> None:
    p = tmp_path / "table.txt"
    p.write_bytes(("GDP 7.2%, CPI 3%\n" * 400 + "地区生产总值\n").encode("gbk"))
    src = read_source(p)
    assert src.encoding == "gb18030"
    assert "地区生产总值" in src.text
