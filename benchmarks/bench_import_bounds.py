"""Import time at the bounds (issue 20): the largest input of each type the bounds accept.

  .venv/bin/python benchmarks/bench_import_bounds.py [--kinds txt,html,…] [--chars N] [--timeout S]

Each input is real report text, distinct copies of the dense national and provincial reports
of eval/dev (or, with --source seeds, of the seeds: benchmarks/process.py), cut to the largest
size tracker/ingest/limits.py accepts for its type (or to --chars characters):
GB18030 and UTF-8 txt, HTML (styled <span>s), docx (formatted runs of 10 characters; docx-xml:
of 2, so its XML bound comes first), PDF (dense pages: reportlab, CJK font), and .doc / .rtf
saved by LibreOffice. Each is imported by one fresh
`tracker --db STORE import FILE` process; prints the wall and CPU seconds, the peak memory,
the exit code, the last line said, and whether the store holds a document afterwards.
Goal: every import answers (imports or refuses) within 30 s. Figures: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from process import PEAK_REPORTING_CLI, ROOT, compile_bytecode, distinct_copies  # noqa: E402

from tracker.ingest import limits  # noqa: E402

KINDS = ("txt-gb18030", "txt-utf8", "html", "docx", "docx-xml", "pdf", "doc", "rtf")


def dev_texts() -> list[str]:
    """The text of every national and provincial report of eval/dev (txt and docx): dense
    reports, 10–25 µs of extraction per character against 2.5 for the seeds' compilation."""
    from tracker.ingest.read import read_source

    paths = sorted((ROOT / "eval" / "dev").glob("*.txt")) + sorted(
        p for p in (ROOT / "eval" / "dev" / "provinces").iterdir() if p.suffix in (".txt", ".docx"))
    return [read_source(p).text for p in paths]


def seed_texts(folder: Path, copies: int) -> list[str]:
    """Distinct copies of the seeds (regions renamed, digits shifted)."""
    texts = []
    for path in distinct_copies(folder, copies):
        texts.append(path.read_text(encoding="utf-8"))
        path.unlink()
    return texts


