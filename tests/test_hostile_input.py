"""Issue 20 part 3: every input bounded, refused in one line (exit 1), never truncated and
imported; the README names the bounds."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import hostile_files as hf
from conftest import ROOT
from tracker.errors import UserError
from tracker.ingest import limits
from tracker.ingest.read import read_source


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---- encrypted PDFs ---------------------------------------------------------------------
@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_an_aes_encrypted_pdf_that_opens_without_a_password_is_read(tmp_path, algorithm):
    pdf = hf.report_pdf(tmp_path / "aes.pdf", user_password="", algorithm=algorithm)
    text = squash(read_source(pdf).text)
    assert squash(hf.REPORT_LINES[3]) in text and squash(hf.REPORT_LINES[-1][:20]) in text


def test_an_encrypted_pdf_that_needs_a_password_is_one_line(tmp_path, capsys):
    from tracker.cli.main import main

    pdf = hf.report_pdf(tmp_path / "locked.pdf", user_password="secret")
    assert main(["--db", str(tmp_path / "t.db"), "import", str(pdf)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(pdf) in err[0] and "需要密码" in err[0]


# ---- zip parts ----------------------------------------------------------------------------
@pytest.mark.parametrize("make", [
    lambda p: hf.renamed_docx(p, expand_to=limits.MAX_ZIP_BYTES + 1),          # word/document.bin
    lambda p: hf.docx_with_big_media(p, each=limits.MAX_ZIP_BYTES // 2 + 1),    # two image parts
], ids=["main part renamed", "media parts"])
def test_zip_parts_past_100_mb_in_all_are_refused_whatever_their_names(tmp_path, make):
    docx = make(tmp_path / "big.docx")
    assert docx.stat().st_size < 1_000_000
    with pytest.raises(UserError, match="inflates to too much"):
        read_source(docx)


@pytest.mark.parametrize("part", ["word/document.xml", "word/document.bin"])
def test_document_xml_past_its_bound_is_refused_whatever_its_name_and_media_is_not_xml(tmp_path, part):
    docx = hf.renamed_docx(tmp_path / "long.docx", expand_to=limits.MAX_DOCX_XML_BYTES + 1, part=part)
    with pytest.raises(UserError, match="too much document XML"):
        read_source(docx)
    pictures = hf.docx_with_big_media(tmp_path / "pictures.docx", each=limits.MAX_DOCX_XML_BYTES + 1, parts=1)
    assert hf.REPORT_LINES[5] in read_source(pictures).text


def test_a_zip_announcing_too_many_parts_is_refused_before_python_lists_them(tmp_path):
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w") as z:
        for i in range(limits.MAX_ZIP_PARTS + 1):
            z.writestr(f"p{i}", b"")
    with pytest.raises(UserError, match="too many parts"):
        read_source(many)


def test_a_real_docx_is_still_read(tmp_path):
    docx = tmp_path / "report.docx"
    docx.write_bytes(hf._docx_bytes())
    assert hf.REPORT_LINES[5] in read_source(docx).text


# ---- HTML ----------------------------------------------------------------------------------
def test_html_nested_past_the_bound_is_refused_and_just_under_it_is_read(tmp_path):
    deep = hf.nested_html(tmp_path / "deep.html", depth=limits.MAX_HTML_DEPTH + 1)
    with pytest.raises(UserError, match="nested too deeply"):
        read_source(deep)
    # <html><body> and the divs: depth - 2 + 2 elements
    fine = hf.nested_html(tmp_path / "fine.html", depth=limits.MAX_HTML_DEPTH - 2)
    assert hf.REPORT_LINES[0] in read_source(fine).text


def test_html_with_too_many_elements_is_refused_before_parsing(tmp_path):
    page = tmp_path / "many.html"
    page.write_text("<html><body>" + "<b>字</b>" * (limits.MAX_HTML_ELEMENTS + 1) + "</body></html>",
                    encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(UserError, match="too many HTML elements"):
        read_source(page)
    assert time.perf_counter() - start < 5      # counted, not parsed (parsing takes ~7 s)


def test_hidden_html_text_is_not_report_text(tmp_path):
    text = read_source(hf.hidden_html(tmp_path / "hidden.html")).text
    assert "隐藏段落" not in text
    assert hf.REPORT_LINES[0] in text and hf.REPORT_LINES[-1] in text


@pytest.mark.parametrize("markup", [
    "<div style='display:none'>X</div>", "<p style='color:red; display : NONE !important'>X</p>",
    "<span style='visibility:hidden'>X</span>", "<p hidden>X</p>", "<p hidden=''>X</p>",
    "<textarea>X</textarea>", "<select><option>X</option></select>", "<dialog>X</dialog>",
    "<div style='display:none'><p>X</p><div>X</div></div>",
])
def test_each_way_of_hiding_text(tmp_path, markup):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><p>政府工作报告</p>{markup}<p>增长7%</p></body></html>", encoding="utf-8")
    assert read_source(page).text.split("\n") == ["政府工作报告", "增长7%"]


def test_visible_text_that_merely_mentions_hiding_stays(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p style='display:block'>显示</p><dialog open>对话</dialog>"
                    "<p data-hidden='1'>属性</p></body></html>", encoding="utf-8")
    assert read_source(page).text.split("\n") == ["显示", "对话", "属性"]


def test_text_hidden_by_the_pages_style_sheet_is_skipped(tmp_path):
    """A page as a portal makes it: classes and ids hidden by its <style>, tabs of which one
    is shown, rules for print or a narrow screen, :hover menus, an inline style over a class."""
    page = tmp_path / "page.html"
    page.write_text("""<html><head><style>
