"""The local store (SQLite via sqlite-utils): the only code that opens the store or writes SQL.

core: the Store (one connection, its write transaction) and its named parts: marks,
corrections, curate (hand edits), decisions (suggestions and the user's decisions),
report_edits, extractions (written by tracker.importer); changes: the one write model
(every user change an appended row, undone by voiding it by id); read and query: plain
reading functions; sync, identity, locate, links, fts, line_spans: what a write derives;
ops: background work on its own connection; migrations; guard (SQLite errors -> one line).
It never runs extraction: tracker.importer does.
"""

import importlib

__all__ = ["Store", "Filter", "ImportResult", "ROW_FIELDS", "default_store_path", "read_op", "write_op"]
_HOMES = {"Store": "core", "default_store_path": "core", "Filter": "query",
          "ROW_FIELDS": "query", "ImportResult": "sync", "read_op": "ops", "write_op": "ops"}


def __getattr__(name: str):
    """`from tracker.store import Store` loads the store (sqlite-utils, ~0.1 s) on first use
    only, so a light module such as tracker.store.links can be imported alone (start-up)."""
    if name in _HOMES:
        return getattr(importlib.import_module(f"tracker.store.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'tracker.store' has no attribute {name!r}")
