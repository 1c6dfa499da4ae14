"""Stage 3 of verify_one: what in a review may speak of one commitment.

- `subject_of`: what the commitment is about: its indicator (the vocabulary's, or its own
  name), the words to match heads with, and, for a project or 实事 item, each quantity it
  pledges with the thing counted (改造老旧小区120个: 老旧小区).
- `gather`: passages found by search (their words) and by the ledger (their figures), and the
  ledger's figures read against the commitment: year figures of the same subject in its
  unit and sense, part-year and end-of-span ones, and what else of the subject was seen
  (a level where a rate was pledged, a five-year figure) for an honest reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import LCSseq

from tracker.ingest.normalize import fold
from tracker.model import TARGET, Commitment
from tracker.verify.heads import Quantity, clause_bounds, read, similarity
from tracker.verify.ledger import HEAD_MATCH, Entry, Ledger, head_indicator, match
from tracker.verify.lexicon import Indicator, known_in, resolve
from tracker.verify.passages import Passage
from tracker.verify.qualitative import indicators as sync_indicators, is_sync_target
from tracker.verify.quantities import convert
from tracker.verify.tokens import query_terms
from tracker.verify.verdict import compatible
from tracker import words

CANDIDATES = 12
# A passage found by its figures ranks at least this high among the evidence (before the boost).
LEDGER_FLOOR = 0.4
# A passage whose figure decides is raised by this much over passages found by words only.
# Both kept from the ledger's introduction; eval/measure.py on the development keys (issue 22)
# gives the same figures for FIGURE_BOOST from 0.1 to 0.5 (evidence@3 114/116 throughout).
FIGURE_BOOST = 0.35
# A pledged quantity's words this alike to a review figure's make it a candidate shown to the user,
# never a verdict (新建…示范县2个 / 新建省级美丽乡村示范村50个: 0.32). Set with the 示范县 fixture of
# tests/test_verify_rules.py; no development key target moves between 0.25 and 0.45.
NEAR_MATCH = 0.3
_DIGITS = re.compile(r"[\d.．%％×*]+")
_SPAN_TARGET = re.compile(rf"{words.FIVE_YEAR_PLAN}|[两三四五]年(?:内|来|间)|{words.SPAN_TOTAL}|{words.ANNUAL_AVERAGE}")
# Verbs a project counts with, and words that only set the scene (for the thing counted).
_COUNT_VERB = re.compile(r"^(?:新建|改建|扩建|改扩建|新改建|建成|建设|新增|改造|提升|完成|实施|开展|打造|创建|培育|培训|引进|安置|提供|"
                         r"解决|发放|打通|新开工|开工|基本建成|推广|更新|整治|治理|修复|增设|选派|帮扶|救助|接种|筛查|补充|维护|落实)+")
_VERB_END = re.compile(r"(?:新建|建成|基本建成|新开工|开工|改造|完成|实施|提供|新增|解决|安置)+$")
_SCENE = re.compile(r"^(?:为|对|在|向|给|全[省市区县]|本[省市区]|今年|年内|年底前|力争|确保|累计|共)+")


@dataclass(frozen=True)
class Pledged:
    """One quantity a commitment pledges, with the thing it counts."""

    q: Quantity
    noun: str            # what is counted (老旧小区, 幼儿园); "" when the clause names only a verb
    ind: Indicator | None


@dataclass(frozen=True)
class Subject:
    """What a commitment is about."""

    commitment: Commitment
    indicator: Indicator | None
    names: tuple[str, ...]
    pledged: tuple[Pledged, ...] = ()      # a project's or item's quantities
    several_years: bool = False


@dataclass
class Scored:
    """A passage with how well it matches the commitment (0..1) and the query's coverage."""

    passage: Passage
    sim: float
    cov: float


@dataclass(frozen=True)
class Reading:
    """A ledger figure read against the commitment."""

    entry: Entry
    value: float          # in the commitment's unit and sense (converted)
    level: bool = False   # the paired level (增长15%，达到150亿元) rather than the main figure
    subject: float = 1.0  # how surely the same subject (ledger.match)
    pledged: int = 0      # which pledged quantity (projects, items)
    same: bool = True     # names what the commitment counts (a verdict), else a candidate


@dataclass
class Candidates:
    """Stage 3's output: passages and figures for the verdict stage."""

    passages: list[Scored] = field(default_factory=list)
    year: list[Reading] = field(default_factory=list)      # outcomes of the plan year
    part: list[Reading] = field(default_factory=list)      # part of the plan year
    end: list[Reading] = field(default_factory=list)       # end of a span ending with the plan year
    prior: list[Entry] = field(default_factory=list)       # levels of the year before (same subject)
    seen: list[Entry] = field(default_factory=list)        # the subject's figures that cannot decide
    near: list[Reading] = field(default_factory=list)      # figures of something alike: candidates only
    terms: list[str] = field(default_factory=list)


