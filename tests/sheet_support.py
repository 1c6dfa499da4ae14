"""Fixtures shared by the status-sheet tests: a real seed in a real store, with marks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tracker.store import Filter, Store
from tracker.importer import import_files

ROOT = Path(__file__).resolve().parent.parent
SEED_001 = next((ROOT / "seeds").glob("001_*.txt"))
SCRIPT = "<script>alert('对照表')</script>"


def squash(text: str) -> str:
    """text without any whitespace: PDF text comes back with line wraps and spaces added."""
    return re.sub(r"\s+", "", text)


def _marked_store(path: Path) -> Store:
    store = Store.open(path)
    import_files(store, [SEED_001])
    ids = store.query(Filter(), order="line")
    targets = store.query(Filter(kind="target"), order="line")
    projects = store.query(Filter(kind="project"), order="line")
    store.marks.mark(targets[:1], "done", note="全年增长7.5%", actual_value=7.5,
               evidence_text="地区生产总值增长7.5%", evidence_document_id=1, evidence_line=20)
    store.marks.mark(projects[1:3], "partial", note="完成年度计划的80%", progress=0.8)
    store.marks.mark(projects[3:4], "not_done", note="受资金影响推迟 " + SCRIPT)
    store.marks.mark(projects[4:5], "in_progress", note="主体工程已完工")
    # Document text is text: a commitment whose wording looks like markup prints as written.
    store.corrections.correct(projects[5], text=store.commitment(projects[5])["text"] + SCRIPT)
    store.evidence.add(ids[-1], [{"status": "done", "actual_value": 12, "score": 0.9,
                                     "reason": "test", "review_document_id": 1,
                                     "evidence": [{"text": "新建5G基站120个", "line": 30}]}])
    return store


@pytest.fixture(scope="module")
def store_file(tmp_path_factory) -> Path:
    """A store holding seed 001 with a few marks, built once per module (copy it to write)."""
    path = tmp_path_factory.mktemp("sheet") / "tracker.db"
    _marked_store(path).close()
    return path


@pytest.fixture()
def store(store_file, tmp_path):
    """A private copy of the marked seed-001 store."""
    path = tmp_path / "tracker.db"
    shutil.copy(store_file, path)
    s = Store.open(path)
    yield s
    s.close()
