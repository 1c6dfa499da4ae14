"""Matching the tasks of a 分工方案 to commitments by their text.

An office copies the report's sentences into its 分工方案, often whole paragraphs holding
several commitments, sometimes one clause, sometimes lightly edited (a heading dropped, a
number written another way). Texts are compared as sets of character pairs (bigrams) after
folding and dropping punctuation: a commitment belongs to a task when most of the
commitment's pairs are in the task (the task quotes it), or most of the task's pairs are in
the commitment (the task is a clause of it). Each commitment goes to its best task; a task
no commitment went to is listed as unmatched, for the user to match by hand.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Hashable, Iterable

from tracker.ingest.normalize import fold

# Enough of the commitment's (or the task's) pairs present to call it the same text.
MIN_COVER = 0.72
# And not a coincidence of a few common pairs ("增长", "以上"): at least this many shared.
MIN_SHARED = 5
# Leading list markers and punctuation carry no meaning for the comparison.
_MARKER = re.compile(r"^\s*(?:\d{1,3}[.、．]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]+[、是]|"
                     r"[（(][一二三四五六七八九十]+[)）])")
# Figures of a pledge: "41万人" and "4.1万人" are different pledges whatever their words share.
# Years are left out (a task may say "2026年" where the report says "今年").
_FIGURE = re.compile(r"(?<![\d.])(?!(?:19|20)\d\d(?!\d))\d+(?:\.\d+)?")
_NOISE = re.compile(r"[\s，。、；：！？,.;:!?“”\"'‘’（）()《》【】\[\]—…·]+")


@dataclass(frozen=True)
class Matching:
    """Which commitments each task went to, and the tasks none went to (in input order)."""

    matched: dict[Hashable, tuple[int, ...]]     # task key -> commitment ids, in input order
    unmatched: tuple[Hashable, ...]
    scores: dict[int, float]                     # commitment id -> score of its task

    def task_of(self) -> dict[int, Hashable]:
        """commitment id -> the key of the task it went to."""
        return {cid: key for key, ids in self.matched.items() for cid in ids}


def comparable(text: str) -> str:
    """text as compared: folded, no list marker, no punctuation or spaces."""
    return _NOISE.sub("", _MARKER.sub("", fold(text or "")))


def figures(text: str) -> frozenset[str]:
    """The numbers text states, years left out ("5%-5.5%" -> {"5", "5.5"})."""
    return frozenset(_FIGURE.findall(fold(text or "")))


def bigrams(text: str) -> frozenset[str]:
    """The character pairs of comparable(text) (a one-character text: itself)."""
    s = comparable(text)
    return frozenset(s[i:i + 2] for i in range(len(s) - 1)) or frozenset([s] if s else [])


def match_tasks(tasks: Iterable[tuple[Hashable, str]],
                commitments: Iterable[tuple[int, str]]) -> Matching:
    """Each commitment (id, text) to the task (key, text) that quotes it or is quoted by it,
    best first; tasks no commitment went to are unmatched."""
    tasks = [(key, bigrams(text), figures(text)) for key, text in tasks]
    index: dict[str, list[int]] = defaultdict(list)      # pair -> task positions
    for t, (_key, grams, _figures) in enumerate(tasks):
        for g in grams:
            index[g].append(t)
    best: dict[int, tuple[float, int]] = {}
    order: list[int] = []
    for cid, text in commitments:
        grams, numbers = bigrams(text), figures(text)
        if not grams:
            continue
        order.append(cid)
        shared: dict[int, int] = defaultdict(int)
        for g in grams:
            for t in index.get(g, ()):
                shared[t] += 1
        for t, n in shared.items():
            if n < min(MIN_SHARED, len(grams), len(tasks[t][1])):
                continue
            # Cover of the commitment by the task, or of the task by the commitment; the
            # covered text's figures must all stand in the other.
            task_grams, task_numbers = tasks[t][1], tasks[t][2]
            by_task, by_commitment = n / len(grams), n / len(task_grams)
            score = max(by_task, by_commitment)
            figures_ok = numbers <= task_numbers if by_task >= by_commitment else task_numbers <= numbers
            if score >= MIN_COVER and figures_ok and score > best.get(cid, (0.0, -1))[0]:
                best[cid] = (score, t)
    matched: dict[Hashable, list[int]] = defaultdict(list)
    for cid in order:
        if cid in best:
            matched[tasks[best[cid][1]][0]].append(cid)
    unmatched = tuple(task[0] for task in tasks if task[0] not in matched)
    return Matching({k: tuple(v) for k, v in matched.items()}, unmatched,
                    {cid: round(s, 3) for cid, (s, _t) in best.items()})
