"""Building SheetData from the store: which rows, in what groups, and every cell in words."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from tracker.labels import UNMARKED, status_label
from tracker.sheet.data import (KIND_LABELS, KIND_ORDER, STATUS_ORDER, SheetData,
                    SheetGroup, SheetRow)
from tracker.display import commitment_label
from tracker.sheet.series_data import series_tables
from tracker.store.query import as_of_date

_QUOTE_MAX = 60        # evidence quotes are cut here; the full passage stays in the app
_DOC_TYPE_WORDS = {"government_work_report": "政府工作报告"}


def short_title(title: str) -> str:
    """A report title without what follows it on the title line ("… 2025年1月4日在…会议上")."""
    head = title.split()[0] if title.split() else title
    head = head if len(head) >= 6 else title
    # A heading misread as a title can be a whole sentence; a label stays short.
    return head if len(head) <= 24 else head[:24] + "…"


def _report_labels(reports: list[dict]) -> dict[int, str]:
    """A short distinct label per report: "肃州区2024年", else its title, else with its id."""
    def plain(r: dict) -> str:
        year = f"{r['plan_year']}年" if r.get("plan_year") else ""
        return f"{r.get('region') or ''}{year}" or short_title(r["title"])

    labels = {r["id"]: plain(r) for r in reports}
    counts = defaultdict(int)
    for label in labels.values():
        counts[label] += 1
    for r in reports:
        label = labels[r["id"]]
        if counts[label] > 1:
            title = short_title(r["title"])
            named = label if title == label else f"{label}《{title}》"
            labels[r["id"]] = f"{named}（报告{r['id']}）"
    return labels


def _title(reports: list[dict], f) -> str:
    """"肃州区2025年政府工作报告承诺事项完成情况对照表" from the reports on the sheet."""
    regions = sorted({r["region"] for r in reports if r.get("region")})
    years = sorted({r["plan_year"] for r in reports if r.get("plan_year")})
    if not regions and getattr(f, "region", None):
        regions = [f.region]
    if not years and getattr(f, "year", None):
        years = [f.year]
    where = "、".join(regions) if len(regions) <= 3 else f"{regions[0]}等{len(regions)}个地区"
    if not years:
        when = ""
    elif len(years) == 1:
        when = f"{years[0]}年"
    elif years == list(range(years[0], years[-1] + 1)):
        when = f"{years[0]}—{years[-1]}年"
    else:
        when = "、".join(map(str, years)) + "年"
    types = {r.get("doc_type") for r in reports}
    doc = _DOC_TYPE_WORDS.get(types.pop(), "") if len(types) == 1 else ""
    return f"{where}{when}{doc}承诺事项完成情况对照表"


def scope_words(f, reports_by_id: dict[int, dict]) -> str:
    """The filter in words (region and year are in the title already)."""
    parts = []
    if f.report_id is not None and f.report_id in reports_by_id:
        parts.append(f"报告：{short_title(reports_by_id[f.report_id]['title'])}")
    if f.kind:
        parts.append(f"类别：{KIND_LABELS.get(f.kind, f.kind)}")
    if f.category:
        parts.append(f"分类：{f.category}")
    if f.status:
        word = status_label(f.status)
        parts.append(f"状态：{word}")
    if f.overdue:
        parts.append("仅已逾期")
    if f.behind:
        parts.append("仅滞后于序时进度")
    if f.text:
        parts.append(f"包含“{f.text}”")
    if getattr(f, "unit", None):
        parts.append(f"责任单位：{f.unit}")
    if f.include_stale:
        parts.append("含原文已变的条目")
    if getattr(f, "dropped", False):
        parts.append("仅标为“不是承诺”的条目")
    if parts or f.as_of is not None:
        parts.append(f"截至 {as_of_date(f).isoformat()}")
    return "；".join(parts)


def units_cell(row: dict) -> str:
    """责任单位 as the sheet prints it: "人社厅、财政厅", with "配合：教育厅" on its own line."""
    partners = "、".join(row.get("partner_units") or [])
    return (row.get("lead_unit") or "") + (f"\n配合：{partners}" if partners else "")


def fmt_number(x: float) -> str:
    """6.8 -> "6.8", 7.0 -> "7"."""
    return str(int(x)) if float(x).is_integer() else f"{x:.4f}".rstrip("0").rstrip(".")


def _actual(c: dict, value: float | None) -> str:
    if value is None:
        return ""
    unit = c.get("unit") or ""
    if c.get("measure") == "growth":
        verb = "下降" if c.get("direction") == "decrease" else "增长"
        return f"实际{verb}{fmt_number(value)}{unit}"
    return f"实际{fmt_number(value)}{unit}"


def _states_figure(text: str | None, value: float | None) -> bool:
    """True when text gives the figure already (a suggestion's reason, kept as the note of the
    mark that accepted it, reads "实际增长7.8%，达到目标7.5%"): the figure is not said twice."""
    return value is not None and re.search(rf"(?<![\d.]){re.escape(fmt_number(value))}(?![\d])",
                                           text or "") is not None


def _evidence(doc_label, doc_id: int | None, line: int | None, text: str | None) -> str:
    """"2026年肃州区政府工作报告 第12行：“…”" (any part that is unknown is left out)."""
    where = doc_label(doc_id, line) if doc_id is not None else ""
    if line:
        where = f"{where} 第{line}行".strip()
    quote = (text or "").strip()
    if len(quote) > _QUOTE_MAX:
        quote = quote[:_QUOTE_MAX] + "…"
    if quote:
        return f"{where}：“{quote}”" if where else f"“{quote}”"
    return where


def _event_cells(c: dict, e: dict, doc_label) -> tuple[str, str]:
    """(完成情况, 证据) of one status event."""
    note = (e.get("note") or "").strip()
    parts = [] if _states_figure(note, e.get("actual_value")) else [_actual(c, e.get("actual_value"))]
    if e.get("progress") is not None and e.get("status") != "done":
        parts.append(f"进度{round(e['progress'] * 100)}%")
    parts.append(note)
    day = e.get("day") or e.get("date")   # the day given with the mark, else the local day recorded
    progress = "；".join(p for p in parts if p)
    if progress and day:
        progress += f"\n（{day}）"   # own line: a date must not wrap inside itself
    return progress, _evidence(doc_label, e.get("evidence_document_id"), e.get("evidence_line"),
                               e.get("evidence_text"))


def _cells(c: dict, events: list[dict], suggestions: list[dict], doc_label,
           with_suggestions: bool) -> tuple[str, str, str, bool]:
    """(状态, 完成情况, 证据, pending) from the newest status a person confirmed; with
    suggestions, an item nobody confirmed shows the machine's newest word, pending (待确认)."""
    confirmed = [e for e in events if e.get("source") != "auto"]
    if confirmed:
        progress, evidence = _event_cells(c, confirmed[0], doc_label)
        return confirmed[0]["status"], progress, evidence, False
    if not with_suggestions:
        return UNMARKED, "", "", False
    if events:      # an automatic event: recorded by verification, never confirmed
        progress, evidence = _event_cells(c, events[0], doc_label)
        return events[0]["status"], "系统建议" + (f"：{progress}" if progress else ""), evidence, True
    pending = [s for s in suggestions if s.get("state") == "pending"]
    if not pending:
        return UNMARKED, "", "", False
    s = pending[0]
    reason = s.get("reason") or ""
    actual = "" if _states_figure(reason, s.get("actual_value")) else _actual(c, s.get("actual_value"))
    progress = "；".join(p for p in ("系统建议", actual, reason) if p)
    best = (s.get("evidence") or [{}])[0]
    evidence = _evidence(doc_label, s.get("review_document_id"), best.get("line"), best.get("text"))
    return s["status"], progress, evidence, True


