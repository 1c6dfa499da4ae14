"""The app in the applications menu (issue 25 part 4): `tracker-app --install-desktop` in a
temporary XDG_DATA_HOME, checked with desktop-file-validate, and undone."""

from __future__ import annotations

import configparser
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from conftest import ROOT
from ui import desktop_entry
from ui.desktop_entry import SIZES, Target, entry_text, target


def run_app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SUDO_USER"}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "-m", "ui.app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (scripts/setup.sh installs desktop-file-utils)")
    proc = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert proc.returncode == 0 and not (proc.stdout + proc.stderr).strip(), proc.stdout + proc.stderr


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_and_uninstall_in_a_temporary_data_home(tmp_path):
    proc = run_app(tmp_path, "--install-desktop")
    assert proc.returncode == 0, proc.stderr
    data = tmp_path / "data"
    entry = data / "applications" / "commitment-tracker.desktop"
    assert str(entry) in proc.stdout.splitlines()
    validate(entry)
    fields = read_entry(entry)
    program = fields["Exec"].split(" %F")[0]
    assert Path(program).is_absolute() and os.access(program, os.X_OK)
    assert Path(program).parent == Path(sys.executable).parent     # this install's tracker-app
    assert fields["Icon"] == "commitment-tracker" and fields["Terminal"] == "false"
    assert set(fields["MimeType"].strip(";").split(";")) == {
        "text/plain", "application/pdf", "text/html",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    for n in SIZES:
        image = QImage(str(data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "commitment-tracker.png"))
        assert (image.width(), image.height()) == (n, n)
        assert image.pixelColor(n // 2, n // 2).alpha() > 0            # drawn, not blank
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "commitment-tracker.svg").is_file()
    # Offered for the report types, never made their default application.
    assert not list(tmp_path.rglob("mimeapps.list"))
    proc = run_app(tmp_path, "--uninstall-desktop")
    assert proc.returncode == 0, proc.stderr
    assert not entry.exists() and not list(data.rglob("commitment-tracker.*"))


def test_an_install_path_with_spaces_is_quoted(tmp_path):
    app = tmp_path / "my apps" / "tracker-app"
    app.parent.mkdir()
    app.write_text("#!/bin/sh\n")
    app.chmod(0o755)
    written = desktop_entry.install(Target(tmp_path / "data"), app)
    validate(written[-1])
    assert read_entry(written[-1])["Exec"] == f'"{app}" %F'


def test_under_sudo_it_installs_for_the_sudo_user():
    user = next((p for p in pwd.getpwall() if p.pw_uid != 0), None)
    if user is None:
        pytest.skip("no user other than root on this machine")
    t = target({"SUDO_USER": user.pw_name, "XDG_DATA_HOME": "/root/.local/share"}, euid=0)
    assert t.data_home == Path(user.pw_dir) / ".local" / "share"
    assert t.owner == (user.pw_uid, user.pw_gid)
    # Not root: the user's own XDG_DATA_HOME (a relative one is ignored, as the spec says).
    assert target({"SUDO_USER": user.pw_name, "XDG_DATA_HOME": "/x/share"}, euid=1000).data_home == Path("/x/share")
    assert target({"XDG_DATA_HOME": "share"}, euid=1000).data_home == Path.home() / ".local" / "share"


def test_the_entry_names_the_app_in_chinese_and_english():
    text = entry_text(Path("/opt/t/tracker-app"))
    assert "Name=承诺台账" in text and "GenericName=Commitment Tracker" in text
    assert "Exec=/opt/t/tracker-app %F" in text
