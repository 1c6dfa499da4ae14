"""Rankings: a target of a place among its peers (进入全省前10, 保持全国前列) against a stated rank.

A review states a rank as 居全国第4位, 排西部第二, 进入全国前十, 位居全省前列, 稳居全国首位.
The rank decides a ranking target when it is of the same thing (the words before it, matched
as any head is) among the same peers (全省 is not 全国); otherwise it is a candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.numbers import parse_int
from tracker.verify.heads import clause_bounds, similarity

_CN = "一二三四五六七八九十百两"
_GROUP = r"全国|全省|全市|全区|全州|全盟|全球|世界|西部|中部|东部|东北|长江经济带|[\u4e00-\u9fff]{1,4}(?:省份|省区市|省区|城市|地区|县市区|区县|县区|县市)"
RANK = re.compile(rf"(?P<group>{_GROUP})(?:同类|主要)?(?:[\u4e00-\u9fff]{{0,4}}?)"
                  rf"(?:第(?P<pos>\d+|[{_CN}]+)(?:位|名)?|前(?P<top>\d+|[{_CN}]+)(?:位|名|强)?|(?P<front>前列|首位|第一方阵|领先))")
_RANK_VERBS = re.compile(r"(?:居|位居|位列|排名|排在|排|列|进入|跻身|稳居|保持|位于|名列|迈入|挺进)$")
_STRIP = re.compile(r"[\d.%％]+|增速|增长|排名|综合|实力|进入|保持|位居|力争|确保|争取|稳居")


@dataclass(frozen=True)
class Rank:
    """A rank stated in a text."""

    group: str                # the peers: 全国, 全省, 西部
    position: int | None      # 第N位
    top: int | None           # 前N
    front: bool               # 前列, 首位 (首位 is also position 1)
    start: int
    end: int
    heads: tuple[str, ...]    # what is ranked: the words before it in its clause


def ranks(text: str) -> list[Rank]:
    """Every rank text (folded) states."""
    out = []
    for m in RANK.finditer(text):
        pos = _int(m.group("pos"))
        top = _int(m.group("top"))
        front = bool(m.group("front"))
        if m.group("front") == "首位":
            pos = 1
        c_start, _ = clause_bounds(text, m.start())
        before = _RANK_VERBS.sub("", text[c_start:m.start()])
        head = _STRIP.sub("", before)
        out.append(Rank(_norm_group(m.group("group")), pos, top, front, m.start(), m.end(), (head,) if head else ()))
    return out


def target_rank(text: str) -> Rank | None:
    """The rank a commitment pledges (进入全省前10, 保持全国前列), with the peers."""
    found = ranks(text)
    return found[0] if found else None


def judge_rank(want: Rank, want_top: float | None, got: Rank) -> tuple[str, str] | None:
    """(status, reason) of a stated rank against a pledged one; None when it cannot decide."""
    if want.group != got.group:
        return None
    said = _said(got)
    n = int(want_top) if want_top is not None else want.top
    if n is not None:
        if got.position is not None:
            ok = got.position <= n
            return ("done" if ok else "not_done"), f"报告称{said}，{'达到' if ok else '未达到'}目标“{want.group}前{n}”"
        if got.top is not None and got.top <= n:
            return "done", f"报告称{said}，达到目标“{want.group}前{n}”"
        return None
    # 前列 pledged: first places, a 前N up to ten, or 前列 said again
    if got.front or (got.position is not None and got.position <= 3) or (got.top is not None and got.top <= 10):
        return "done", f"报告称{said}，符合目标“{want.group}前列”"
    return None


def same_thing(want: Rank, names: tuple[str, ...], got: Rank, threshold: float) -> bool:
    """True when a stated rank is of what the commitment ranks (its words alike)."""
    heads = tuple(_STRIP.sub("", n) for n in names if n) + want.heads
    return bool(got.heads) and similarity(tuple(h for h in heads if h), got.heads) >= threshold


def _said(r: Rank) -> str:
    if r.position is not None:
        return f"“居{r.group}第{r.position}位”"
    if r.top is not None:
        return f"“进入{r.group}前{r.top}”"
    return f"“{r.group}前列”"


def _norm_group(g: str) -> str:
    return {"世界": "全球"}.get(g, g)


def _int(s: str | None) -> int | None:
    if not s:
        return None
    return int(s) if s.isdigit() else parse_int(s)
