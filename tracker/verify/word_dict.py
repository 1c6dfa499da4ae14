"""jieba's dictionary kept in SQLite in the user cache folder, read a word at a time.

Loading jieba's whole dictionary (half a million words and prefixes) costs 1.0–1.3 s in
every process, yet cutting the short commitment texts of a query needs only the entries
that are substrings of those texts. The file is built once from jieba itself (its default
dictionary plus the indicator names added as words), so a cut made with these entries is
the one jieba would make. It is rebuilt when jieba's dictionary or the lexicon changes.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import sqlite3
import tempfile
import threading
from pathlib import Path

from platformdirs import user_cache_dir

from tracker.verify.lexicon import all_aliases

_FORMAT = 1          # bump when the file's layout changes
_BATCH = 500         # words per IN (...) look-up, below SQLite's variable limit
_EXTRA_FREQ = 200000  # the frequency given to indicator names (keeps them in one piece)


def cache_dir() -> Path:
    """The user cache folder holding the dictionary file."""
    path = Path(user_cache_dir("commitment-tracker", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def extra_words() -> list[str]:
    """Indicator names and aliases, so 社会消费品零售总额 stays one word."""
    return sorted({a for a in all_aliases() if len(a) > 1})


def _jieba_dict_file() -> Path:
    """jieba's dictionary file, found without importing jieba (0.1 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


def _file_name() -> str:
    """A name that changes with jieba's dictionary, the extra words and the format."""
    st = _jieba_dict_file().stat()
    key = f"{_FORMAT}|{st.st_size}|{int(st.st_mtime)}|{_EXTRA_FREQ}|" + "|".join(extra_words())
    return f"words-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}.sqlite"


def _build(path: Path) -> None:
    """Write jieba's prefix dictionary (after adding the extra words) to path, atomically."""
    import jieba   # only here: building is the one step that needs jieba's full load

    jieba.setLogLevel(60)
    logging.getLogger("jieba").setLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(path.parent)
    tokenizer.cache_file = "jieba.cache"
    tokenizer.initialize()
    for word in extra_words():
        tokenizer.add_word(word, freq=_EXTRA_FREQ)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
        conn.execute("CREATE TABLE meta (total INTEGER)")
        conn.executemany("INSERT INTO freq VALUES (?, ?)", tokenizer.FREQ.items())
        conn.execute("INSERT INTO meta VALUES (?)", (tokenizer.total,))
        conn.commit()
        conn.close()
        os.replace(tmp, path)   # another process building at once replaces it the same way
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class WordDict:
    """Word → frequency (0 for a prefix that is no word; None for neither), from the file."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._local = threading.local()   # a connection per thread: one belongs to its thread
        self._lock = threading.Lock()
        self.total: int = self._conn().execute("SELECT total FROM meta").fetchone()[0]
        self._known: dict[str, int | None] = {}

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True)
        return conn

    def prefetch(self, words) -> None:
        """Look the words up in batches (one query per few hundred, not one per word)."""
        todo = [w for w in dict.fromkeys(words) if w not in self._known]
        with self._lock:
            for i in range(0, len(todo), _BATCH):
                chunk = todo[i:i + _BATCH]
                found = dict(self._conn().execute(
                    f"SELECT word, freq FROM freq WHERE word IN ({','.join('?' * len(chunk))})",
                    chunk))
                for w in chunk:
                    self._known[w] = found.get(w)

    def get(self, word: str) -> int | None:
        """The word's frequency, 0 for a prefix only, None when the dictionary lacks it."""
        if word not in self._known:
            self.prefetch([word])
        return self._known[word]


def open_dict() -> WordDict:
    """The dictionary file for the installed jieba and lexicon, built first if missing."""
    path = cache_dir() / _file_name()
    if not path.exists():
        _build(path)
    return WordDict(path)
