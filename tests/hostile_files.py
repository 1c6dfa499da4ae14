"""Hostile input files of issue 20's probe, made on demand (tests and benchmarks/bench_hostile_input.py).

Each maker writes one file under a folder and returns its path. The sizes are the probe's
unless a test asks for less: the refusals must not depend on how far past a bound a file is.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = next((ROOT / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
REPORT_LINES = [line for line in SEED_TEXT.splitlines() if line.strip()][:60]


def report_pdf(path: Path, user_password: str | None = None, algorithm: str = "AES-256") -> Path:
    """A PDF of a report's first lines with a Chinese text layer; encrypted (AES) when
    user_password is given ("" opens without a password, as many published PDFs do)."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tracker.sheet.font import register_cjk_font

    font = register_cjk_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(font, 10)
    y = 800
    for line in REPORT_LINES:
        for k in range(0, len(line), 45):
            c.drawString(40, y, line[k:k + 45])
            y -= 14
            if y < 40:
                c.showPage()
                c.setFont(font, 10)
                y = 800
    c.save()
    if user_password is None:
        path.write_bytes(buf.getvalue())
        return path
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def _docx_bytes() -> bytes:
    from docx import Document

    doc = Document()
    for line in REPORT_LINES:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def renamed_docx(path: Path, expand_to: int = 120_000_000, part: str = "word/document.bin") -> Path:
    """A docx whose main part is renamed (its content type still says main document) and
    padded with spaces so it inflates to expand_to bytes: small on disk, written in chunks."""
    with zipfile.ZipFile(io.BytesIO(_docx_bytes())) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in ("[Content_Types].xml", "_rels/.rels"):
                data = data.replace(b"/word/document.xml", b"/" + part.encode()) \
                           .replace(b"word/document.xml", part.encode())
            if info.filename != "word/document.xml":
                out.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            pad = max(0, expand_to - len(data))
            with out.open(part, "w", force_zip64=pad > 2_000_000_000) as fh:
                fh.write(head + b"<w:body>")
                chunk = b" " * 1_000_000
                for _ in range(pad // len(chunk)):
                    fh.write(chunk)
                fh.write(b" " * (pad % len(chunk)) + tail)
    return path


def docx_with_big_media(path: Path, each: int = 60_000_000, parts: int = 2) -> Path:
    """A real docx carrying parts (any names) that inflate to each bytes apiece."""
    with zipfile.ZipFile(io.BytesIO(_docx_bytes())) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename))
        for k in range(parts):
            out.writestr(f"word/media/image{k}.png", b"\0" * each)
    return path


def nested_html(path: Path, depth: int = 200_000) -> Path:
    """An HTML page whose text sits inside depth nested <div>s."""
    path.write_text("<html><body>" + "<div>" * depth + "\n".join(REPORT_LINES[:5])
                    + "</div>" * depth + "</body></html>", encoding="utf-8")
    return path


def hidden_html(path: Path) -> Path:
    """A report page with text a browser never shows (display:none inline or by a class of
    its style sheet, hidden, <textarea>…)."""
    visible = "".join(f"<p>{line}</p>" for line in REPORT_LINES)
    hidden = ("<div style='display: none'>隐藏段落：地区生产总值增长99%以上。</div>"
              "<p style=\"color:red;VISIBILITY:hidden\">隐藏段落：新建学校999所。</p>"
              "<p hidden>隐藏段落：新增就业999万人。</p>"
              "<textarea>隐藏段落：评论框中的文字，改造老旧小区999个。</textarea>"
              "<select><option>隐藏段落：选项文字</option></select>"
              "<script>document.write('隐藏段落：脚本')</script>"
              "<div class='share'>隐藏段落：样式表隐藏的分享框，新建公园999个。</div>")
    path.write_text("<html><head><title>政府工作报告</title><style>.share{display:none}</style></head>"
                    f"<body>{hidden}{visible}"
                    "</body></html>", encoding="utf-8")
    return path


def fifo(path: Path) -> Path:
    """A named pipe called like a report: reading it blocks until a writer comes."""
    os.mkfifo(path)
    return path


def link_to(path: Path, target: str = "/dev/zero") -> Path:
    """A symbolic link named like a report pointing at target (a device)."""
    path.symlink_to(target)
    return path


def json_report(path: Path) -> Path:
    """A JSON data file holding a report's text (as `tracker extract --json` prints it)."""
    path.write_text(json.dumps({"documents": [{"path": "001.txt", "text": SEED_TEXT,
                                               "lines": REPORT_LINES}]}, ensure_ascii=False, indent=1),
                    encoding="utf-8")
    return path


def xml_data(path: Path) -> Path:
    """An XML data file (not XHTML) whose elements hold report lines."""
    items = "".join(f"<item n='{i}'>{line}</item>" for i, line in enumerate(REPORT_LINES))
    path.write_text(f"<?xml version='1.0' encoding='utf-8'?><data>{items}</data>", encoding="utf-8")
    return path


def zip_archive(path: Path) -> Path:
    """A zip archive of a report's text file."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("report.txt", SEED_TEXT)
    return path


def tar_archive(path: Path, compression: str = "") -> Path:
    """A tar archive of a report's text file, compressed ("gz") or not (text bytes inside)."""
    data = SEED_TEXT.encode("utf-8")
    with tarfile.open(path, f"w:{compression}") as tar:
        info = tarfile.TarInfo("report.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return path


def sparse_file(path: Path, size: int) -> Path:
    """A file of size bytes that occupies no disk (nothing is written)."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path
