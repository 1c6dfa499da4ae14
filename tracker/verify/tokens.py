"""Word and character-bigram tokens for passage search: jieba's cut of the queries.

jieba cuts only ~275k characters/s, so it segments the short commitment texts (queries)
while review text is indexed as Han character bigrams, which is fast and needs no
dictionary. A query word becomes the bigrams inside it, never bigrams across two words.

jieba's own load (its whole dictionary, 1.0–1.3 s in every process) is avoided: its
default-mode cut without HMM (`jieba.lcut(text, HMM=False)`) is reproduced here over the
dictionary entries that are substrings of the text, read from `word_dict`. tests/
test_verify_tokens.py checks the words against jieba's own on whole reports.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from math import log

from tracker.verify.word_dict import WordDict, open_dict

_LOCK = threading.Lock()
_DICT: WordDict | None = None
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z][A-Za-z0-9]*")
# jieba's block pattern (re_han_default) and one-character Latin/digit test (re_eng).
_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+")
_ENG = re.compile("[a-zA-Z0-9]")
# Substrings up to this length are fetched in one batch per text; longer dictionary words
# are looked up only where their 4-character prefix exists.
_PREFETCH = 4
# Words too common in work reports to say what a passage is about.
STOPWORDS = frozenset(
    "的 了 和 与 及 等 在 是 为 对 把 将 要 以 上 下 中 年 今年 去年 全年 全面 进一步 加快 推进 "
    "实现 完成 确保 力争 继续 持续 不断 着力 努力 坚持 工作 建设 发展 增长 提高 达到 控制 左右 "
    "以上 以内 以下 亿元 万元 万人 个 项 件 所 处 其中 同比 比 上年 新增".split()
)


def _dict() -> WordDict:
    """The word dictionary, opened once (built on first use on this machine)."""
    global _DICT
    if _DICT is None:
        with _LOCK:
            if _DICT is None:
                _DICT = open_dict()
    return _DICT


def load() -> None:
    """Open the dictionary now (e.g. on a worker thread before the first search)."""
    _dict()


def _cut_block(block: str, wd: WordDict) -> list[str]:
    """jieba's DAG cut without HMM of one block (Han, Latin, digits): most probable path."""
    n = len(block)
    wd.prefetch(block[k:k + size] for k in range(n) for size in range(1, _PREFETCH + 1)
                if k + size <= n)
    dag = []
    for k in range(n):
        ends, i, frag = [], k, block[k]
        while i < n:
            freq = wd.get(frag)
            if freq is None:
                break
            if freq:
                ends.append(i)
            i += 1
            frag = block[k:i + 1]
        dag.append(ends or [k])
    logtotal = log(wd.total)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for idx in range(n - 1, -1, -1):
        route[idx] = max((log(wd.get(block[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x)
                         for x in dag[idx])
    out, x, buf = [], 0, ""
    while x < n:
        y = route[x][1] + 1
        word = block[x:y]
        if len(word) == 1 and _ENG.match(word):
            buf += word   # jieba joins runs of single Latin letters and digits
        else:
            if buf:
                out.append(buf)
                buf = ""
            out.append(word)
        x = y
    if buf:
        out.append(buf)
    return out


def cut(text: str) -> list[str]:
    """jieba's words of text (`jieba.lcut(text, HMM=False)`) less what lies between blocks:
    punctuation and spaces, which no query keeps."""
    wd = _dict()
    return [w for block in _BLOCK.findall(text) for w in _cut_block(block, wd)]


def words(text: str) -> list[str]:
    """jieba words of text: Han words and Latin/alphanumeric tokens, no stopwords or digits."""
    out = []
    for w in cut(text):
        w = w.strip()
        if not w or w in STOPWORDS or not _HAN_RUN.fullmatch(w) or len(w) == 1 and w >= "\u4e00":
            continue
        out.append(w)
    return out


def bigrams(text: str) -> list[str]:
    """Han character bigrams (single characters for one-character runs) and Latin words."""
    out: list[str] = []
    for run in _HAN_RUN.findall(text):
        if run[0] < "\u4e00":
            out.append(run.upper())
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return out


@lru_cache(maxsize=65536)
def query_terms(text: str) -> tuple[str, ...]:
    """Index terms of a query: the bigrams of each jieba word of text, without repeats."""
    seen: dict[str, None] = {}
    for w in words(text):
        for t in bigrams(w):
            seen.setdefault(t, None)
    return tuple(seen)
