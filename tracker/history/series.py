"""Indicator series: one government's target and outcome for one indicator, year by year.

A point's target is that year's plan; its outcome is the user's newest mark when there
is one (the user's word wins), else the best suggestion verification made from a later
report (the next year's review first). Indicator names are normalised by tracker.vocabulary
(the vocabulary search and verification read), so 国内生产总值 and 全省地区生产总值 are one
series (地区生产总值).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from tracker.errors import UserError
from tracker.extract.metadata import NATIONAL
from tracker.history.carried import indicator_name, revision
from tracker.labels import STATUS_LABELS, UNMARKED_LABEL, status_label
from tracker.store.links import FLAG_WORDS
from tracker.store import Filter
from tracker.vocabulary import resolve
from tracker.pairing import same_region

# Verdict words of a point: a status read as met / missed / unknown.
VERDICT = {"done": "met", "partial": "missed", "not_done": "missed"}
# The chart's colours, in the words of the rest of the app (tracker/labels.py); a year
# nobody has judged (no mark, no suggestion) is 未标记 as everywhere.
VERDICT_WORDS = {"met": STATUS_LABELS["done"], "missed": STATUS_LABELS["not_done"],
                 "unknown": STATUS_LABELS["unknown"], "unmarked": UNMARKED_LABEL}
# The national series: the country, not the organ that reports (国务院), and GDP by the name
# the national reports give it.
NATIONAL_TITLE = "全国"
_NATIONAL_NAMES = {"地区生产总值": "国内生产总值"}


def region_title(region: str | None) -> str:
    """A region as a reader names it: 全国 for the national reports' 国务院."""
    return NATIONAL_TITLE if region == NATIONAL else region or ""


def indicator_title(region: str | None, indicator: str) -> str:
    """An indicator as the reports of region name it (国内生产总值 for the country)."""
    return _NATIONAL_NAMES.get(indicator, indicator) if region == NATIONAL else indicator


@dataclass(frozen=True)
class Point:
    """One year of a series: the target and what became of it."""

    year: int
    commitment_id: int
    target: str                 # formatted ("增长7.5%左右")
    target_text: str            # the plan's clause
    value: float | None
    value_high: float | None
    unit: str | None
    measure: str | None
    report: str                 # the plan report's title
    line: int
    verdict: str = "unknown"    # met | missed | unknown
    status: str | None = None   # the stored status it comes from
    actual_value: float | None = None
    source: str | None = None   # "user" (a mark) | "auto" (a suggestion) | None
    evidence_text: str | None = None
    evidence_document: str | None = None    # the file name
    evidence_report: str | None = None      # the title of the report holding the line
    evidence_line: int | None = None
    reason: str | None = None
    carry: str | None = None    # 上调 / 下调 / 延续 against the year before

    @property
    def word(self) -> str:
        """The year's status as the table, the CLI and the sheet say it: 已完成 … 未核实, 未标记."""
        return status_label(self.status)

    @property
    def bucket(self) -> str:
        """met | missed | unknown, or unmarked when nothing says anything about the year."""
        return self.verdict if self.status else "unmarked"

    @property
    def where(self) -> str:
        """Where the outcome is said: the report's title and line (the file's name only when
        no report holds the line), as evidence is cited everywhere else."""
        source = self.evidence_report or self.evidence_document or ""
        return f"{source} 第{self.evidence_line}行".strip() if self.evidence_line else source


@dataclass(frozen=True)
class Series:
    """An indicator's points, oldest year first."""

    region: str
    indicator: str
    names: tuple[str, ...]      # the names the reports used
    points: tuple[Point, ...] = field(default_factory=tuple)

    @property
    def title(self) -> str:
        """全国 · 国内生产总值, 安徽省 · 地区生产总值: what the series is about, in a reader's words."""
        return f"{region_title(self.region)} · {indicator_title(self.region, self.indicator)}"

    def as_json(self) -> dict:
        """Plain dict for --json."""
        return {"region": self.region, "indicator": self.indicator, "names": list(self.names),
                "points": [asdict(p) for p in self.points]}


def in_series(row: dict) -> bool:
    """True for a row a series can hold: a target of one year's plan. A five-year (or other
    multi-year) goal is judged once, at its end: it has no year-by-year series."""
    return row.get("kind") == "target" and row.get("plan_year") is not None \
        and row.get("period") in (None, "", "year")


def _targets(store, region: str) -> list[dict]:
    """Current year targets of region's plans (any spelling of the region), with plan years."""
    regions = {r["region"] for r in store.reports() if same_region(r.get("region"), region)}
    out = []
    for reg in sorted(regions):
        for cid in store.query(Filter(region=reg, kind="target"), order="position"):
            c = store.commitment(cid)
            if in_series(c):
                out.append(c)
    return out


