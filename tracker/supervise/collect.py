"""Forms back in: the store backed up first, then each file read and its rows recorded as its
unit's reports, one line per form for the import report.

A file that cannot be read at all (not a workbook, not one of our forms) is its line and
counts as unreadable; a form of another store or one this store never sent is its line and
records nothing; every other form records its good rows whatever its refused rows say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from tracker.errors import UserError
from tracker.supervise.form_read import read_form


@dataclass
class CollectReport:
    """The import report of one collect: a line per file, and the totals."""

    backup: Path | None = None
    lines: list[str] = field(default_factory=list)
    recorded: int = 0
    conflicts: int = 0
    unreadable: int = 0

    def summary(self) -> str:
        """"3 份报送表：记录 40 行，冲突 2 行；1 个文件无法读取"."""
        text = f"{len(self.lines) - self.unreadable} 份报送表：记录 {self.recorded} 行，冲突 {self.conflicts} 行"
        return text + (f"；{self.unreadable} 个文件无法读取" if self.unreadable else "")


def backup_path(store_path: Path, when: datetime | None = None) -> Path:
    """Where the automatic backup before a collect goes: beside the store, named by the time."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return store_path.with_name(f"{store_path.stem}.backup-before-collect-{stamp}{store_path.suffix or '.db'}")


def collect_files(store, paths, progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> CollectReport:
    """Back the store up, then record every filled form of paths (one transaction per form;
    cancel() stops between forms, those collected stay)."""
    paths = [Path(p) for p in paths]
    report = CollectReport()
    report.backup = store.backup(backup_path(Path(store.path)))
    for n, path in enumerate(paths, 1):
        if cancel is not None and cancel():
            break
        try:
            form = read_form(path)
        except UserError as exc:
            report.lines.append(str(exc))
            report.unreadable += 1
        else:
            done = store.forms.collect(form)
            report.lines.append(done.line())
            report.recorded += done.recorded
            report.conflicts += len(done.conflicts)
        if progress is not None:
            progress(n, len(paths))
    return report
