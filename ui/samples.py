"""The 示例台账: the bundled seeds in a store of their own, opened read-only from 帮助.

The samples never go into the user's store. They are built (imported and searched for
evidence, ~3 s) into a file in the user cache folder the first time they are asked for,
named by a fingerprint of the seeds and of the program, so a new version of the rules
builds them afresh. The file is made beside its final name and renamed when whole, left
in rollback-journal mode (one self-contained file, readable without a -wal or -shm) and
marked read-only on disk; the window opens it read-only as well.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from tracker.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# What decides the samples' content: the seeds and the code that extracts and verifies them.
_PROGRAM = (ROOT / "tracker",)
NAME = "示例台账"
# Why the store cannot be written, as the status bar and write errors show it.
READ_ONLY_REASON = "示例台账 / the sample store"


def samples_folder() -> Path:
    """Where sample stores are kept: the user cache folder (they can always be built again)."""
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("commitment-tracker", appauthor=False))


def seed_paths() -> list[Path]:
    """The bundled sample reports."""
    return sorted(SEEDS.glob("*.txt"))


def fingerprint() -> str:
    """A short hash of the seeds and the program's sources: another one means other samples."""
    digest = hashlib.sha256()
    files = seed_paths() + sorted(p for folder in _PROGRAM for p in folder.rglob("*")
                                  if p.suffix in (".py", ".json", ".txt"))
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def sample_path(folder: Path | None = None) -> Path:
    """The sample store of this program (it may not be built yet)."""
    return (folder or samples_folder()) / f"{NAME}-{fingerprint()}.db"


def is_sample(path: str | Path | None) -> bool:
    """True when path is a sample store (of any version)."""
    return path is not None and Path(path).name.startswith(f"{NAME}-") and Path(path).suffix == ".db"


def build_samples(path: Path, progress=None, cancel=None) -> Path | None:
    """Import the seeds into a new store at path and search it for evidence; path (None when
    cancelled).

    Runs on the worker. The store is made under a temporary name and renamed when whole,
    so a cancel or a crash never leaves half a sample store under the real name.
    """
    from tracker.importer import import_files
    from tracker.verify import find_evidence

    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.stem}.part-{os.getpid()}.db")
    _remove(part)
    seeds = seed_paths()

    def step(offset: int):
        return None if progress is None else (lambda done, total: progress(offset + done * 100 // max(total, 1), 200))

    try:
        with Store.open(part) as store:
            import_files(store, seeds, progress=step(0), cancel=cancel)
            if cancel is None or not cancel():
                find_evidence(store, progress=step(100), cancel=cancel)
            # One self-contained file: a read-only reader needs no -wal or -shm beside it.
            store.make_single_file()
        if cancel is not None and cancel():
            return None
        os.chmod(part, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(part, path)
    finally:
        _remove(part)
    _remove_older(path)
    return path


def open_samples(path: Path) -> Store:
    """The built sample store at path, for reading only."""
    store = Store.open(path, create=False, read_only=True)
    store.read_only = READ_ONLY_REASON
    return store


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _remove_older(keep: Path) -> None:
    """Sample stores of earlier versions of the program (a window still reading one keeps
    its open file: unlinking does not take it away)."""
    for old in keep.parent.glob(f"{NAME}-*.db"):
        if old != keep and ".part-" not in old.name:
            try:
                _remove(old)
            except OSError:
                pass
