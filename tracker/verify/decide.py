"""Stage 4 of verify_one: the verdict on one commitment from its candidates, with an honest reason.

The rules, in order; the first that decides wins:
 1. a ranking target against a stated rank of the same thing among the same peers (rank.py);
 2. a target of several years is not settled by one year;
 3. a figure of the plan year for the same subject: compared (verdict.judge), a bound
    ("超过…", "…以上") deciding only when it is enough; for a project or 实事 item every
    pledged quantity found, and a verdict only when the review names what it counts;
 4. growth computed from two levels (the plan year's and the year before's), said so;
 5. part of the plan year only (a half-year summary): in progress;
 6. the level at the end of a span ending with the plan year (五年回顾: 研发投入强度达3.38%);
 7. keeping pace and comparisons (居民收入增长与经济增长同步, A增速高于B增速) from the two figures;
 8. direction-only and steady targets from a stated change (qualitative.trend_verdict), and a
    stated direction with the year before's level (粮食总产连续6年增长; 上年514.4万吨);
 9. a claim that the binding targets were met, for a binding-class target (claims.py);
10. words about the item itself (已建成, 未完成, 开工) in the clause naming it;
11. a claim about a whole 实事 list, for each item of a list of that length;
12. otherwise unknown, saying what was found and why it cannot decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.model import LIVELIHOOD, TARGET, Commitment
from tracker.verify import rules
from tracker.verify.candidates import Candidates, Reading, Subject
from tracker.verify.claims import BINDING_WORDS, LIST_DONE, binding_class, binding_claim, families, list_claim_count
from tracker.verify.heads import Quantity, clause_bounds, read, statements, similarity
from tracker.verify.ledger import HEAD_MATCH, Entry, head_indicator, match
from tracker.verify.lexicon import mentions_of, pair_mentions
from tracker.verify.passages import BIGRAM, Passage, best_clause, clause_at
from tracker.verify.period import classify, period_ok
from tracker.verify.qualitative import comparison_verdict, is_sync_target, sync_verdict, trend_verdict
from tracker.verify.quantities import convert, family
from tracker.verify.rank import judge_rank, ranks, same_thing, target_rank
from tracker.verify.verdict import STATUS_WORDS, in_target_sense, judge, words_status
from tracker.verify.actuals import progress_share

# Both from before issue 22 (the rules on words), unchanged: a clause or passage must hold this share
# of the commitment's idf-weighted query terms to speak for it.
MIN_CLAUSE_COVERAGE = 0.65
MIN_COVERAGE = 0.5
# Scores of verdicts that rest on a claim or a computation rather than the item's own figure: they
# order suggestions for the user (a figure of the item itself ranks above), no threshold reads them.
CLAIM_SCORE = 0.5
COMPUTED_SCORE = 0.8
# A rate stated only against the country's: "增速均高于全国平均水平", "快于全国0.4个百分点".
_RELATIVE = re.compile(r"(?:高于|快于|低于|慢于|好于|优于|领先)全国(?:平均水平|平均|水平)?(?:\d+(?:\.\d+)?个百分点)?")


@dataclass
class Verdict:
    """What the verdict stage decided: status, figure, reason, the passage that decided first."""

    status: str
    reason: str
    actual: float | None = None
    first: list[tuple[Passage, float]] | None = None    # passages to put first in the evidence
    progress: float | None = None
    score: float = 0.0


def decide(subject: Subject, cand: Candidates, review, plan_year: int | None, list_size: int | None = None) -> Verdict:
    """The verdict on subject's commitment from its candidates."""
    c = subject.commitment
    if not cand.terms:
        return Verdict("unknown", "承诺文本中没有可检索的词语")
    same_year = review.report_year is not None and review.report_year == plan_year
    for rule in (_rank, _several_years, _figure, _from_levels, _part_year, _end_of_span, _comparison,
                 _trend, _binding, _by_words, _list):
        v = rule(subject, cand, review, plan_year, same_year, list_size)
        if v is not None:
            return v
    return _unknown(subject, cand, review, plan_year)


def _sim(cand: Candidates, p: Passage) -> float:
    return next((s.sim for s in cand.passages if s.passage is p), 0.5)