def _source_line(reports: list[dict]) -> str:
    """The reports a sheet is drawn from, for its header and footer:
    "肃州区 · 2025年酒泉市肃州区政府工作报告" (region named once when the title has it)."""
    names = []
    for r in reports:
        title = short_title(r["title"])
        region = r.get("region") or ""
        year = f"{r['plan_year']}年" if r.get("plan_year") and str(r["plan_year"]) not in title else ""
        names.append(f"{region}{' · ' if region else ''}{year}{title}" if region not in title or not region
                     else f"{year}{title}")
    if len(names) > 3:
        return f"{'、'.join(names[:2])}等{len(names)}份报告"
    return "、".join(names)


def sheet_data(store, f, printed: date | None = None, with_suggestions: bool = False,
               series: bool = False) -> SheetData:
    """The status sheet of the commitments f selects, grouped by kind and category.

    An official document: by default only statuses a person confirmed are printed (an
    item nobody confirmed is 未标记); with_suggestions adds verification's unconfirmed
    word for those items, each marked 待确认. series adds the 指标历年 page (each indicator
    targeted in two or more years of the sheet's regions)."""
    ids = store.query(f, order="line")
    table = store.rows(ids, as_of=f.as_of)
    carry = store.carry_labels(ids)
    reports = {r["id"]: r for r in store.reports()}
    doc_names = {d["id"]: d["name"] for d in store.documents()}
    spans = defaultdict(list)
    for r in reports.values():
        spans[r["document_id"]].append(r)

    def doc_label(doc_id: int, line: int | None) -> str:
        # A compilation holds several reports: name the one the line falls in.
        for r in spans.get(doc_id, []):
            if line and r["line_start"] <= line <= r["line_end"]:
                return short_title(r["title"])
        return doc_names.get(doc_id, f"文档{doc_id}")

    present = sorted({table[i]["report_id"] for i in ids if i in table},
                     key=lambda rid: (reports[rid].get("region") or "",
                                      reports[rid].get("plan_year") or 0, rid))
    labels = _report_labels([reports[rid] for rid in present]) if len(present) > 1 else {}
    buckets: dict[tuple, list] = defaultdict(list)
    for cid in ids:
        row = table.get(cid)
        if row is None:
            continue
        c = store.commitment(cid, as_of=f.as_of)
        rep = reports[row["report_id"]]
        category = (c.get("category") or "").strip()
        if labels:   # the same heading in two reports must not merge into one group
            category = f"{labels[rep['id']]} · {category}" if category else labels[rep["id"]]
        standing = [e for e in store.history(cid) if e["standing"]]
        cells = _cells(c, standing, store.suggestions(cid), doc_label, with_suggestions)
        key = (KIND_ORDER.index(c["kind"]) if c["kind"] in KIND_ORDER else 9,
               present.index(row["report_id"]), category)
        buckets[key].append((c, row, cells))

    groups, counters = [], defaultdict(int)
    # Categories keep the order they appear in the report (first line), kinds a fixed order.
    for key in sorted(buckets, key=lambda k: (k[0], k[1], min(x[0]["line"] for x in buckets[k]))):
        out = []
        for c, row, (status, progress, evidence, pending) in buckets[key]:
            counters[c["kind"]] += 1
            status = status if status in STATUS_ORDER else "unknown"
            out.append(SheetRow(
                cid=c["id"], number=str(counters[c["kind"]]), kind=c["kind"], category=key[2],
                text=commitment_label(c), target=row.get("target") or "", progress=progress, status=status,
                evidence=evidence, deadline=c.get("deadline_text") or c.get("deadline") or "",
                overdue=bool(row.get("overdue")), stale=bool(row.get("stale")),
                behind=bool(row.get("behind")), pending=pending, carry=carry.get(c["id"], ""), units=units_cell(row)))
        groups.append(SheetGroup(out[0].kind, key[2], tuple(out)))

    rows = [r for g in groups for r in g.rows]
    by_status = {s: sum(1 for r in rows if r.status == s) for s in STATUS_ORDER}
    by_kind = {k: sum(1 for r in rows if r.kind == k) for k in {r.kind for r in rows}}
    path = getattr(store, "path", None)
    return SheetData(
        title=_title([reports[rid] for rid in present], f),
        scope=scope_words(f, reports), printed=printed or date.today(),
        store_name=Path(path).name if path else "台账",
        groups=tuple(groups), overdue=sum(1 for r in rows if r.overdue),
        behind=sum(1 for r in rows if r.behind),
        by_status=by_status, by_kind=by_kind,
        source=_source_line([reports[rid] for rid in present]), with_suggestions=with_suggestions,
        pending=sum(1 for r in rows if r.pending),
        series=series_tables(store, [reports[rid].get("region") for rid in present], with_suggestions)
        if series else ())
