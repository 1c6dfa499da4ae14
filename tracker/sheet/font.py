"""Finding and registering the CJK font the PDF sheet is set in.

Only TrueType-outline fonts are accepted: reportlab embeds them with a ToUnicode map
that round-trips every character. fonts-noto-cjk is deliberately not on the list; in
our measurements its PDF text layer turned 一 into the Kangxi radical ⼀.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tracker.errors import UserError

FONT_NAME = "TrackerCJK"
# Preferred first. msyh/simsun are the Windows system fonts with TrueType outlines.
FONT_FILES = ("wqy-microhei.ttc", "wqy-zenhei.ttc", "msyh.ttc", "simsun.ttc")
KNOWN_PATHS = (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
               Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
               Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"))
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
             Path.home() / ".local/share/fonts", Path.home() / ".fonts",
             Path("/Library/Fonts"), Path.home() / "Library/Fonts", Path("C:/Windows/Fonts"))
# Tests and unusual installs point the lookup elsewhere (os.pathsep-separated folders).
ENV_DIRS = "TRACKER_FONT_DIRS"

_registered: dict[Path, str] = {}


def _fc_match() -> Path | None:
    """The file fontconfig gives for WenQuanYi Micro Hei, if it is really that font."""
    if not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "WenQuanYi Micro Hei"],
                             capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    # fc-match always answers with *some* font; accept only one from our list.
    path = Path(out) if out else None
    return path if path and path.name.lower() in FONT_FILES and path.is_file() else None


def _search(dirs: list[Path]) -> Path | None:
    """The first font from FONT_FILES found under dirs (preference order wins)."""
    found: dict[str, Path] = {}
    for d in dirs:
        if not d.is_dir():
            continue
        for root, _subdirs, files in os.walk(d):
            for name in files:
                key = name.lower()
                if key in FONT_FILES and key not in found:
                    found[key] = Path(root) / name
    for name in FONT_FILES:
        if name in found:
            return found[name]
    return None


def find_cjk_font(dirs: list[Path] | None = None) -> Path:
    """Path of a CJK TrueType font; dirs restricts the search (else env, known places)."""
    if dirs is None and os.environ.get(ENV_DIRS):
        dirs = [Path(p) for p in os.environ[ENV_DIRS].split(os.pathsep) if p]
    if dirs is not None:
        path = _search(list(dirs))
    else:
        path = (next((p for p in KNOWN_PATHS if p.is_file()), None) or _fc_match()
                or _search(list(FONT_DIRS)))
    if path is None:
        raise UserError("未找到中文字体（WenQuanYi Micro Hei），无法生成 PDF；"
                        "请安装 fonts-wqy-microhei（Debian/Ubuntu: "
                        "sudo apt install fonts-wqy-microhei），或改为导出 .xlsx/.html")
    return path


def register_cjk_font(dirs: list[Path] | None = None) -> str:
    """Register the CJK font with reportlab once; returns its reportlab font name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont, TTFError

    path = find_cjk_font(dirs)
    if path in _registered:
        return _registered[path]
    name = f"{FONT_NAME}{len(_registered)}"
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except (TTFError, OSError) as exc:
        raise UserError(f"{path}: 中文字体无法使用（{exc}）；请重新安装 fonts-wqy-microhei") from exc
    # The font has no bold or italic face; map them to itself so <b> never fails.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    _registered[path] = name
    return name
