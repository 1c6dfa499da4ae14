"""Old word-processor files (.doc, .wps, .rtf) converted to .docx by LibreOffice when it is installed.

Many offices still publish 政府工作报告 as .doc or as a WPS file. LibreOffice reads both;
`soffice --headless --convert-to docx` writes a .docx into a private temporary folder
(with its own profile, so a LibreOffice window the user has open neither blocks nor is
disturbed), and the reader takes it from there. Without LibreOffice one line says to save
the file as .docx.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from tracker.errors import UserError
from tracker.ingest.limits import Deadline

SUFFIXES = {".doc": "旧版 Word 文件", ".wps": "WPS 文件", ".rtf": "RTF 文件"}
# Where installers put it when it is not on PATH (Windows, macOS).
_KNOWN = (r"C:\Program Files\LibreOffice\program\soffice.exe",
          r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
          "/Applications/LibreOffice.app/Contents/MacOS/soffice")


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _KNOWN if os.path.isfile(p)), None)


def to_docx(path: Path, name: str, deadline: Deadline) -> bytes:
    """The .docx bytes LibreOffice makes of path; UserError naming the file when it cannot,
    or when the conversion is still running as deadline (the whole import's) runs out."""
    what = SUFFIXES[path.suffix.lower()]
    program = soffice()
    if program is None:
        raise UserError(f"{name}: {what}需要转换：请另存为 .docx 后再导入（未找到 LibreOffice）"
                        f" / save it as .docx (LibreOffice not found)")
    with tempfile.TemporaryDirectory(prefix="tracker-convert-") as tmp:
        out = Path(tmp) / "out"
        # a copy with a plain name: soffice names its output after the input
        source = Path(tmp) / ("input" + path.suffix.lower())
        shutil.copyfile(path, source)
        command = [program, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "docx", "--outdir", str(out), str(source)]
        try:
            _run(command, deadline)
        except subprocess.TimeoutExpired:
            raise UserError(f"{name}: LibreOffice 转换超过 {deadline.seconds:.0f} 秒，已停止，请另存为 .docx / "
                            f"conversion took too long, save it as .docx") from None
        except OSError as exc:
            raise UserError(f"{name}: 无法运行 LibreOffice（{exc.strerror}），请另存为 .docx "
                            f"/ cannot run LibreOffice, save it as .docx") from None
        result = out / "input.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise UserError(f"{name}: LibreOffice 无法转换此文件（已损坏？），请另存为 .docx "
                            f"/ LibreOffice could not convert it, save it as .docx")
        return result.read_bytes()


def _run(command: list[str], deadline: Deadline) -> None:
    """Run command in its own process group, all of it killed when deadline runs out
    (soffice is a script whose soffice.bin would outlive a kill of the script alone)."""
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=deadline.remaining())
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL) if hasattr(os, "killpg") else proc.kill()
        except ProcessLookupError:
            pass
        proc.wait()
        raise
