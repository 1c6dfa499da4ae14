"""`tracker extract`: the contract JSON, the listing, exit codes, and the pipeline API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEV, ROOT, SEEDS, seed
from tracker.cli.main import main
from tracker.extract import contract_json, extract_file, extract_files
from tracker.model import KINDS

DOC_FIELDS = {"path", "title", "region", "report_year", "plan_year", "line_start", "line_end",
              "commitments"}
COMMITMENT_FIELDS = {"kind", "text", "line", "indicator", "measure", "value", "value_high", "unit",
                     "comparator", "direction", "deadline", "deadline_text", "number", "category"}


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command line, as a user runs it, from whatever environment runs the tests."""
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=120)


def _without_paths(data: dict) -> list[dict]:
    return [{k: v for k, v in doc.items() if k != "path"} for doc in data["documents"]]


def test_json_of_all_seeds_follows_the_contract() -> None:
    paths = sorted(str(p.relative_to(ROOT)) for p in SEEDS.glob("*.txt"))
    done = _run("extract", *paths, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.decode("utf-8"))
    docs = data["documents"]
    assert len(docs) == 27
    assert {d["path"] for d in docs} == set(paths)
    for doc in docs:
        assert DOC_FIELDS <= set(doc)
        assert 1 <= doc["line_start"] <= doc["line_end"]
        for c in doc["commitments"]:
            assert COMMITMENT_FIELDS <= set(c)
            assert c["kind"] in KINDS
            assert doc["line_start"] <= c["line"] <= doc["line_end"]
    lines = (SEEDS / Path(paths[1]).name).read_text(encoding="utf-8").split("\n")
    for c in docs[5]["commitments"]:             # 001: every quote sits on its line
        assert c["text"].replace(" ", "")[:6] in lines[c["line"] - 1].replace(" ", "")


def test_json_is_utf8_whatever_the_locale() -> None:
    done = _run("extract", str(seed("001")), "--json",
                env={"PYTHONIOENCODING": "latin-1", "LC_ALL": "C", "LANG": "C"})
    assert done.returncode == 0, done.stderr
    assert "肃州区" in done.stdout.decode("utf-8")
    assert "\\u" not in done.stdout.decode("utf-8")        # ensure_ascii=False


def test_gb18030_files_extract_like_their_utf8_copies(tmp_path: Path) -> None:
    for original in sorted((DEV).glob("national_*.txt")):
        copy = tmp_path / original.name
        copy.write_text(original.read_bytes().decode("gb18030"), encoding="utf-8", newline="")
        a = contract_json([extract_file(original)])
        b = contract_json([extract_file(copy)])
        assert _without_paths(a) == _without_paths(b)
        assert a["documents"][0]["commitments"], original.name


def test_plan_year_option_fills_only_missing_years() -> None:
    default = contract_json([extract_file(seed("002"))])["documents"]
    given = contract_json([extract_file(seed("002"), plan_year=2004)])["documents"]
    assert [d["plan_year"] for d in default] == [None, 2024, 2024, 2024, 2024]
    assert [d["plan_year"] for d in given] == [2004, 2024, 2024, 2024, 2024]


def test_cli_plan_year_option(capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(seed("002")), "--json", "--plan-year", "2004"]) == 0
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert docs[0]["plan_year"] == 2004


def test_readable_listing(capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(seed("001"))]) == 0
    out = capsys.readouterr().out
    assert "2025年酒泉市肃州区政府工作报告" in out
    assert "[8-207]" in out
    assert "地区生产总值增长7.2%以上" in out


