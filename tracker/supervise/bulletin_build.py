"""The 通报 by unit from the store: the commitments a Filter selects, their lead units, the
office's status and schedule flags, each unit's latest report and its last form."""

from __future__ import annotations

from datetime import date

from tracker.display import commitment_line
from tracker.labels import UNMARKED
from tracker.sheet.build import scope_words
from tracker.store.query import Filter, as_of_date
from tracker.supervise.bulletin_data import (MARKS, BulletinData, BulletinItem, BulletinRule, UnitForms,
                                             UnitLine, UnitReport, bulletin_data)


def _title(rows: list[dict]) -> str:
    regions = sorted({r["region"] for r in rows if r.get("region")})
    years = sorted({r["plan_year"] for r in rows if r.get("plan_year")})
    where = "、".join(regions) if len(regions) <= 3 else f"{regions[0]}等{len(regions)}个地区"
    when = f"{years[0]}年" if len(years) == 1 else (f"{years[0]}—{years[-1]}年" if years else "")
    return f"{where}{when}承诺事项推进情况通报（按责任单位）"


def bulletin_from_store(store, f: Filter = Filter(), rule: BulletinRule = BulletinRule(),
                        title: str | None = None) -> BulletinData:
    """The 通报 of the commitments f selects."""
    as_of = as_of_date(f)
    ids = store.query(f, order="position")
    rows = store.rows(ids, as_of=as_of)
    shown = [rows[i] for i in ids if i in rows]
    assigned = [r for r in shown if r.get("lead_unit")]
    reports = store.forms.latest_of_units([r["id"] for r in assigned])
    awaiting = store.forms.awaiting()
    items = []
    for r in assigned:
        leads = tuple(r["lead_unit"].split("、"))
        own = {u: UnitReport(u, rep["status"], rep["progress"], date.fromisoformat(rep["date"]))
               for u in leads if (rep := reports.get((r["id"], u)))}
        items.append(BulletinItem(
            r["id"], commitment_line(r), r.get("deadline_text") or r.get("deadline") or "", leads,
            r.get("status") or UNMARKED, bool(r.get("overdue")), bool(r.get("behind")), own,
            frozenset(u for u in leads if r["id"] in awaiting.get(u, ()))))
    contacts = store.forms.contacts()
    forms = {u: UnitForms(u, last["sent"], last["due"], *contacts.get(u, ("", "")))
             for u, last in store.forms.last_sent().items()}
    for u, (who, phone) in contacts.items():
        forms.setdefault(u, UnitForms(u, reporter=who, phone=phone))
    reports_by_id = {rep["id"]: rep for rep in store.reports()}
    return bulletin_data(items, forms, as_of, title=title or _title(shown),
                         scope=scope_words(f, reports_by_id), rule=rule, unassigned=len(shown) - len(assigned),
                         unit_order=store.units.in_order())


def unit_lines(store, f: Filter = Filter(), rule: BulletinRule = BulletinRule()) -> list[UnitLine]:
    """The 通报's unit lines counted in SQL (the 概览's 按单位 view, redrawn on each filter change):
    the same figures as bulletin_from_store(store, f).lines, in the same order."""
    as_of = as_of_date(f)
    shown = set(store.query(f))
    awaiting = store.forms.awaiting()
    last = store.forms.last_sent()
    contacts = store.forms.contacts()
    out = []
    for n, u in enumerate(store.units.by_unit(f)):
        info = last.get(u["unit"])
        counting = info is not None and (info["due"] is None or as_of > info["due"])
        unreported = len(awaiting.get(u["unit"], set()) & shown) if counting else 0
        mark = rule.mark(u["assigned"], u["behind"], u["overdue"], unreported)
        out.append((n, UnitLine(u["unit"], u["assigned"], u["done"], u["in_progress"], u["behind"],
                                u["overdue"], unreported, mark, *contacts.get(u["unit"], ("", "")))))
    out.sort(key=lambda p: (MARKS.index(p[1].mark), -p[1].overdue, -p[1].behind, -p[1].unreported, p[0]))
    return [line for _n, line in out]