def _rank(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    c = subject.commitment
    if c.measure != "rank":
        return None
    want = target_rank(c.text)
    if want is None:
        return None
    candidate = None
    for s in cand.passages:
        p = s.passage
        if not period_ok(p, plan_year, review):
            continue
        for got in ranks(p.folded):
            if not same_thing(want, subject.names, got, HEAD_MATCH):
                continue
            found = judge_rank(want, c.value, got)
            quote = _cue(p.text[max(0, got.start - 30):got.end])
            if found is not None:
                status, reason = found
                return Verdict(status, reason, float(got.position) if got.position else None, [(p, 0.9)], score=0.9)
            candidate = candidate or (p, quote, got)
    if candidate is not None:
        p, quote, got = candidate
        why = "比较范围不同" if got.group != want.group else "名次不足以判定"
        return Verdict("unknown", f"报告有“{quote}”，{why}（候选证据，请核对）", first=[(p, 0.5)])
    return None


def _several_years(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    if subject.several_years:
        return Verdict("unknown", "多年目标，一年的数据不能判定")
    return None


def _best(readings: list[Reading], cand: Candidates) -> Reading:
    return max(readings, key=lambda r: (r.same, r.subject, not r.level, _sim(cand, r.entry.passage)))


def _figure(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    c = subject.commitment
    if review.part_year:
        return None
    if c.kind == TARGET and subject.indicator is not None:
        return _target_figure(subject, cand, c)
    return _pledge_figure(subject, cand, c, review)


def _target_figure(subject: Subject, cand: Candidates, c: Commitment) -> Verdict | None:
    ind = subject.indicator
    decided = []
    for r in sorted(cand.year, key=lambda r: (-r.subject, r.level, -_sim(cand, r.entry.passage))):
        status, reason = _judge_bounded(c, ind, r)
        if status is None:
            continue
        decided.append((r, status, reason))
    if not decided:
        return None
    main = [d for d in decided if not d[0].level]
    r, status, reason = (main or decided)[0]
    other = next((d for d in decided if d[0].level != r.level), None)
    if other is not None:
        reason += "；总量：" + other[2]
    elif r.level:
        reason += "；报告未给出增速"
    if "同口径" in r.entry.passage.text:
        reason += "（报告按同口径计算）"
    if r.subject < 1.0:
        reason += f"（报告所用名称：“{r.entry.q.heads[0]}”）"
    sim = _sim(cand, r.entry.passage)
    v = in_target_sense(c, r.value, r.level)
    return Verdict(status, reason, v, [(r.entry.passage, min(1.0, sim + 0.35))], score=min(1.0, sim + 0.35))


def _judge_bounded(c: Commitment, ind, r: Reading) -> tuple[str | None, str]:
    """judge() for a figure, or for a bound only when the bound is enough (超过X against X or less)."""
    status, reason = judge(c, ind, r.value, r.level)
    bound = r.entry.q.bound
    if bound not in ("lower", "upper"):
        return status, reason
    good_up = judge(c, ind, r.value + (1e6 if bound == "lower" else -1e6), r.level)[0]
    if status == "done" and good_up == "done":
        words = "以上" if bound == "lower" else "以内"
        return "done", reason.replace("实际为", "实际在", 1).replace("实际增长", "实际增长", 1) + f"（报告所说为{words}）"
    return None, reason


def _pledge_figure(subject: Subject, cand: Candidates, c: Commitment, review) -> Verdict | None:
    if not subject.pledged or not cand.year:
        return None
    found: dict[int, Reading] = {}
    for r in cand.year:
        if r.pledged not in found or _best([found[r.pledged], r], cand) is r:
            found[r.pledged] = r
    if not any(r.same for r in found.values()):
        r = _best(list(found.values()), cand)
        noun = subject.pledged[r.pledged].noun or "承诺所指"
        quote = _quote_at(r.entry)
        return Verdict("unknown", f"报告有“{quote}”，但未写明是否就是{noun}，不作判定（候选证据，请核对）",
                       first=[(r.entry.passage, 0.5)], score=0.5)
    parts, shares, first = [], [], []
    for k, r in sorted(found.items()):
        if not r.same:
            continue
        p = subject.pledged[k]
        unit = p.q.unit
        share = r.value / p.q.value if p.q.value else 1.0
        shares.append(min(share, 1.0))
        parts.append(f"{_quote_at(r.entry)}（承诺{_n(p.q.value)}{unit}）")
        first.append((r.entry.passage, min(1.0, _sim(cand, r.entry.passage) + 0.35)))
    missing = [p.noun or p.q.heads[0] for k, p in enumerate(subject.pledged) if k not in found]
    low = min(shares)
    if low >= 1.0 - 1e-9:
        status = "done"
        reason = "报告称" + "；".join(parts) + "，达到承诺"
    else:
        # a report of part of the year is still on the way; one of the whole year fell short
        status = "in_progress" if review.part_year else "partial"
        reason = "报告称" + "；".join(parts) + f"，完成承诺的{low:.0%}"
    if missing:
        reason += f"（{'、'.join(missing)}未见报告）"
    main = found.get(0) or next(iter(found.values()))
    return Verdict(status, reason, main.value if main.same else None, first, progress=None if low >= 1 else low,
                   score=first[0][1])


def _from_levels(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    """A growth target with only levels: growth from this year's level and the year before's."""
    c, ind = subject.commitment, subject.indicator
    if c.kind != TARGET or c.measure != "growth" or c.unit not in ("%",) or c.value is None or not cand.prior:
        return None
    levels = [e for e in cand.seen if e.when == "year" and e.q.measure == "level" and e.q.bound in (None, "about")
              and not e.q.sub_year]
    for e in levels:
        for before in cand.prior:
            old = convert(before.q.value, before.q.unit, e.q.unit)
            if old is None or old <= 0 or before.q.bound not in (None, "about"):
                continue
            growth = round((e.q.value / old - 1) * 100, 1)
            status, reason = judge(c, ind, growth)
            said = (f"由总量推算：当年{_n(e.q.value)}{e.q.unit}，上年{_n(before.q.value)}{before.q.unit}"
                    f"（{_source_of(before, review)}“{_quote_at(before)}”），增长{_n(growth)}%（报告未直接给出增速）；")
            return Verdict(status, said + reason, in_target_sense(c, growth),
                           _in_review([(e.passage, COMPUTED_SCORE), (before.passage, COMPUTED_SCORE)], review),
                           score=COMPUTED_SCORE)
    return None


def _part_year(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    if not same_year or subject.several_years:
        return None
    parts = cand.part + (cand.year if review.part_year else [])
    if not parts:
        return None
    r = parts[0]
    return Verdict("in_progress", f"目前只有年内部分时段的数据（{r.value:g}{subject.commitment.unit or ''}）",
                   None, [(r.entry.passage, 0.6)], score=0.6)


def _end_of_span(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    c = subject.commitment
    if c.kind != TARGET or not cand.end:
        return None
    for r in sorted(cand.end, key=lambda r: -r.subject):
        status, reason = _judge_bounded(c, subject.indicator, r)
        if status is None:
            continue
        quote = _quote_at(r.entry)
        reason = f"报告在多年回顾中给出期末水平“{quote}”（即{plan_year}年的水平）；{reason}"
        return Verdict(status, reason, in_target_sense(c, r.value, r.level), [(r.entry.passage, COMPUTED_SCORE)],
                       score=COMPUTED_SCORE)
    return None


def _comparison(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    c = subject.commitment
    if c.value is not None:
        return None
    if is_sync_target(c):
        found = sync_verdict(c, plan_year, review)
        if found is None:
            return Verdict("unknown", "后续文件未同时给出当年居民收入增速和经济增速")
        status, reason, passages = found
        return Verdict(status, reason, None, [(p, 0.9) for p in passages], score=0.9 if status != "unknown" else 0.0)
    found = comparison_verdict(c, plan_year, review)
    if found is None:
        return None
    status, reason, passages = found
    return Verdict(status, reason, None, [(p, 0.9) for p in passages], score=0.9 if status != "unknown" else 0.0)


def _trend(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    c, ind = subject.commitment, subject.indicator
    if c.kind == TARGET and ind is not None and c.value is None and c.level_value is None:
        found = trend_verdict(c, ind, plan_year, review, [s.passage for s in cand.passages])
        if found:
            status, v, p, reason = found
            score = min(1.0, _sim(cand, p) + 0.35)
            return Verdict(status, reason, v, [(p, score)], score=score)
    # "粮食总产连续6年增长" with the year before's level: a floor met by that level is met again
    if (rules.on("direction_with_prior") and c.kind == TARGET and ind is not None and c.value is not None
            and c.measure == "level" and cand.prior):
        for s in cand.passages:
            p = s.passage
            if not period_ok(p, plan_year, review):
                continue
            for st in statements(p.folded):
                if st.direction <= 0 or not any(match(_as_entry(p, h, st), ind, subject.names) > 0 for h in st.heads):
                    continue
                for before in cand.prior:
                    old = convert(before.q.value, before.q.unit, c.unit)
                    if old is None or before.q.bound not in (None, "about"):
                        continue
                    status, reason = judge(c, ind, old)
                    if status == "done" and ind.better == "higher":
                        why = (f"报告称“{_cue(st.words, width=40)}”，上年为{_n(before.q.value)}{before.q.unit}"
                               f"（{_source_of(before, review)}“{_quote_at(before)}”），当年高于上年，"
                               f"故达到目标{_n(c.value)}{c.unit}（推算，请核对）")
                        return Verdict("done", why, None,
                                       _in_review([(p, COMPUTED_SCORE), (before.passage, COMPUTED_SCORE)], review),
                                       score=COMPUTED_SCORE)
    return None


def _in_review(first: list[tuple[Passage, float]], review) -> list[tuple[Passage, float]]:
    """Only passages of the review are evidence (the plan's own figures are quoted in the reason)."""
    own = {id(p) for p in review.passages}
    return [(p, s) for p, s in first if id(p) in own]


def _source_of(e: Entry, review) -> str:
    return "报告" if any(p is e.passage for p in review.passages) else "计划文件"


def _as_entry(p: Passage, head: str, st) -> Entry:
    """A statement's name as a ledger entry, to match it the way figures are matched."""
    known = head_indicator(head)
    return Entry(p, Quantity(0.0, "%", "growth", st.start, st.end, (head,)), known.name if known else None, "year")


def _binding(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    c, ind = subject.commitment, subject.indicator
    if c.kind != TARGET or c.value is not None or not binding_class(c, bool(ind and ind.binding)):
        return None
    for p in review.year_passages(plan_year):
        found = binding_claim(p.folded)
        if found is None:
            continue
        status, m = found
        quote = _cue(p.text, re.compile(re.escape(p.text[m.start():m.end()])))
        if status == "done":
            return Verdict("done", f"报告称“{quote}”（约束性指标的整体表述，适用于本项，请核对）", None,
                           [(p, CLAIM_SCORE)], score=CLAIM_SCORE)
        return Verdict("unknown", f"报告称“{quote}”，未说明是哪一项", None, [(p, CLAIM_SCORE)])
    return None


def _by_words(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    """A verdict from words (已建成, 未完成, 开工) in the clause of a passage that names the commitment."""
    c, ind = subject.commitment, subject.indicator
    terms = cand.terms
    nouns = [p.noun for p in subject.pledged if p.noun]
    for s in cand.passages:
        p, sim, cov = s.passage, s.sim, s.cov
        if not period_ok(p, plan_year, review):
            continue
        if ind is not None and c.kind == TARGET:
            spans = mentions_of(ind, p.folded)
            if not spans:
                continue
            clause = clause_at(p.text, spans[0][0])
        else:
            clause = best_clause(p.text, terms)
            # the clause must name the item itself (what it counts: “两癌”筛查), not only share a word or two
            named = any(_plain(n)[-4:] in _plain(clause) for n in nouns if len(_plain(n)) >= 4)
            if not named and (cov < MIN_COVERAGE or review.index.coverage(terms, clause) < MIN_CLAUSE_COVERAGE
                              or len(set(terms).intersection(_bigrams(clause))) < 2):
                continue
        status = words_status(clause)
        if status is None:
            continue
        if status == "done" and nouns and not any(n[-2:] in clause for n in nouns):
            continue    # done only when the clause names what the pledge counts
        quote = _cue(clause, STATUS_WORDS[status])
        if status == "not_done" and ind is not None and ind.better == "lower" and "预期" in quote:
            # "CPI涨幅未达年初预期": prices under the expected rise; lower is better, so the reader decides
            return Verdict("unknown", f"报告称“{quote}”（该指标低者为好，未达预期是否算未完成，请核对）",
                           None, [(p, sim)])
        share = progress_share(clause, c.value, c.unit)
        if share is not None and share < 1.0:
            status = "in_progress" if same_year else "partial"
        return Verdict(status, f"报告称“{quote}”", None, [(p, sim)], progress=share, score=sim)
    return None


def _plain(text: str) -> str:
    """text without quotes, brackets and spaces (“两癌”筛查 -> 两癌筛查)."""
    return re.sub(r"[\s“”\"'‘’《》〈〉（）()]", "", text)


def _bigrams(text: str) -> set[str]:
    return set(BIGRAM.findall(text))


def _list(subject, cand, review, plan_year, same_year, list_size) -> Verdict | None:
    c = subject.commitment
    if c.kind != LIVELIHOOD:
        return None
    for p in review.claims():
        n = list_claim_count(p.text)
        if n is not None and (c.number is not None and c.number > n or list_size and list_size != n):
            continue    # a claim about a list of another length
        if period_ok(p, plan_year, review):
            # A claim about the whole list, not about this item: the user confirms it.
            return Verdict("done", f"后续报告所称“{_cue(p.text, LIST_DONE)}”（清单整体表述，请逐项核对）", None,
                           [(p, CLAIM_SCORE)], score=CLAIM_SCORE)
    return None


def _unknown(subject: Subject, cand: Candidates, review, plan_year: int | None) -> Verdict:
    """Unknown, saying what the review gives of the subject and why it cannot decide."""
    c, ind = subject.commitment, subject.indicator
    if ind is not None and c.kind == TARGET:
        for s in cand.passages:
            p = s.passage
            m = _RELATIVE.search(p.text)
            if m and mentions_of(ind, p.folded) and period_ok(p, plan_year, review):
                return Verdict("unknown", f"报告只与全国比较（“{_cue(p.text, _RELATIVE)}”），没有当年数值", first=[(p, 0.5)])
    seen = _what_was_seen(subject, cand)
    if seen is not None:
        return seen
    if cand.near:
        r = max(cand.near, key=lambda r: r.subject)
        noun = subject.pledged[r.pledged].noun or "承诺所指"
        return Verdict("unknown", f"报告有“{_quote_at(r.entry)}”，与承诺的{noun}不是同一对象，不作判定（候选证据，请核对）",
                       first=[(r.entry.passage, 0.5)])
    if c.kind != TARGET:
        # "确保世纪大桥7月份建成通车" pledged again among next year's tasks: likely not finished.
        # (A target recurring with the same value says nothing either way: targets are left out.)
        for s in cand.passages:
            p = s.passage
            if (classify(p, plan_year, review) == "plan" and review.report_year != plan_year
                    and review.index.coverage(cand.terms, p.text) >= MIN_CLAUSE_COVERAGE):
                return Verdict("unknown", f"后续文件未报告完成情况；又列为下一年任务（“{_cue(p.text)}”），可能尚未完成")
    named = _named_in_year(subject, cand, review, plan_year)
    if named is not None:
        p, clause = named
        return Verdict("unknown", f"报告提及“{_cue(clause)}”，但没有可比的数值", first=[(p, 0.5)])
    near = _binding_figures(subject, review, plan_year) if rules.on("binding_figures") else []
    if near:
        p, clause = near[0]
        return Verdict("unknown", f"报告有“{_cue(clause)}”等，但没有说明目标任务是否完成，不能判定（请核对）",
                       first=[(q, 0.5) for q, _ in near])
    return Verdict("unknown", "后续文件未提及可比数据")


def _binding_figures(subject: Subject, review, plan_year: int | None) -> list[tuple[Passage, str]]:
    """(passage, clause) of the plan year's clauses most like a binding-class target (规上工业单位
    增加值能耗下降5.2% for 完成节能减排降碳任务), best first: the most families shared (energy, air,
    water…), then a figure or a stated change. Shown, never decided."""
    c, ind = subject.commitment, subject.indicator
    if c.kind != TARGET or c.value is not None or not binding_class(c, bool(ind and ind.binding)):
        return []
    want = families(c.text)
    found = []
    for p in review.year_passages(plan_year):
        if not BINDING_WORDS.search(p.folded):
            continue
        said = {q.start for q in read(p.folded)} | {st.start for st in statements(p.folded)}
        best = max(((len(want & families(p.folded[a:b])), int(any(a <= x < b for x in said)), a, b)
                    for a, b in _clause_spans(p.folded)), default=None)
        if best and best[0]:
            found.append((best[:2], p, p.text[best[2]:best[3]]))
    found.sort(key=lambda f: f[0], reverse=True)
    return [(p, clause) for _, p, clause in found[:3]]


def _clause_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in re.finditer(r"[，,；;。]", text):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _what_was_seen(subject: Subject, cand: Candidates) -> Verdict | None:
    """An honest unknown from the subject's figures that cannot decide, most telling first."""
    c = subject.commitment
    order = {"year": 0, "part": 1, "end": 2, "span": 3}
    for e in sorted(cand.seen, key=lambda e: order.get(e.when, 9)):
        quote = _quote_at(e)
        if e.when == "year" and e.q.bound in ("lower", "upper"):
            why = f"报告只说“{quote}”，不足以判定目标{_goal(c)}"
        elif e.when == "year" and c.measure == "growth" and e.q.measure == "level":
            why = f"报告只给出当年总量（“{quote}”），没有增速，也没有上年总量可推算"
        elif e.when == "year" and c.measure == "level" and e.q.measure == "growth" and family(c.unit)[0] != "%":
            why = f"报告只给出增速（“{quote}”），没有当年数值"
        elif e.when == "year" and c.value is None:
            why = f"报告有“{quote}”，但目标没有数值（{_cue(c.text, width=30)}），需对照下达的任务核对"
        elif e.when == "year":
            why = f"报告有“{quote}”，但与目标的口径或单位不同，不能比较"
        elif e.when == "span":
            why = f"报告只有多年数据（“{quote}”），不能判定当年"
        elif e.when == "end":
            why = f"报告只有多年回顾中的“{quote}”，不足以判定目标{_goal(c)}"
        else:
            continue
        return Verdict("unknown", why, first=[(e.passage, 0.5)])
    return None


def _named_in_year(subject: Subject, cand: Candidates, review, plan_year):
    """(passage, clause) of a year passage naming the target's indicator without a usable figure."""
    ind, c = subject.indicator, subject.commitment
    if ind is None or c.kind != TARGET:
        return None
    for s in cand.passages:
        p = s.passage
        if not period_ok(p, plan_year, review):
            continue
        spans = mentions_of(ind, p.folded) or [(a, b) for a, b, _ in pair_mentions(ind, p.folded)]
        if spans:
            return p, clause_at(p.text, spans[0][0])
        for st in statements(p.folded):
            if similarity(subject.names, st.heads) >= HEAD_MATCH:
                return p, st.words
    return None


def _goal(c: Commitment) -> str:
    if c.value is None:
        return ""
    return f"{_n(c.value)}{c.unit or ''}"


_ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+[、是])")


def _quote_at(e: Entry) -> str:
    """The clause of an entry's figure, verbatim (without a list item's number)."""
    a, b = clause_bounds(e.passage.folded, e.q.start)
    text = e.passage.text[a:b]
    return _cue(text[len(_ITEM_MARK.match(text).group(0)):] if _ITEM_MARK.match(text) else text)


def _n(x: float) -> str:
    return f"{x:g}"


def _cue(text: str, focus: re.Pattern | None = None, width: int = 60) -> str:
    """A verbatim quote of text for a reason line; a long text is cut to the clause where focus matches."""
    text = text.strip().rstrip("。；;，,")
    m = focus.search(text) if focus is not None and len(text) > width else None
    if m is not None:
        a = max(text.rfind(ch, 0, m.start()) for ch in "，,；;。：:") + 1
        ends = [i for i in (text.find(ch, m.end()) for ch in "，,；;。") if i >= 0]
        clause = text[a:min(ends) if ends else len(text)].strip()
        if len(clause) > width and m.end() - a > width - 1:
            return "…" + text[m.end() - width + 1:m.end()]   # keep the words that decide
        text = clause
    return text if len(text) <= width else text[:width - 1] + "…"
