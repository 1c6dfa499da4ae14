"""The local store (SQLite via sqlite-utils): the only code that writes SQL.

core (opening, migrating, transactions, writing extractions) with edit (marks, corrections,
suggestions), undo and read (browsing) mixed in; query (Filter -> SQL), sync (extractions ->
rows, keeping user data by identity), identity, fts (one token per Han character),
migrations, guard (SQLite errors -> one line). It never runs extraction: tracker.importer does.
"""

from tracker.store.core import Store, default_store_path
from tracker.store.query import ROW_FIELDS, Filter
from tracker.store.sync import ImportResult

__all__ = ["Store", "Filter", "ImportResult", "ROW_FIELDS", "default_store_path"]
