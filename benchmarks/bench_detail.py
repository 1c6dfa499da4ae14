"""How long the detail pane takes to show a commitment and to mark+undo it (figures printed).

Usage: .venv/bin/python benchmarks/bench_detail.py [STORE]   (default: a temp store of all seeds)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker import verify  # noqa: E402
from tracker.store import Filter, Store  # noqa: E402
from tracker.importer import import_files
from ui.detail import DetailPane  # noqa: E402


def _ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[int(len(samples) * 0.95) - 1] if len(samples) > 1 else samples[0]
    return f"median {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    if len(sys.argv) > 1:
        store = Store.open(sys.argv[1])
    else:
        store = Store.open(Path(tempfile.mkdtemp()) / "bench.db")
        t = time.perf_counter()
        import_files(store, sorted((ROOT / "seeds").glob("*.txt")))
        verify.suggest(store)
        print(f"setup: import seeds + suggest {time.perf_counter() - t:.2f} s")
    ids = store.query(Filter())
    pane = DetailPane(store, QUndoStack())
    pane.resize(1000, 800)
    pane.show()
    shows = []
    for cid in ids:
        t = time.perf_counter()
        pane.show_commitment(cid)
        app.processEvents()
        shows.append(time.perf_counter() - t)
    print(f"show_commitment over {len(ids)} commitments: {_ms(shows)}")
    marks = []
    for cid in ids[:100]:
        pane.show_commitment(cid)
        t = time.perf_counter()
        pane.mark("in_progress", "bench")
        pane.undo_stack.undo()
        marks.append(time.perf_counter() - t)
    print(f"mark + undo (with pane reloads) over {len(marks)}: {_ms(marks)}")
    store.close()


if __name__ == "__main__":
    main()
