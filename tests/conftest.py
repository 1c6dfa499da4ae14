"""Shared fixtures: the real seed files and fresh stores in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tracker.importer import import_files

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV = ROOT / "eval" / "dev"        # development reports (national 2012-2014, provinces)
KEYS = ROOT / "eval" / "keys"      # answer keys


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The five bundled seed documents, sorted by name."""
    return sorted(SEEDS.glob("*.txt"))


def seed(name_prefix: str) -> Path:
    """The seed whose file name starts with name_prefix ("001")."""
    return next(SEEDS.glob(f"{name_prefix}_*.txt"))


NATIONAL = [DEV / f"national_{y}.txt" for y in (2012, 2013, 2014)]


@pytest.fixture(scope="session")
def national_db(tmp_path_factory):
    """A store holding the three national reports, with verification suggestions (copy it to write)."""
    from tracker.store import Store
    from tracker.verify import suggest

    path = tmp_path_factory.mktemp("national") / "n.db"
    with Store.open(path) as s:
        import_files(s, NATIONAL)
        suggest(s)
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    """The path of a real, closed store in tmp_path holding the imported seed 001."""
    from tracker.store import Store

    path = tmp_path / "t.db"
    with Store.open(path) as s:
        import_files(s, [seed("001")])
    return path


@pytest.fixture
def store(tmp_path):
    """A real store in tmp_path holding the imported seed 001."""
    from tracker.store import Store

    s = Store.open(tmp_path / "t.db")
    import_files(s, [seed("001")])
    yield s
    s.close()


@pytest.fixture
def private_settings(tmp_path, qapp):
    """QSettings kept in tmp_path, so GUI tests never read or write the user's settings."""
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("CommitmentTrackerTest")
    qapp.setApplicationName("承诺台账")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    QSettings().clear()
    yield


@pytest.fixture(autouse=True)
def _gui_settings_in_tmp(request):
    """Every GUI test (one that uses qtbot) gets private_settings."""
    if "qtbot" in request.fixturenames:
        request.getfixturevalue("private_settings")