def indicators(store, region: str) -> list[tuple[str, int]]:
    """(normalised indicator, number of plan years targeting it) for region, most years first."""
    years: dict[str, set[int]] = {}
    for c in _targets(store, region):
        name = indicator_name(c)
        if name:
            years.setdefault(name, set()).add(c["plan_year"])
    return sorted(((n, len(y)) for n, y in years.items()), key=lambda t: (-t[1], t[0]))


def series(store, region: str, indicator: str) -> Series:
    """The series of indicator (any alias) for region; UserError when region or indicator has none."""
    if not region or not any(same_region(r.get("region"), region) for r in store.reports()):
        raise UserError(f"{region}: 没有这个地区的报告 / no reports of this region")
    wanted = resolve(indicator)
    if wanted is None:
        raise UserError(f"{indicator}: 请给出指标名称 / give an indicator name")
    rows = [c for c in _targets(store, region) if indicator_name(c) == wanted.name]
    if not rows:
        known = "、".join(n for n, _ in indicators(store, region)[:12])
        raise UserError(f"{indicator}: {region}没有这个指标的目标 / no target for this indicator "
                        f"(有 has: {known or '无 none'})")
    by_year: dict[int, list[dict]] = {}
    for c in rows:
        by_year.setdefault(c["plan_year"], []).append(c)
    # The measure most years use (growth for GDP), so a level target beside it stays out.
    measures = [cs[0].get("measure") for cs in by_year.values()]
    usual = max(sorted(set(measures), key=str), key=measures.count)
    report_years = {r["document_id"]: r.get("report_year") for r in store.reports()}
    points, chosen = [], {}
    for year in sorted(by_year):
        c = chosen[year] = next((x for x in by_year[year] if x.get("measure") == usual), by_year[year][0])
        # The change against the year before, as the carry-over links word it.
        carry = FLAG_WORDS[revision(chosen[year - 1], c)] if year - 1 in chosen else None
        points.append(_point(store, c, year, report_years, carry))
    names = tuple(dict.fromkeys((c.get("indicator") or "").strip() for c in rows if c.get("indicator")))
    return Series(region=region, indicator=wanted.name, names=names, points=tuple(points))


def _point(store, c: dict, year: int, report_years: dict, carry: str | None) -> Point:
    base = dict(year=year, commitment_id=c["id"], target=c.get("target") or "", target_text=c["text"],
                value=c.get("value"), value_high=c.get("value_high"), unit=c.get("unit"),
                measure=c.get("measure"), report=c.get("title") or "", line=c["line"], carry=carry)
    # The user's newest mark wins; an event stored by verification comes next; then suggestions.
    events = [e for e in store.history(c["id"]) if e.get("standing", True)]   # not undone, not an undo
    marks = [e for e in events if e.get("source") == "user"] or events
    if marks:
        e = marks[0]
        return Point(**base, verdict=VERDICT.get(e["status"], "unknown"), status=e["status"],
                     actual_value=e.get("actual_value"), source=e.get("source") or "user", evidence_text=e.get("evidence_text"),
                     evidence_document=e.get("evidence_document"), evidence_report=e.get("evidence_report"),
                     evidence_line=e.get("evidence_line"),
                     reason=e.get("note") or None)
    s = _best_suggestion(store.suggestions(c["id"]), year, report_years)
    if s is None:
        return Point(**base)
    first = s["evidence"][0] if s["evidence"] else {}
    doc = s.get("review_document_id")
    return Point(**base, verdict=VERDICT.get(s["status"], "unknown"), status=s["status"],
                 actual_value=s.get("actual_value"), source="auto", evidence_text=first.get("text"),
                 evidence_document=_document_name(store, doc), evidence_report=first.get("report_title"),
                 evidence_line=first.get("line"),
                 reason=s.get("reason") or None)


def _best_suggestion(items: list[dict], year: int, report_years: dict) -> dict | None:
    """The suggestion to show: not rejected, with a verdict, the next year's review first, best score."""
    live = [s for s in items if s.get("state") != "rejected" and s.get("status") not in (None, "unknown")]
    if not live:
        return None

    def rank(s: dict) -> tuple:
        ry = report_years.get(s.get("review_document_id"))
        return (ry != year + 1, -(s.get("score") or 0), s["id"])
    return min(live, key=rank)


def _document_name(store, doc_id) -> str | None:
    if doc_id is None:
        return None
    return next((d["name"] for d in store.documents() if d["id"] == doc_id), None)
