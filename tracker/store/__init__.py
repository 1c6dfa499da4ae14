"""The local store (SQLite via sqlite-utils): the only code that writes SQL.

core (opening, migrating, transactions, writing extractions) with edit (marks, corrections,
suggestions), undo and read (browsing) mixed in; query (Filter -> SQL), sync (extractions ->
rows, keeping user data by identity), identity, fts (one token per Han character),
migrations, guard (SQLite errors -> one line). It never runs extraction: tracker.importer does.
"""

import importlib

__all__ = ["Store", "Filter", "ImportResult", "ROW_FIELDS", "default_store_path"]
_HOMES = {"Store": "core", "default_store_path": "core", "Filter": "query",
          "ROW_FIELDS": "query", "ImportResult": "sync"}


def __getattr__(name: str):
    """`from tracker.store import Store` loads the store (sqlite-utils, ~0.1 s) on first use
    only, so a light module such as tracker.store.links can be imported alone (start-up)."""
    if name in _HOMES:
        return getattr(importlib.import_module(f"tracker.store.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'tracker.store' has no attribute {name!r}")
