"""Word and character-bigram tokens for passage search; jieba loaded once, lazily, quietly.

jieba costs ~1.5 s to load and cuts only ~275k characters/s (measured: 1.27 s for the
1 MB yearbook seed 003), so it segments the short commitment texts (queries) while
review text is indexed as Han character bigrams, which is fast and needs no dictionary.
A query word becomes the bigrams inside it, never bigrams across two words.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

from tracker.verify.lexicon import all_aliases

_LOCK = threading.Lock()
_JIEBA = None
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z][A-Za-z0-9]*")
# Words too common in work reports to say what a passage is about.
STOPWORDS = frozenset(
    "的 了 和 与 及 等 在 是 为 对 把 将 要 以 上 下 中 年 今年 去年 全年 全面 进一步 加快 推进 "
    "实现 完成 确保 力争 继续 持续 不断 着力 努力 坚持 工作 建设 发展 增长 提高 达到 控制 左右 "
    "以上 以内 以下 亿元 万元 万人 个 项 件 所 处 其中 同比 比 上年 新增".split()
)


def cache_dir() -> Path:
    """The user cache folder holding jieba's dictionary cache."""
    from platformdirs import user_cache_dir

    path = Path(user_cache_dir("commitment-tracker", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _jieba():
    """The jieba module, initialised once with its cache in the user cache dir."""
    global _JIEBA
    if _JIEBA is None:
        with _LOCK:
            if _JIEBA is None:
                import logging

                import jieba

                jieba.setLogLevel(60)
                logging.getLogger("jieba").setLevel(60)
                jieba.dt.tmp_dir = str(cache_dir())
                jieba.dt.cache_file = "jieba.cache"
                jieba.initialize()
                for word in _extra_words():
                    jieba.add_word(word, freq=200000)
                _JIEBA = jieba
    return _JIEBA


def _extra_words() -> list[str]:
    """Indicator names and aliases, so jieba keeps 社会消费品零售总额 in one piece."""
    return [a for a in all_aliases() if len(a) > 1]


def load() -> None:
    """Load jieba now (e.g. on a worker thread before the first search)."""
    _jieba()


def words(text: str) -> list[str]:
    """jieba words of text: Han words and Latin/alphanumeric tokens, no stopwords or digits."""
    out = []
    for w in _jieba().lcut(text, HMM=False):
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
