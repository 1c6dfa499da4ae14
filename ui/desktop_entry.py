"""The app in the desktop's applications menu: an XDG desktop entry and hicolor icons.

`tracker-app --install-desktop` (run by scripts/setup.sh) writes
$XDG_DATA_HOME/applications/commitment-tracker.desktop and the icon at 16–256 px plus SVG
under $XDG_DATA_HOME/icons/hicolor, without xdg-utils: the files are the interface. Exec is
the absolute path of this install's tracker-app. MimeType lists the report types it opens,
so they offer "open with 承诺台账"; no default application is set (mimeapps.list is left
alone). Run as root through sudo it installs for $SUDO_USER (the files are theirs).
`--uninstall-desktop` removes exactly these files.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ui.icons import ICONS

APP_ID = "commitment-tracker"
MIME_TYPES = ("text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/pdf", "text/html")
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


@dataclass(frozen=True)
class Target:
    """Where the entry goes and whose files they are (None: the running user's)."""

    data_home: Path
    owner: tuple[int, int] | None = None


def target(environ=os.environ, euid: int | None = None) -> Target:
    """The data folder to install into: $SUDO_USER's under sudo, else $XDG_DATA_HOME
    (default ~/.local/share)."""
    euid = os.geteuid() if euid is None else euid
    user = environ.get("SUDO_USER")
    if euid == 0 and user and user != "root":
        pw = pwd.getpwnam(user)
        return Target(Path(pw.pw_dir) / ".local" / "share", (pw.pw_uid, pw.pw_gid))
    home = environ.get("XDG_DATA_HOME") or ""
    return Target(Path(home) if os.path.isabs(home) else Path.home() / ".local" / "share")


def app_path() -> Path:
    """This install's tracker-app: beside the running Python (a venv's bin), else argv[0]."""
    beside = Path(sys.executable).parent / "tracker-app"
    return beside if beside.is_file() else Path(sys.argv[0]).absolute()


def _exec_quote(path: Path) -> str:
    """An Exec argument: quoted when it holds a reserved character (desktop entry spec)."""
    text = str(path).replace("%", "%%")
    if not any(c in text for c in " \t\n\"'\\><~|&;$*?#()`="):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'.replace("\\", "\\\\")   # the file format escapes backslashes once more


def entry_text(app: Path) -> str:
    """The .desktop file for the tracker-app at app."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=承诺台账",
        "GenericName=Commitment Tracker",
        "GenericName[zh_CN]=政府工作报告承诺台账",
        "Comment=Track what government work reports promised and what became of it",
        "Comment[zh_CN]=从政府工作报告中提取承诺，核验完成情况，打印对照表",
        f"Exec={_exec_quote(app)} %F",
        f"TryExec={app}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "StartupNotify=true",
        "Categories=Office;",
        "Keywords=政府工作报告;承诺;督查;民生实事;report;commitment;",
        "MimeType=" + "".join(f"{m};" for m in MIME_TYPES),
        "",
    ])


def entry_path(t: Target) -> Path:
    return t.data_home / "applications" / f"{APP_ID}.desktop"


def icon_paths(t: Target) -> list[Path]:
    """The hicolor icons: one PNG per size, then the SVG."""
    hicolor = t.data_home / "icons" / "hicolor"
    return ([hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in SIZES]
            + [hicolor / "scalable" / "apps" / f"{APP_ID}.svg"])


def _png(size: int) -> bytes:
    """icons/app.svg drawn at size × size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "app.svg")).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _write_whole(path: Path, content: bytes, t: Target) -> None:
    """content to path through a temporary file beside it, folders made (and owned) as needed."""
    missing = [p for p in reversed(path.parents) if not p.exists()]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.chmod(tmp, 0o644)
        if t.owner is not None:
            os.chown(tmp, *t.owner)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if t.owner is not None:
        for folder in missing:
            os.chown(folder, *t.owner)


def _refresh_menu(t: Target) -> None:
    """Let the desktop know now (mimeinfo.cache for "open with"); optional, as on a bare system."""
    tool = shutil.which("update-desktop-database")
    if tool:
        subprocess.run([tool, "-q", str(entry_path(t).parent)], check=False, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cache = entry_path(t).parent / "mimeinfo.cache"
        if t.owner is not None and cache.exists():
            os.chown(cache, *t.owner)


def install(t: Target | None = None, app: Path | None = None) -> list[Path]:
    """Write the desktop entry and the icons; the files written."""
    t = t or target()
    app = app or app_path()
    written = []
    for path, size in zip(icon_paths(t), (*SIZES, None)):
        _write_whole(path, _png(size) if size else (ICONS / "app.svg").read_bytes(), t)
        written.append(path)
    _write_whole(entry_path(t), entry_text(app).encode("utf-8"), t)
    written.append(entry_path(t))
    _refresh_menu(t)
    return written


def uninstall(t: Target | None = None) -> list[Path]:
    """Remove the entry and the icons install() wrote; the files removed."""
    t = t or target()
    removed = []
    for path in [entry_path(t), *icon_paths(t)]:
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh_menu(t)
    return removed
