"""Headline targets stated outside the 主要预期目标 paragraph.

Some plans leave a headline indicator out of the target paragraph and give its rate
for the year in the work section instead ("…全年实施亿元以上项目1.6万个，投资增长7％左右。",
"…积极培育新的消费增长点，社会消费品零售总额增长7％左右。"). Such a clause states the
indicator, a growth verb and a rate, and nothing else; it is a target of the year,
not a project. A rate the section aims at or vouches for ("力争社会消费品零售总额增长5%以上",
"确保工业增加值增长12%以上") is a work pledge and stays a project; a headline indicator
the target paragraph already gives is not stated twice.
"""

from __future__ import annotations

import re

from tracker import words
from tracker.extract.plan_part import plan_starts
from tracker.extract.target_clauses import parse_clause
from tracker.extract.targets import clauses, sentences, target_commitment
from tracker.ingest.paragraphs import Paragraph
from tracker.model import Commitment, Report

# The headline indicators of Chinese statistical plans (place and 全年 prefixes dropped),
# each with the one name it is compared under.
_HEADLINE = (
    ("生产总值", r"(?:地区|国内)?生产总值|GDP|经济(?:增长|增速)?"),
    ("固定资产投资", r"(?:全社会)?固定资产投资|投资"),
    ("社会消费品零售总额", r"社会消费品零售总额|社会消费品零售额|社消零"),
    ("规模以上工业增加值", r"(?:规模以上|规上)工业增加值"),
    ("工业增加值", r"(?:全部)?工业增加值"),
    ("进出口", r"(?:外贸)?进出口(?:总额|总值)?|外贸"),
    ("一般公共预算收入", r"(?:地方)?一般公共预算收入|(?:地方)?财政收入"),
)
_PREFIX = r"(?:全年|今年|全[省市区县州旗]|本[省市区县])?"
_HEADLINE_RE = [(key, re.compile(f"^{_PREFIX}(?:{names})$")) for key, names in _HEADLINE]
# A quick look before parsing: a headline name straight before a growth verb.
_MENTION = re.compile("(?:" + "|".join(names for _, names in _HEADLINE) + r")\s*(?:增长|增速|增幅)")
_ASPIRATION = re.compile(r"力争|争取|努力|确保|预计|预期")
# A sentence about another period: "到2027年", "年均增长", "“十五五”", "五年".
_OTHER_PERIOD = re.compile(rf"年均|五年|{words.CN}+五|累计|到\s*\d{{4}}\s*年|截至|截止|比上年|同比")


def headline_key(indicator: str | None) -> str | None:
    """The headline indicator an extracted indicator name is ("规上工业增加值" -> its key), or None."""
    name = re.sub(r"\s+", "", indicator or "")
    for key, pattern in _HEADLINE_RE:
        if pattern.match(name):
            return key
    return None


def extract_headline_targets(report: Report, paras: list[Paragraph],
                             targets: list[Commitment]) -> list[Commitment]:
    """Rates of headline indicators given in the plan's work sections and missing from targets."""
    targets = [t for t in targets if t.period in (None, "year")]   # not "年均增长" over five years
    have = {headline_key(t.indicator) for t in targets}
    if not have - {None}:
        return []           # no target paragraph of the year to complete
    out: list[Commitment] = []
    taken = [(t.start, t.end) for t in targets]
    for para, start in zip(paras, plan_starts(paras, report.plan_year)):
        if start is None:
            continue
        text = para.folded
        for s, e in sentences(text, start, len(text)):
            if not _MENTION.search(text, s, e) or _OTHER_PERIOD.search(text, s, e):
                continue
            for c_start, c_end in clauses(text, s, e):
                found = parse_clause(text[c_start:c_end], c_start)
                if len(found) != 1 or _ASPIRATION.search(text, c_start, c_end):
                    continue
                t = found[0]
                key = headline_key(t.indicator)
                if key is None or key in have or t.measure != "growth" or t.unit not in ("%", "个百分点"):
                    continue
                c = target_commitment(para, t, "year")
                if any(c.start < b and a < c.end for a, b in taken):
                    continue
                have.add(key)
                out.append(c)
    return out