def report_lines(folder: Path, chars: int, source: str) -> list[str]:
    """Lines of distinct report copies, at most chars characters in all (newlines counted):
    copy k of a text has every digit of its non-year numbers shifted by k."""
    texts = dev_texts() if source == "dev" else seed_texts(folder, 1 + chars // 400_000)
    out, total, copy = [], 0, 0
    while True:
        shift = str.maketrans("0123456789", "".join(str((d + copy) % 10) for d in range(10)))
        for text in texts:
            if copy and source == "dev":
                text = re.sub(r"\d+", lambda m: m.group(0) if re.fullmatch(r"(19|20)\d\d", m.group(0))
                              else m.group(0).translate(shift), text)
            for line in text.splitlines():
                if total + len(line) + 1 > chars:
                    return out
                out.append(line)
                total += len(line) + 1
        copy += 1


def fit(lines: list[str], cost, limit: int) -> list[str]:
    """The longest prefix of lines whose summed cost(line) stays within limit."""
    total = 0
    for k, line in enumerate(lines):
        total += cost(line)
        if total > limit:
            return lines[:k]
    return lines


def make_txt(lines: list[str], path: Path, encoding: str) -> Path:
    lines = fit(lines, lambda s: len(s.encode(encoding)) + 1, limits.MAX_TEXT_BYTES)
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def make_html(lines: list[str], path: Path) -> Path:
    """A page as a word processor exports one: each line a <p> of <span>s of 10 characters,
    each with its style, until the text, element or byte bound is reached."""
    span = '<span lang="ZH-CN" style="font-size:16.0pt;font-family:仿宋_GB2312;color:black">{}</span>'
    head, tail = "<!DOCTYPE html><html><head><title>报告</title></head><body>", "</body></html>"
    parts, size, elements = [head], len(head.encode()) + len(tail.encode()), 4
    for line in lines:
        spans = [span.format(escape(line[k:k + 10])) for k in range(0, len(line), 10)]
        block = '<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">' + "".join(spans) + "</p>\n"
        if size + len(block.encode()) > limits.MAX_TEXT_BYTES or elements + 1 + len(spans) > limits.MAX_HTML_ELEMENTS:
            break
        parts.append(block)
        size += len(block.encode())
        elements += 1 + len(spans)
    path.write_text("".join(parts) + tail, encoding="utf-8")
    return path


_RUN = ('<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>'
        '<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>')


def _paragraph(line: str, every: int = 10) -> str:
    """A paragraph as Word writes one: a run (with its fonts and size) every `every` characters."""
    runs = "".join(_RUN.format(escape(line[k:k + every])) for k in range(0, len(line), every))
    return f'<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLine="640"/></w:pPr>{runs}</w:p>'


def make_docx(lines: list[str], path: Path, every: int = 10) -> Path:
    """A python-docx document whose body is replaced by the lines as formatted paragraphs (a
    run every `every` characters), its XML parts within MAX_DOCX_XML_BYTES."""
    from docx import Document

    buf = io.BytesIO()
    Document().save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    head, rest = parts["word/document.xml"].decode().split("<w:body>", 1)
    tail = "<w:sectPr" + rest.split("<w:sectPr", 1)[1]
    room = limits.MAX_DOCX_XML_BYTES - sum(map(len, parts.values())) - len(head) - len(tail) - 100
    lines = fit(lines, lambda s: len(_paragraph(s, every).encode()), room)
    parts["word/document.xml"] = (head + "<w:body>" + "".join(_paragraph(s, every) for s in lines) + tail).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def make_pdf(lines: list[str], path: Path) -> Path:
    """A PDF of the lines, 45 characters to a printed line (a dense page: ~2,400 characters),
    with a Chinese text layer, at most MAX_PDF_PAGES pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tracker.sheet.font import register_cjk_font

    font = register_cjk_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 10)
    y, pages = 800, 1
    for line in lines:
        for k in range(0, max(len(line), 1), 45):
            c.drawString(40, y, line[k:k + 45])
            y -= 14
            if y < 40:
                if pages == limits.MAX_PDF_PAGES:
                    c.save()
                    return path
                c.showPage()
                c.setFont(font, 10)
                y, pages = 800, pages + 1
    c.save()
    return path


def make_legacy(lines: list[str], folder: Path, suffix: str) -> Path:
    """The lines as a docx saved by LibreOffice as .doc or .rtf (the office's own old format),
    cut until the file is within MAX_LEGACY_BYTES (an .rtf takes ~18 bytes a character)."""
    docx = folder / "old.docx"
    while True:
        make_docx(lines, docx)
        out = folder / "legacy"
        subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless",
                        "--convert-to", suffix, "--outdir", str(out), str(docx)],
                       check=True, capture_output=True, timeout=3600)
        made = out / f"{docx.stem}.{suffix}"
        if made.stat().st_size <= limits.MAX_LEGACY_BYTES:
            return made
        lines = lines[:int(len(lines) * limits.MAX_LEGACY_BYTES / made.stat().st_size * 0.97)]




def import_once(path: Path, db: Path, timeout: float) -> str:
    """One fresh `tracker import` of path: its figures in one line."""
    said_file = db.with_suffix(".said")
    start = time.perf_counter()
    with said_file.open("w") as said_fh:
        proc = subprocess.Popen([sys.executable, "-c", PEAK_REPORTING_CLI, "--db", str(db), "import", str(path)],
                                cwd=ROOT, stdout=said_fh, stderr=subprocess.STDOUT)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            proc.kill()
            os.wait4(proc.pid, 0)
            return f"> {timeout:.0f} s, killed"
        time.sleep(0.05)
    wall = time.perf_counter() - start
    lines = [line for line in said_file.read_text(errors="replace").splitlines() if line.strip()]
    peak = next((line.split()[1] for line in lines if line.startswith("PEAK ")), "?")
    said = [line for line in lines if not line.startswith(("PEAK ", "写入", "（"))]
    documents = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] if db.exists() else 0
    return (f"{wall:6.1f} s wall, {usage.ru_utime + usage.ru_stime:5.1f} s CPU, {peak:>5} MB, "
            f"exit {os.waitstatus_to_exitcode(status)}, {documents} document(s) stored: "
            f"{(said[0] if said else '')[:100]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--chars", type=int, default=limits.MAX_TEXT_CHARS,
                    help="characters of report text to start from (default: the bound)")
    ap.add_argument("--source", choices=("dev", "seeds"), default="dev",
                    help="dense reports of eval/dev (default) or the seeds' sparser compilation")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="bench_bounds_") as tmp:
        tmp = Path(tmp)
        lines = report_lines(tmp, args.chars, args.source)
        print(f"bounds: {limits.MAX_TEXT_CHARS:,} characters, {limits.MAX_TEXT_BYTES:,} bytes of text or HTML, "
              f"{limits.MAX_LEGACY_BYTES:,} bytes of .doc/.rtf, "
              f"{limits.MAX_HTML_ELEMENTS:,} HTML elements, {limits.MAX_DOCX_XML_BYTES:,} bytes of docx XML, "
              f"{limits.MAX_PDF_PAGES} PDF pages, {limits.IMPORT_SECONDS} s per file; "
              f"input from {sum(map(len, lines)) + len(lines):,} characters of {args.source} report copies", flush=True)
        makers = {"txt-gb18030": lambda: make_txt(lines, tmp / "gb.txt", "gb18030"),
                  "txt-utf8": lambda: make_txt(lines, tmp / "utf8.txt", "utf-8"),
                  "html": lambda: make_html(lines, tmp / "page.html"),
                  "docx": lambda: make_docx(lines, tmp / "report.docx"),
                  "docx-xml": lambda: make_docx(lines, tmp / "runs.docx", every=2),    # XML bound first
                  "pdf": lambda: make_pdf(lines, tmp / "report.pdf"),
                  "doc": lambda: make_legacy(lines, tmp, "doc"),
                  "rtf": lambda: make_legacy(lines, tmp, "rtf")}
        for kind in kinds:
            path = makers[kind]()
            db = tmp / f"{kind}.db"
            print(f"{kind:12} {path.stat().st_size / 1e6:6.1f} MB: {import_once(path, db, args.timeout)}",
                  flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