/* .comment{display:none} */ @import url(site.css);
.x{display:none} .tab{ display : none } .tab.on { display:block }
#side { visibility: hidden } div > .gone, .other { display: none }
@media print { .noprint { display:none } } @media (max-width: 600px) { .wide { display: none } }
.menu a:hover { display:none } .force { display:none !important } .shut { visibility:collapse }
</style></head><body><p>政府工作报告</p>
<div class="x">隐藏段落一</div><div class="tab">隐藏段落二</div><div class="tab on">第一页</div>
<div id="side">隐藏段落三</div><div><span class="gone">隐藏段落四</span></div><p class="noprint">打印时不显示</p>
<p class="wide">窄屏时不显示</p><div class="menu"><a>菜单</a></div><p class="x" style="display:block">内联显示</p>
<p class="force" style="display:block">隐藏段落五</p><section><p class="x"><b>隐藏段落六</b></p></section>
<table><tr class="shut"><td>隐藏段落七</td></tr></table><p hidden>隐藏段落八</p><p>增长7%</p>
</body></html>""", encoding="utf-8")
    assert read_source(page).text.split("\n") == ["政府工作报告", "第一页", "打印时不显示", "窄屏时不显示", "菜单",
                                                   "内联显示", "增长7%"]


# ---- not a document -------------------------------------------------------------------------
@pytest.mark.parametrize("make, said", [
    (lambda d: hf.json_report(d / "report.json"), "JSON data"),
    (lambda d: hf.json_report(d / "report.txt"), "JSON data"),             # by content
    (lambda d: hf.xml_data(d / "data.xml"), "XML data"),
    (lambda d: hf.xml_data(d / "data.txt"), "XML data"),
    (lambda d: hf.zip_archive(d / "reports.zip"), "not a Word document"),
    (lambda d: hf.zip_archive(d / "reports.docx"), "not a Word document"),
    (lambda d: hf.tar_archive(d / "reports.tar.gz", "gz"), "an archive (gzip)"),
    (lambda d: hf.tar_archive(d / "reports.txt"), "an archive (tar)"),
], ids=["json", "json named txt", "xml", "xml named txt", "zip", "zip named docx", "tar.gz", "tar named txt"])
def test_a_file_that_is_not_a_document_is_refused(tmp_path, make, said):
    with pytest.raises(UserError, match=re.escape(said)):
        read_source(make(tmp_path))


def test_a_report_that_starts_with_a_bracket_is_still_a_report(tmp_path):
    txt = tmp_path / "r.txt"
    txt.write_text("[2025]政府工作报告\n" + "\n".join(hf.REPORT_LINES) + "\n[完]", encoding="utf-8")
    assert read_source(txt).text.startswith("[2025]")


# ---- sizes and kinds of file ----------------------------------------------------------------
_READ = """
import sys
from tracker.errors import UserError
from tracker.ingest.read import read_source
try:
    read_source(sys.argv[1])
    print("read")