def indicator_of(c: Commitment) -> Indicator | None:
    """The indicator a commitment is about (targets, and others naming a known one)."""
    if c.indicator or c.kind == TARGET:
        return resolve(c.indicator, c.text if c.kind == TARGET else "")
    if c.value is not None and c.unit:
        # "把居民消费价格涨幅控制在3.5%左右" listed as a project is still about a known indicator
        return known_in(c.text)
    return None


def query_of(c: Commitment) -> tuple[list[str], dict[str, float]]:
    """Index terms and weights of a commitment's query."""
    return _query(c, indicator_of(c))


@lru_cache(maxsize=65536)
def _query(c: Commitment, ind: Indicator | None) -> tuple[list[str], dict[str, float]]:
    """Index terms for a commitment and weights favouring the indicator's names."""
    boost: dict[str, float] = {}
    terms: list[str] = []
    if ind is not None:
        for alias in ind.aliases:
            for t in query_terms(alias):
                boost[t] = 2.0
                terms.append(t)
    if c.kind != TARGET or ind is None or not ind.known:
        terms.extend(query_terms(_DIGITS.sub(" ", c.text)))
    if is_sync_target(c):
        for other in sync_indicators():
            terms.extend(t for alias in other.aliases for t in query_terms(alias))
    return list(dict.fromkeys(terms)), boost


def subject_of(c: Commitment) -> Subject:
    """What c is about: its indicator and names; a project's pledged quantities and what they count."""
    ind = indicator_of(c)
    names = tuple(dict.fromkeys((*(ind.aliases if ind else ()), *((c.indicator,) if c.indicator else ()))))
    several = (c.period not in (None, "", "year")) or c.annual_average or bool(_SPAN_TARGET.search(c.text))
    if c.kind == TARGET and ind is not None and not ind.known and c.value is not None:
        # "一产、二产、三产增加值分别增长5.5%左右…" named 一产: the clause's own words for its figure
        own = [h for q in read(fold(c.text)) if abs(q.value - c.value) < 1e-9 for h in q.heads if h]
        names = tuple(dict.fromkeys((*names, *own)))
    pledged: list[Pledged] = []
    if c.kind != TARGET or ind is None:
        for q in read(fold(c.text)):
            if q.unit == "岁" or q.span or q.start_value:
                continue    # 为65岁以上老年人…: an age says who, not how many
            head = q.heads[0]
            pledged.append(Pledged(q, counted(q, c.subject), head_indicator(head) if head else None))
    return Subject(c, ind, names, tuple(pledged), several)


def counted(q: Quantity, subject: str | None = None) -> str:
    """The thing a pledged quantity counts: the object after it (新建50所幼儿园), else its head
    without the verbs (改造老旧小区 -> 老旧小区, 保障性住房基本建成 -> 保障性住房)."""
    if len(q.heads) > 1 and q.heads[0] != q.heads[1]:
        return q.heads[0][len(q.heads[1]):]
    head = _SCENE.sub("", q.heads[0])
    noun = _COUNT_VERB.sub("", _VERB_END.sub("", head)) or _VERB_END.sub("", head)
    if not noun and subject:
        noun = subject
    return noun


def gather(subject: Subject, review, ledger: Ledger, plan_year: int | None, prior: Ledger | None = None) -> Candidates:
    """Passages and figures of review that may speak of subject."""
    c, ind = subject.commitment, subject.indicator
    terms, boost = _query(c, ind)
    out = Candidates(terms=terms)
    if not terms:
        return out
    top = review.index.max_score(terms, boost)
    core = fold(_DIGITS.sub("", c.text))[:40]
    held: dict[int, Scored] = {}
    for i, raw in review.index.search(terms, CANDIDATES, boost):
        p = review.passages[i]
        cov = min(raw / top, 1.0)
        # Character overlap: share of the commitment's characters found in order in the passage.
        sim = max(cov, LCSseq.similarity(core, p.folded) / len(core) if len(core) >= 4 else 0.0)
        held[id(p)] = Scored(p, sim, cov)

    def scored(p: Passage) -> Scored:
        if id(p) not in held:
            sim = LCSseq.similarity(core, p.folded) / len(core) if len(core) >= 4 else 0.0
            held[id(p)] = Scored(p, max(sim, LEDGER_FLOOR), 0.0)
        return held[id(p)]

    if c.kind == TARGET and ind is not None:
        _target_readings(subject, ledger, out, scored)
    else:
        _pledge_readings(subject, ledger, out, scored)
    for e in (prior.entries if prior else []) + ledger.prior:
        if _same_subject(subject, e) and e not in out.prior:
            out.prior.append(e)
    for r in out.year:
        s = scored(r.entry.passage)
        s.sim = max(s.sim, min(1.0, s.sim + FIGURE_BOOST) if r.same else s.sim)
    out.passages = sorted(held.values(), key=lambda s: s.sim, reverse=True)
    return out