def test_extract_files_progress_and_cancel() -> None:
    calls: list[tuple[int, int]] = []
    paths = [seed("000"), seed("001"), seed("004")]
    result = extract_files(paths, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert [len(fx.reports) for fx in result] == [5, 1, 9]
    stopped = extract_files(paths, cancel=lambda: len(calls) >= 4,
                            progress=lambda done, total: calls.append((done, total)))
    assert len(stopped) == 1


def test_projects_never_repeat_target_or_livelihood_spans() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for rx in extract_file(path).reports:
            taken = [(c.start, c.end) for c in rx.commitments
                     if c.kind != "project" and c.start >= 0]
            for c in rx.commitments:
                if c.kind == "project" and c.start >= 0:
                    assert not any(c.start < end and start < c.end for start, end in taken), c.text


@pytest.mark.parametrize("make, reason", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "empty.txt", b""), "empty file"),
    (lambda d: _write(d / "bin.txt", bytes(range(256)) * 10), "binary"),
    (lambda d: _write(d / "bad.docx", b"PK\x03\x04broken"), "corrupt docx"),
    (lambda d: _image_pdf(d / "scan.pdf"), "no text layer"),
])
def test_unreadable_input_exits_1_with_one_line(tmp_path: Path, make, reason: str) -> None:
    path = make(tmp_path)
    done = _run("extract", str(seed("001")), str(path), "--json")
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert err.count("\n") == 1 and err.startswith(f"tracker: {path}: ")
    assert reason in err
    assert "Traceback" not in err
    assert done.stdout == b""                    # nothing half-printed


@pytest.mark.parametrize("args", [["extract"], ["extract", "x.txt", "--plan-year", "abc"],
                                  ["extract", "x.txt", "--bogus"]])
def test_bad_usage_exits_2(args: list[str]) -> None:
    done = _run(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr.decode("utf-8")


def test_help_is_bilingual() -> None:
    out = _run("extract", "--help").stdout.decode("utf-8")
    assert "提取" in out and "extract" in out and "--plan-year" in out


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _image_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(10, 10, 100, 100, fill=1)
    c.save()
    return path


def test_module_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "tracker", "extract", str(seed("004"))],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").count("\n  [") == 9


def _commitment_texts(fx) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for rx in fx.reports for c in rx.commitments]


def test_docx_and_html_copies_of_a_seed_extract_the_same(tmp_path: Path) -> None:
    from html import escape

    from docx import Document

    src = seed("001")
    body = [line for line in src.read_text(encoding="utf-8").split("\n")[7:207] if line.strip()]
    doc = Document()
    for line in body:
        doc.add_paragraph(line)
    doc.save(tmp_path / "seed001.docx")
    page = ("<html><head><script>var a=1;</script></head><body><nav>首页 | 登录</nav>"
            + "".join(f"<p>{escape(line)}</p>" for line in body)
            + "<footer>版权所有</footer></body></html>")
    (tmp_path / "seed001.html").write_text(page, encoding="utf-8")
    expected = _commitment_texts(extract_file(src))
    assert expected
    for name in ("seed001.docx", "seed001.html"):
        fx = extract_file(tmp_path / name)
        (rx,) = fx.reports
        assert (rx.report.plan_year, rx.report.report_year, rx.report.region) == (2025, 2025, "肃州区")
        assert _commitment_texts(fx) == expected, name


def test_pdf_copy_with_wrapped_lines_keeps_metadata_and_targets(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                                   subfontIndex=0))
    lines = seed("001").read_text(encoding="utf-8").split("\n")[7:60]
    pdf = canvas.Canvas(str(tmp_path / "seed001.pdf"))
    pdf.setFont("WQY", 10)
    y = 800
    for line in lines:
        while line:                      # wrap at 50 characters like a printed page
            pdf.drawString(30, y, line[:50])
            line, y = line[50:], y - 14
            if y < 40:
                pdf.showPage()
                pdf.setFont("WQY", 10)
                y = 800
    pdf.save()
    fx = extract_file(tmp_path / "seed001.pdf")
    (rx,) = fx.reports
    assert (rx.report.plan_year, rx.report.report_year, rx.report.region) == (2025, 2025, "肃州区")
    targets = {c.text for c in rx.commitments if c.kind == "target"}
    expected = {c.text for rx0 in extract_file(seed("001")).reports for c in rx0.commitments
                if c.kind == "target"}
    assert targets == expected


def test_file_name_with_spaces_and_chinese(tmp_path: Path) -> None:
    path = tmp_path / "肃州区 2025 报告.txt"
    path.write_bytes(seed("001").read_bytes())
    done = _run("extract", str(path), "--json")
    assert done.returncode == 0, done.stderr
    (doc,) = json.loads(done.stdout.decode("utf-8"))["documents"]
    assert doc["path"] == str(path) and doc["plan_year"] == 2025