except UserError as exc:
    print(exc)
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def test_text_past_its_bound_and_any_file_past_200_mb_are_refused_before_reading(tmp_path):
    text = hf.sparse_file(tmp_path / "big.txt", limits.MAX_TEXT_BYTES + 1)
    mb = limits.MAX_TEXT_BYTES // 1_000_000
    with pytest.raises(UserError, match=rf"文件太大（{mb}\.1 MB，上限 {mb} MB）"):
        read_source(text)
    pdf = tmp_path / "big.pdf"
    with pdf.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(limits.MAX_FILE_BYTES + 1)
    with pytest.raises(UserError, match=r"上限 200 MB"):
        read_source(pdf)


@pytest.mark.parametrize("make", [
    lambda d: hf.fifo(d / "pipe.txt"),
    lambda d: hf.link_to(d / "zero.txt", "/dev/zero"),
    lambda d: Path("/dev/zero"),
    lambda d: hf.link_to(d / "null.pdf", "/dev/null"),
], ids=["fifo", "link to /dev/zero", "/dev/zero", "link to /dev/null"])
def test_anything_but_a_regular_file_is_refused_without_reading(tmp_path, make):
    # In a child process with bounded memory and time: reading a pipe blocks, /dev/zero never ends.
    proc = subprocess.run([sys.executable, "-c", _READ, str(make(tmp_path))], cwd=ROOT, capture_output=True,
                          text=True, timeout=20, preexec_fn=_limit_memory)
    assert "not a regular file" in proc.stdout, proc.stdout + proc.stderr


# ---- the probe's files through `tracker import` -------------------------------------------


@pytest.mark.parametrize("make", [
    lambda d: hf.fifo(d / "pipe.txt"),
    lambda d: hf.link_to(d / "zero.txt"),
    lambda d: hf.nested_html(d / "nested.html", depth=200_000),
    lambda d: hf.renamed_docx(d / "renamed.docx", expand_to=limits.MAX_ZIP_BYTES + 1),
    lambda d: hf.json_report(d / "report.json"),
], ids=["fifo", "link to /dev/zero", "200,000 nested divs", "renamed docx part", "json"])
def test_each_hostile_import_answers_within_30_s_in_one_line_and_stores_nothing(tmp_path, make):
    path = make(tmp_path)
    db = tmp_path / "t.db"
    proc = subprocess.run([sys.executable, "-m", "tracker", "--db", str(db), "import", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=30, preexec_fn=_limit_memory)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], proc.stderr
    listed = subprocess.run([sys.executable, "-m", "tracker", "--db", str(db), "reports"], cwd=ROOT,
                            capture_output=True, text=True, timeout=30)
    assert listed.returncode == 0 and listed.stdout.strip() == ""


# ---- the README ---------------------------------------------------------------------------
def test_the_readme_names_every_input_bound():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Input files", 1)[1].split("\n## ", 1)[0]
    for figure in (f"{limits.MAX_FILE_BYTES // 1_000_000} MB", f"{limits.MAX_TEXT_BYTES // 1_000_000} MB",
                   f"{limits.MAX_ZIP_BYTES // 1_000_000} MB", f"{limits.MAX_ZIP_PARTS:,}",
                   f"{limits.MAX_HTML_ELEMENTS:,}", f"{limits.MAX_HTML_DEPTH:,}",
                   f"{limits.MAX_TEXT_CHARS:,} characters", f"{limits.MAX_PDF_PAGES} pages",
                   f"{limits.MAX_LEGACY_BYTES // 1_000_000} MB", f"{limits.MAX_DOCX_XML_BYTES // 1_000_000} MB",
                   f"{limits.IMPORT_SECONDS} s"):
        assert figure in section, figure