def _same_subject(subject: Subject, e: Entry) -> bool:
    if subject.commitment.kind == TARGET and subject.indicator is not None:
        return match(e, subject.indicator, subject.names) > 0
    return any(match(e, p.ind, p.q.heads) > 0 for p in subject.pledged)


def _target_readings(subject: Subject, ledger: Ledger, out: Candidates, scored) -> None:
    """The ledger's figures of a target's indicator, in its unit and sense, by the year they speak of."""
    c, ind = subject.commitment, subject.indicator
    lists = {"year": out.year, "part": out.part, "end": out.end}
    for e in ledger.near(ind.name if ind.known else None, subject.names):
        m = match(e, ind, subject.names)
        if m <= 0 or e.when == "prior":
            continue
        scored(e.passage)
        reading = None
        if e.when != "span":
            for level in (False, True):
                if (level and c.level_value is None) or (not level and c.value is None):
                    continue
                v = compatible(c, ind, e.q, level)
                if v is not None:
                    reading = Reading(e, v, level, m)
                    break
        if reading is None:
            out.seen.append(e)
        else:
            lists[e.when].append(reading)


def _pledge_readings(subject: Subject, ledger: Ledger, out: Candidates, scored) -> None:
    """A project's or item's pledged quantities against the review's figures of the same kind."""
    for k, p in enumerate(subject.pledged):
        for e in ledger.near(p.ind.name if p.ind else None, p.q.heads):
            if e.when == "prior":
                continue
            m = match(e, p.ind, p.q.heads) if p.ind is not None else similarity(p.q.heads, e.q.heads)
            keyed = m < HEAD_MATCH and _same_verb_or_object(p.q, e.q)
            if m < HEAD_MATCH and not keyed:
                v = convert(e.q.value, e.q.unit, p.q.unit)
                if e.when == "year" and m >= NEAR_MATCH and v is not None and p.q.measure == e.q.measure:
                    out.near.append(Reading(e, v, False, m, k, False))
                continue
            v = convert(e.q.value, e.q.unit, p.q.unit)
            if v is None or p.q.measure != e.q.measure:
                out.seen.append(e)
                continue
            same = _names_the_same(p.noun, e)
            reading = Reading(e, v, False, max(m, HEAD_MATCH if keyed else 0.0), k, same)
            if e.when == "year":
                out.year.append(reading)
            elif e.when == "part":
                out.part.append(reading)
            else:
                out.seen.append(e)
            scored(e.passage)


def _same_verb_or_object(a: Quantity, b: Quantity) -> bool:
    """True when two quantities share the verb right before the figure (基本建成470万套 /
    基本建成544万套) or the object right after it (6000万农村人口 / 6600多万农村人口)."""
    va = re.search(r"[\u4e00-\u9fff]{2,4}$", a.heads[-1] or "")
    if va and b.heads[-1].endswith(va.group(0)):
        return True
    if a.heads[-1] and len(a.heads[-1]) <= 4 and _VERB_END.fullmatch(a.heads[-1]) and a.heads[-1] in b.heads[0]:
        return True     # 新开工630万套 / 新开工保障性安居工程666万套: the same verb, the object between
    oa = a.heads[0][len(a.heads[-1]):] if len(a.heads) > 1 else ""
    ob = b.heads[0][len(b.heads[-1]):] if len(b.heads) > 1 else ""
    return bool(oa and ob and (oa.startswith(ob[:2]) and len(ob) >= 2))


def _names_the_same(noun: str, e: Entry) -> bool:
    """A verdict needs the review to name what the commitment counts: the thing's last two
    characters in the figure's words or its clause (示范县 is not 示范村)."""
    if not noun:
        return False
    tail = noun[-2:]
    if any(tail in h for h in e.q.heads):
        return True
    a, b = clause_bounds(e.passage.folded, e.q.start)
    return tail in e.passage.folded[a:b]
