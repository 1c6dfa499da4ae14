""".doc and .wps as offices publish them: converted by LibreOffice, or one line saying to save as .docx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DEV
from tracker.cli.main import main
from tracker.errors import UserError
from tracker.extract.pipeline import extract_file
from tracker.ingest import legacy, read_source

needs_soffice = pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory) -> Path:
    """The Hebei 2025 report saved by LibreOffice as an old-format .doc."""
    folder = tmp_path_factory.mktemp("doc")
    shutil.copy(DEV / "provinces" / "hebei_2025.docx", folder / "hebei.docx")
    subprocess.run([legacy.soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(folder), str(folder / "hebei.docx")],
                   check=True, capture_output=True, timeout=180)
    return folder / "hebei.doc"


@needs_soffice
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_old_formats_read_as_the_docx_does(doc_file: Path, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"河北 报告{suffix}"      # a WPS file is the same compound document
    shutil.copy(doc_file, path)
    source = read_source(path)
    assert source.encoding == suffix[1:]
    original = extract_file(DEV / "provinces" / "hebei_2025.docx")
    converted = extract_file(path)
    (a,), (b,) = original.reports, converted.reports
    assert (b.report.region, b.report.plan_year) == ("河北省", 2025)
    assert [c.text for c in b.commitments] == [c.text for c in a.commitments]


@pytest.fixture
def wps_file(tmp_path: Path) -> Path:
    """An old-format Word file (its compound-document header is enough to be refused)."""
    path = tmp_path / "报告.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200)
    return path


def test_without_libreoffice_one_line_says_save_as_docx(wps_file: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PATH", str(wps_file.parent))     # a machine without LibreOffice
    monkeypatch.setattr(legacy, "_KNOWN", ())
    with pytest.raises(UserError, match=r"请另存为 \.docx"):
        read_source(wps_file)
    assert main(["extract", str(wps_file), "--json"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and wps_file.name in err and "请另存为 .docx" in err


@needs_soffice
def test_a_damaged_doc_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "坏.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200)
    with pytest.raises(UserError, match=r"坏\.doc: .*请另存为 \.docx"):
        read_source(path)
