"""The query cut without loading jieba is jieba's own cut (HMM off), word for word."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import jieba
import pytest

from tracker.verify import tokens
from tracker.verify.word_dict import extra_words

ROOT = Path(__file__).resolve().parent.parent
_BETWEEN_BLOCKS = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]")


@pytest.fixture(scope="module")
def full_jieba():
    """jieba fully loaded, with the same extra words the tracker adds."""
    jieba.setLogLevel(60)
    logging.getLogger("jieba").setLevel(60)
    tk = jieba.Tokenizer()
    tk.initialize()
    for w in extra_words():
        tk.add_word(w, freq=200000)
    return tk


def _lines():
    """Every non-empty line of the seeds and the national dev reports (many thousand)."""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield from (ln for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()
                    if ln.strip())
    for path in sorted((ROOT / "eval" / "dev").glob("national_*.txt")):
        yield from (ln for ln in path.read_bytes().decode("gb18030", errors="replace").splitlines()
                    if ln.strip())


def test_cut_matches_jieba_on_whole_reports(full_jieba):
    lines = list(_lines())[:6000]
    assert len(lines) > 1000
    for line in lines:
        theirs = [w for w in full_jieba.lcut(line, HMM=False) if _BETWEEN_BLOCKS.match(w[0])]
        assert tokens.cut(line) == theirs, line


@pytest.mark.parametrize("text", [
    "社会消费品零售总额增长6%左右", "居民人均可支配收入与经济增长同步",
    "新建5G基站1.2万个", "PM2.5平均浓度控制在30微克/立方米以内",
    "城镇调查失业率5.5%左右", "改造老旧小区300个、惠及居民5万户",
])
def test_query_words_match_jieba(full_jieba, text):
    theirs = [w for w in full_jieba.lcut(text, HMM=False) if _BETWEEN_BLOCKS.match(w[0])]
    assert tokens.cut(text) == theirs
    assert "社会消费品零售总额" not in text or "社会消费品零售总额" in tokens.words(text)
