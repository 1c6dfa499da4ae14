"""Formatting for the detail pane: timestamps, field values, corrections, evidence."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from tracker.store.clock import local_time
from ui.field_editor import FIELDS, show_value


def _tr(text: str) -> str:
    return QCoreApplication.translate("detail", text)


def field_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """The editable fields of a commitment row (plan year from its report)."""
    values = {name: row.get(name) for name in FIELDS}
    report = row.get("report")
    if isinstance(report, Mapping) and "plan_year" in report:
        values["plan_year"] = report["plan_year"]
    return values


def corrected_fields(store, row: Mapping[str, Any]) -> dict[str, str]:
    """Field → note ("已更正于 …：值") for every field the user corrected."""
    out: dict[str, str] = {}
    names = set(row.get("corrected_fields") or ())
    for item in store.corrections.list(row["id"]):
        if item["field"] in names:
            out[item["field"]] = (_tr("已更正于 %1，改为：%2")
                                  .replace("%1", local_time(item["created_at"]))
                                  .replace("%2", show_value(item["value"]) or _tr("（空）")))
    report = row.get("report")
    if isinstance(report, Mapping) and report.get("plan_year_set_by_user"):
        out["plan_year"] = _tr("已手动设定；文中读出：%1").replace(
            "%1", str(report.get("extracted_plan_year") or _tr("未注明")))
    return out


def event_evidence(event: Mapping[str, Any]) -> str:
    """The evidence of a history event as one text: passage, then its document and line."""
    text = str(event.get("evidence_text") or "")
    # Cited by report title ("2025年…政府工作报告 第23行"), the file name only as a fallback.
    where = str(event.get("evidence_report") or event.get("evidence_document") or "")
    if event.get("evidence_line") is not None:
        where = (where + " " if where else "") + _tr("第%1行").replace(
            "%1", str(event["evidence_line"]))
    if where:
        text = f"{text}（{where}）" if text else where
    return text


def progress_text(progress: Any) -> str:
    """Suffix for a status: " 60%" for a progress share of 0.6, "" when none was given."""
    if progress is None:
        return ""
    return f" {float(progress) * 100:.0f}%"
