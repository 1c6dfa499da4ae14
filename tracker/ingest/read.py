"""Reading a file into a SourceText: txt in any common Chinese encoding, docx, pdf, html.

Plain text keeps every character exactly as decoded (the line numbers shown to the
user and stored with each commitment are the decoded file's lines); the other formats
are flattened to one line per paragraph / table cell / block.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path

from tracker.errors import UserError
from tracker.ingest import legacy
from tracker.ingest.limits import (Deadline, check_docx_zip, check_legacy_size, check_pdf_pages, check_text_size,
                                   count_html_elements, read_bounded, refuse_archive, refuse_data)
from tracker.ingest.pdf_pages import strip_furniture
from tracker.model import SourceText

_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# Control characters other than tab, newline, carriage return, form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_PLAIN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\t\r\n"
                    r"\u00a0-\u00ff\u2100-\u25ff\u3400-\u4dbf]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SQLITE_HEADER = b"SQLite format 3\x00"
_BLOCK_TAGS = frozenset(("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
                         "br", "section", "article", "pre", "blockquote", "dt", "dd", "caption"))


def read_source(path: str | os.PathLike, deadline: Deadline | None = None) -> SourceText:
    """Decode the file at path; UserError naming the file for anything unreadable, or once
    deadline (by default IMPORT_SECONDS from now) is spent between its costly steps."""
    p = Path(path)
    name = str(path)
    deadline = deadline or Deadline(name)
    raw = read_bounded(p, name)
    if not raw.strip():
        raise UserError(f"{name}: 文件是空的 / empty file")
    if raw.startswith(_SQLITE_HEADER):
        raise UserError(f"{name}: 是 SQLite 数据库（台账？），不是报告 / an SQLite database (a store?), not a report")
    refuse_archive(raw, name)
    digest = hashlib.sha256(raw).hexdigest()
    suffix = p.suffix.lower()
    if suffix in legacy.SUFFIXES:      # .doc, .wps, .rtf: LibreOffice makes a .docx of it
        check_legacy_size(len(raw), name)
        text, encoding = _docx_text(legacy.to_docx(p, name, deadline), name), suffix[1:]
    elif suffix == ".docx" or (raw[:2] == b"PK" and suffix not in _TEXT_SUFFIXES | _HTML_SUFFIXES):
        text, encoding = _docx_text(raw, name), "docx"
    elif suffix == ".pdf" or raw[:5] == b"%PDF-":
        text, encoding = _pdf_text(raw, name, deadline), "pdf"
    elif suffix in _HTML_SUFFIXES:
        text, encoding = _html_text(_decode(raw, name)[0], name, deadline), "html"
    else:
        text, encoding = _decode(raw, name)
        if suffix not in _TEXT_SUFFIXES and _looks_html(text):
            text, encoding = _html_text(text, name, deadline), "html"
        else:
            refuse_data(text, suffix, name)
    deadline.check()
    if not text.strip():
        raise UserError(f"{name}: 没有可读的文字 / no text")
    check_text_size(text, name)
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")      # classic Mac line ends: one line per CR
    return SourceText(path=name, text=text, sha256=digest, encoding=encoding,
                      lines=tuple(text.split("\n")))


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """Text and encoding name of raw bytes; strict tries first, detection last."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _checked(raw[3:].decode("utf-8", errors="replace"), name), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(raw.decode("utf-16", errors="replace"), name), "utf-16"
    if b"\x00" in raw:      # ASCII characters (newlines, digits) of UTF-16 text
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return _checked(text, name), encoding
        raise UserError(f"{name}: 二进制文件，不是文本 / binary file, not text")
    # UTF-8 first, also with a few broken bytes (a page cut mid-character): strict
    # GB18030 would accept such a file and turn every character into mojibake.
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    if broken <= max(3, len(text) // 2000) and len(_HAN.findall(text[:200_000])) >= 20 * broken:
        return _checked(text, name), "utf-8"
    try:
        text = raw.decode("gb18030")
        if _plausible(text):
            return _checked(text, name), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    if best is None or best.encoding is None:
        raise UserError(f"{name}: 无法识别文字编码（二进制文件？）/ unknown encoding or binary file")
    text = raw.decode(best.encoding, errors="replace")
    if text.count("\ufffd") > len(text) // 100:
        raise UserError(f"{name}: 无法识别文字编码（二进制文件？）/ unknown encoding or binary file")
    return _checked(text, name), best.encoding


def _plausible(text: str) -> bool:
    """Whether decoded text is mostly Chinese, ASCII text and punctuation (not mojibake)."""
    sample = text[:50_000]
    if not sample:
        return False
    good = len(_PLAIN.findall(sample))
    return good >= 0.95 * len(sample)


def _checked(text: str, name: str) -> str:
    """text, unless it is mostly control characters (a binary file that happened to decode)."""
    sample = text[:100_000]
    if sample and len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        raise UserError(f"{name}: 二进制文件，不是文本 / binary file, not text")
    return text


def _looks_html(text: str) -> bool:
    """Whether decoded text is an HTML page."""
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head


def _docx_text(raw: bytes, name: str) -> str:
    """Paragraphs and table cells of a docx in document order, one per line."""
    import io
    import zipfile

    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_docx_zip(raw, name)
    try:
        doc = Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UserError(f"{name}: Word 文件已损坏 / corrupt docx ({type(exc).__name__})") from None
    except Exception as exc:  # lxml XMLSyntaxError and friends: still the user's file
        raise UserError(f"{name}: Word 文件已损坏 / corrupt docx ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, doc).text)
        elif tag == "tbl":
            for row in Table(block, doc).rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:   # merged cells repeat the same element
                        continue
                    seen.add(id(cell._tc))
                    lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(line.replace("\n", " ") for line in lines)


def _pdf_text(raw: bytes, name: str, deadline: Deadline) -> str:
    """Text layer of a pdf, pages joined by newlines."""
    # pypdf logs its own warnings about a broken file to stderr: the one-line error
    # below says it, so they are silenced while this file is read.
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        return _pdf_pages(raw, name, deadline)
    finally:
        quiet.setLevel(level)


def _pdf_pages(raw: bytes, name: str, deadline: Deadline) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise UserError(f"{name}: PDF 已加密，需要密码 / encrypted PDF, a password is needed")
            except (NotImplementedError, DependencyError):
                raise UserError(f"{name}: PDF 的加密方式无法读取 / encrypted PDF of an unsupported kind") from None
        check_pdf_pages(len(reader.pages), name)
        pages = []
        for page in reader.pages:
            deadline.check()
            pages.append(page.extract_text() or "")
    except UserError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UserError(f"{name}: PDF 文件已损坏 / corrupt PDF ({type(exc).__name__})") from None
    text = "\n".join(page.rstrip("\n") for page in strip_furniture(pages))
    if not text.strip():
        raise UserError(f"{name}: PDF 没有文字层（扫描件？）/ no text layer")
    return text


def _html_text(html: str, name: str, deadline: Deadline) -> str:
    """Visible text of an html page, one line per block element."""
    from bs4 import BeautifulSoup

    from tracker.ingest.html_walk import block_text, drop_hidden   # bs4 (0.1 s) on first use

    count_html_elements(html, name)
    soup = BeautifulSoup(html, "html.parser")
    deadline.check()
    drop_hidden(soup, deadline)      # reads the page's <style> sheets, so before they go
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript", "template",
                     "head", "iframe", "svg", "form"]):
        tag.decompose()
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in block_text(soup, _BLOCK_TAGS, name).split("\n")]
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise UserError(f"{name}: 网页中没有文字 / html with no text")
    return text
