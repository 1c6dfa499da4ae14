"""Bounds on one input file, checked before anything costly is done with it.

A report is ~100 KB; a compilation of hundreds, a few MB. Past these bounds a file costs
gigabytes of memory or minutes (a 0.8 MB docx inflating to 2.3 GB; 200,000 nested <div>s),
or is not a document at all (a pipe, /dev/zero, JSON, an archive); each is refused with one
line naming the file. Within the bounds, a `Deadline` refuses a file whose import is still
running after IMPORT_SECONDS (a loaded machine, a slow PDF). The README's section on input
files names the same figures.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import stat
import struct
import time
import zipfile
from pathlib import Path

from tracker.errors import UserError

MAX_FILE_BYTES = 200_000_000      # any file on disk (a PDF or docx may carry images)
# What one import gets through within IMPORT_SECONDS on a loaded machine (benchmarks/README.md,
# "Import time at the bounds"): extraction takes 10–25 µs per character of a dense report
# (2.5 µs in the seeds' compilation); a report is 10,000–40,000 characters, seed 003 330,000.
MAX_TEXT_BYTES = 5_000_000        # txt and html: read and decoded whole (html: parsed), then extracted
MAX_TEXT_CHARS = 500_000          # text of any format (≤ 12 s to extract alone, twice that when loaded)
MAX_ZIP_BYTES = 100_000_000       # what a docx's parts inflate to, all together, whatever their names
MAX_ZIP_PARTS = 10_000            # a docx has tens of parts; the zip directory itself costs memory
MAX_DOCX_XML_BYTES = 25_000_000   # a docx's XML parts, parsed whole (~0.15 s and ~14 MB of memory per MB)
MAX_HTML_ELEMENTS = 100_000       # parsed into Python objects (~1 KB, ~20 µs each)
MAX_HTML_DEPTH = 1_000            # elements nested in one another
MAX_LEGACY_BYTES = 1_000_000      # .doc / .wps / .rtf: LibreOffice converts ~50,000 characters (~0.1 MB of .doc) a second
MAX_PDF_PAGES = 60                # a dense page: ~0.07 s of CPU to read its text layer and extract it
IMPORT_SECONDS = 25               # one file read, extracted and stored: an answer within 30 s

# Magic numbers of archives that are not documents (a docx is a zip, checked apart).
_ARCHIVES = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"),
             (b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!\x1a\x07", "rar"), (b"\x28\xb5\x2f\xfd", "zstd"))
_WORD_MAIN = re.compile(rb"wordprocessingml\.(?:document|template)\.main\+xml|ms-word\.(?:document|template)"
                        rb"\.macroEnabled(?:Template)?\.main\+xml")
_DATA_SUFFIXES = {".json": "JSON", ".jsonl": "JSON", ".geojson": "JSON", ".xml": "XML",
                  ".csv": "CSV", ".tsv": "TSV"}
_XML_START = re.compile(r"\A(?:\ufeff)?\s*<(?:\?xml|[A-Za-z_][\w.:-]*[\s>/])")
_HTML_TAG = re.compile(r"<[A-Za-z]")


def read_bounded(path: Path, name: str) -> bytes:
    """The bytes of a regular file (links followed) within MAX_FILE_BYTES, or MAX_TEXT_BYTES
    unless it starts as a PDF or a zip; UserError naming the file otherwise."""
    try:
        info = os.stat(path)     # follows links: a link to /dev/zero is a device
    except FileNotFoundError:
        raise UserError(f"{name}: 文件不存在 / no such file") from None
    except OSError as exc:
        raise UserError(f"{name}: 无法读取 / cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{name}: 是文件夹而不是文件 / is a directory")
    _require_regular(info, name)
    _require_size(info.st_size, MAX_FILE_BYTES, name)
    try:
        # O_NONBLOCK: a pipe put in the file's place after the check must not hang the open.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise UserError(f"{name}: 没有读取权限 / permission denied") from None
    except OSError as exc:
        raise UserError(f"{name}: 无法读取 / cannot read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        _require_regular(info, name)
        head = os.pread(fd, 8, 0)
        limit = MAX_FILE_BYTES if head.startswith((b"%PDF-", b"PK")) else MAX_TEXT_BYTES
        _require_size(info.st_size, limit, name)
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(limit + 1)      # a file growing while read is still bounded
    except OSError as exc:
        raise UserError(f"{name}: 无法读取 / cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    _require_size(len(raw), limit, name)
    return raw


def _mb(n: int) -> str:
    """n bytes in MB, rounded up to a tenth (so 200,000,001 bytes reads as past 200)."""
    return f"{math.ceil(n / 100_000) / 10:g}"


def _require_regular(info: os.stat_result, name: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{name}: 不是普通文件（设备、管道或套接字），不能导入 / "
                        "not a regular file (a device, pipe or socket)")


def _require_size(size: int, limit: int, name: str) -> None:
    if size > limit:
        raise UserError(f"{name}: 文件太大（{_mb(size)} MB，上限 {_mb(limit)} MB），"
                        f"请拆分 / file too large, split it")


def check_legacy_size(size: int, name: str) -> None:
    """UserError if an old word-processor file is past MAX_LEGACY_BYTES (before converting it:
    saved as .docx by the user, it reads in a fraction of the time)."""
    if size > MAX_LEGACY_BYTES:
        raise UserError(f"{name}: 旧格式文件太大（{_mb(size)} MB，上限 {_mb(MAX_LEGACY_BYTES)} MB），请另存为 .docx "
                        "后再导入 / old-format file too large; save it as .docx")


def refuse_archive(raw: bytes, name: str) -> None:
    """UserError if raw is a compressed archive or a tar file (never a report)."""
    kind = next((k for magic, k in _ARCHIVES if raw.startswith(magic)), None)
    if kind is None and raw[257:262] == b"ustar":
        kind = "tar"
    if kind:
        raise UserError(f"{name}: 是压缩包（{kind}），不是报告，请先解压 / an archive ({kind}), "
                        "not a document; unpack it first")


def refuse_data(text: str, suffix: str, name: str) -> None:
    """UserError if decoded text is a data file (JSON, XML, CSV by suffix; JSON or XML by
    content), whose values would otherwise be read as report sentences."""
    kind = _DATA_SUFFIXES.get(suffix)
    head = text[:2000].lstrip("\ufeff \t\r\n")
    if kind is None and head[:1] in ("{", "[") and text.rstrip()[-1:] in ("}", "]"):
        try:
            json.loads(text.lstrip("\ufeff"))
            kind = "JSON"
        except ValueError:
            pass
    if kind is None and _XML_START.match(head) and "<html" not in head.lower():
        kind = "XML"
    if kind:
        raise UserError(f"{name}: 是 {kind} 数据文件，不是报告 / {kind} data, not a document")


def check_docx_zip(raw: bytes, name: str) -> None:
    """UserError unless raw is a Word document whose parts, all of them, inflate to at most
    MAX_ZIP_BYTES, and those of them that are XML (parsed whole) to MAX_DOCX_XML_BYTES (read
    from the zip directory and [Content_Types].xml, before anything else is inflated)."""
    _check_zip_directory(raw, name)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            parts = z.infolist()
            inflated = sum(i.file_size for i in parts)
            if inflated > MAX_ZIP_BYTES:
                raise UserError(f"{name}: 解压后太大（{_mb(inflated)} MB，上限 {_mb(MAX_ZIP_BYTES)} MB）"
                                "/ inflates to too much")
            types = next((i for i in parts if i.filename == "[Content_Types].xml"), None)
            declared = z.read(types) if types is not None else b""
            main = _WORD_MAIN.search(declared)
            xml = _xml_bytes(parts, declared)
            if main and xml > MAX_DOCX_XML_BYTES:
                raise UserError(f"{name}: 文档内容太大（XML {_mb(xml)} MB，上限 {_mb(MAX_DOCX_XML_BYTES)} MB），"
                                "请拆分 / too much document XML, split it")
    except UserError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise UserError(f"{name}: Word 文件已损坏 / corrupt docx ({type(exc).__name__})") from None
    if not main:
        raise UserError(f"{name}: 是压缩包或其他 Office 文件，不是 Word 文档（.docx）/ "
                        "an archive or another Office file, not a Word document")


_TYPE_ENTRY = re.compile(rb"<(?:\w+:)?(Default|Override)\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'(\w+)\s*=\s*"([^"]*)"')


def _xml_bytes(parts: list[zipfile.ZipInfo], declared: bytes) -> int:
    """What the parts whose content type is XML inflate to: by their name in
    [Content_Types].xml, else by their extension (python-docx parses such a part whatever
    it is called)."""
    by_extension, by_name = {}, {}
    for kind, attributes in _TYPE_ENTRY.findall(declared):
        values = dict(_ATTRIBUTE.findall(attributes))
        content_type = values.get(b"ContentType", b"").lower()
        if kind == b"Default":
            by_extension[values.get(b"Extension", b"").lower().decode("latin-1")] = content_type
        else:
            by_name[values.get(b"PartName", b"").decode("utf-8", "replace").lstrip("/")] = content_type
    total = 0
    for part in parts:
        content_type = by_name.get(part.filename, by_extension.get(part.filename.rsplit(".", 1)[-1].lower()))
        if content_type is not None and content_type.endswith(b"xml"):
            total += part.file_size
    return total


def _check_zip_directory(raw: bytes, name: str) -> None:
    """UserError if the zip's end record announces more than MAX_ZIP_PARTS parts (Python
    would build an object for each before any other check could run)."""
    end = raw.rfind(b"PK\x05\x06", max(0, len(raw) - 65_557))
    if end < 0 or end + 22 > len(raw):
        return                                  # zipfile names the damage
    entries = struct.unpack("<H", raw[end + 10:end + 12])[0]
    if entries > MAX_ZIP_PARTS:                 # 0xFFFF: a zip64 directory, more still
        raise UserError(f"{name}: 压缩包中的部件太多（{entries}，上限 {MAX_ZIP_PARTS}）/ too many parts")


def count_html_elements(raw_text: str, name: str) -> None:
    """UserError if an HTML page has more than MAX_HTML_ELEMENTS start tags (counted before parsing)."""
    for count, _ in enumerate(_HTML_TAG.finditer(raw_text), 1):
        if count > MAX_HTML_ELEMENTS:
            raise UserError(f"{name}: 网页元素太多（超过 {MAX_HTML_ELEMENTS} 个）/ too many HTML elements")


def check_pdf_pages(count: int, name: str) -> None:
    """UserError if a PDF has more than MAX_PDF_PAGES pages (known before any page is read)."""
    if count > MAX_PDF_PAGES:
        raise UserError(f"{name}: PDF 页数太多（{count} 页，上限 {MAX_PDF_PAGES} 页），请拆分 / "
                        "too many pages, split it")


def check_text_size(text: str, name: str) -> None:
    """UserError if the text read from a file (a docx or PDF too) is past MAX_TEXT_CHARS."""
    if len(text) > MAX_TEXT_CHARS:
        raise UserError(f"{name}: 文字太多（{math.ceil(len(text) / 10_000)} 万字，上限 {MAX_TEXT_CHARS // 10_000} 万字），"
                        "请拆分 / too much text, split it")


def too_deep(name: str) -> UserError:
    """The error for HTML nested deeper than MAX_HTML_DEPTH."""
    return UserError(f"{name}: 网页嵌套太深（超过 {MAX_HTML_DEPTH} 层）/ HTML nested too deeply")


class Deadline:
    """seconds from now for one file; check() raises a UserError naming the file once they
    are spent, so a file that takes too long is refused (and nothing of it stored)."""

    def __init__(self, name: str, seconds: float | None = None) -> None:
        self.name = name
        self.seconds = IMPORT_SECONDS if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise self.error()

    def error(self) -> UserError:
        return UserError(f"{self.name}: 处理超过 {self.seconds:.0f} 秒，已停止，未导入，请拆分文件 / "
                         f"took over {self.seconds:.0f} s; stopped, nothing stored; split the file")
