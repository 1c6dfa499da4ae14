"""Claims about many commitments at once: a whole 实事 list done, the binding targets met.

A claim settles nothing a figure settles: it applies to a commitment only when nothing
about the commitment itself decides, and its reason says it is a claim about a class
("清单整体表述", "约束性指标的整体表述"), for the user to confirm.
"""

from __future__ import annotations

import re

from tracker.extract.numbers import parse_int
from tracker.model import Commitment
from tracker import words

LIST_DONE = re.compile(rf"(?:\d+|{words.CN}+)(?:件|大|项|类)[^。；]{{0,6}}?(?:惠民|为民|民生)?实事[^。；]{{0,12}}(?:全部|均已|全面|圆满|如期|已经)(?:完成|办结|落实|兑现)"
                       r"|(?:惠民|为民|民生)实事[^。；]{0,12}(?:全部|均已|全面|圆满)(?:完成|办结|落实|兑现)")
_CLAIM_COUNT = re.compile(rf"(\d+|{words.CN}+)(?:件|大|项)[^，。；]{{0,6}}?(?:惠民|为民|民生)?实事")

# Binding-class targets: energy, emissions, air and water, land and forest (约束性指标).
BINDING_WORDS = re.compile(r"约束性|节能|减排|降碳|能耗|能源|排放|污染|生态环境|环境质量|空气质量|优良天数|水质|水资源|水耗|PM2\.?5|PM_2\.5|细颗粒物|耕地|森林覆盖率|用水总量|碳排放")
# What a binding-class target is about, so the review's nearest figures can be shown for it.
BINDING_FAMILIES = {
    "energy": re.compile(r"节能|能耗|(?<!新)能源"),
    "carbon": re.compile(r"降碳|碳排放|二氧化碳|碳达峰"),
    "emission": re.compile(r"减排|排放|污染物"),
    "air": re.compile(r"空气|大气|PM_?2\.?5|细颗粒物|优良天数|环境质量"),
    "water": re.compile(r"水质|水体|断面|水环境|水耗|用水|水资源|环境质量"),
    "land": re.compile(r"耕地|土壤"),
    "forest": re.compile(r"森林|造林|绿化"),
}
_DONE = r"(?:全面|全部|均|圆满|顺利|超额|如期)(?:完成|实现|达标)"
BINDING_DONE = re.compile(rf"约束性指标[^。；，]{{0,12}}?(?:{_DONE}|完成|实现|达到)"
                          rf"|(?:国家|中央|上级|省)(?:下达|考核)的?[^。；]{{0,16}}?(?:目标|任务|指标)[^。；]{{0,8}}?{_DONE}"
                          rf"|(?:节能减排|节能降碳|减排降碳|能耗双控|污染减排|节能)[^。；]{{0,10}}?(?:目标|任务)[^。；]{{0,6}}?(?:{_DONE}|完成)")
BINDING_MISSED = re.compile(r"约束性指标[^。；]{0,8}?未(?:能)?(?:如期)?(?:完成|实现)")


def list_claim(text: str) -> bool:
    """True when a passage says a whole 实事 list was done ("10件惠民实事全部完成", "十大民生实事项目全面完成")."""
    return bool(LIST_DONE.search(text))


def list_claim_count(text: str) -> int | None:
    """How many items a list claim counts ("9件省列为民实事全部完成" -> 9), if it says."""
    m = _CLAIM_COUNT.search(text)
    if not m:
        return None
    return parse_int(m.group(1))


def binding_class(c: Commitment, binding_indicator: bool) -> bool:
    """True for a target of the binding class: a binding indicator of the vocabulary, or words of one."""
    return binding_indicator or bool(BINDING_WORDS.search(c.text or "") or BINDING_WORDS.search(c.indicator or ""))


def families(text: str) -> set[str]:
    """The binding families a text names (energy, carbon, emission, air, water, land, forest)."""
    return {name for name, pattern in BINDING_FAMILIES.items() if pattern.search(text or "")}


def binding_claim(text: str) -> tuple[str, re.Match] | None:
    """("done" | "not_done", the words) when text claims the binding targets met (or missed)."""
    m = BINDING_MISSED.search(text)
    if m:
        return "not_done", m
    m = BINDING_DONE.search(text)
    return ("done", m) if m else None
