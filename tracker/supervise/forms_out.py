"""Forms out: one progress form per unit, written whole into a folder, then recorded in the
store as sent (so what comes back can be checked against what went out).

A form lists every open commitment (not confirmed 已完成, not hidden) the unit leads, then
those it assists, in document order; `plan_year` narrows it to one year's reports.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from tracker.display import commitment_line
from tracker.errors import Cancelled, UserError
from tracker.labels import status_label
from tracker.supervise.form_layout import FormRow, FormSpec, form_file_name, text_digest
from tracker.supervise.form_write import write_form


@dataclass(frozen=True)
class SentForms:
    """What `send_forms` wrote: the files, and the rows per unit."""

    paths: tuple[Path, ...]
    rows: dict[str, int]


def _form_row(row: dict) -> FormRow:
    return FormRow(cid=row["id"], text=commitment_line(row), target=row.get("target") or "",
                   deadline=row.get("deadline_text") or row.get("deadline") or "",
                   leads=row.get("lead_unit") or "", partners="、".join(row.get("partner_units") or []),
                   status=status_label(row.get("status")))


def send_forms(store, out_dir: str | Path, plan_year: int | None = None, unit: str | None = None,
               due: date | None = None, sent: date | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> SentForms:
    """Write a form per unit (or only `unit`'s) into out_dir and record them as sent (one
    transaction, after every file is written whole); UserError when there is nothing to send.
    cancel() stops before the record: the forms written are removed, nothing is sent."""
    out = Path(out_dir)
    if not out.is_dir():
        raise UserError(f"{out}: 文件夹不存在 / no such folder")
    sent = sent or date.today()
    if due is not None and due < sent:
        raise UserError(f"{due.isoformat()}: 报送截止日期早于发出日期 / the due day is before today")
    if unit is not None:
        uid = store.units.find(unit)
        if uid is None:
            raise UserError(f"{unit}: 没有这个单位 / no such unit (see tracker units)")
        targets = [(uid, store.units.name(uid))]
    else:
        targets = store.forms.units_with_open_items(plan_year)
    title = f"{plan_year}年承诺事项" if plan_year else "承诺事项"
    specs, written = [], []
    try:
        for n, (uid, name) in enumerate(targets, 1):
            if cancel is not None and cancel():
                raise Cancelled()
            ids = store.forms.open_items(uid, plan_year)
            if not ids:
                continue
            table = store.rows(ids)
            rows = tuple(_form_row(table[i]) for i in ids if i in table)
            spec = FormSpec(unit=name, store_id=store.store_id, form_id=str(uuid.uuid4()), sent=sent,
                            rows=rows, due=due, title=title)
            path = out / form_file_name(name, sent)
            if path in written:      # two names the file system folds together
                path = out / form_file_name(f"{name}_{uid}", sent)
            written.append(write_form(spec, path))
            specs.append((spec, path))
            if progress is not None:
                progress(n, len(targets))
        if not specs:
            raise UserError("没有需要报送的条目（未指派责任单位，或都已完成） / nothing open is assigned to a unit")
        store.forms.record_sent([{"form_id": s.form_id, "unit": s.unit, "sent": s.sent, "due": s.due,
                                  "file_name": p.name, "items": [(r.cid, text_digest(r.text)) for r in s.rows]}
                                 for s, p in specs])
    except BaseException:
        for p in written:      # a form the store does not know would never collect
            p.unlink(missing_ok=True)
        raise
    return SentForms(tuple(written), {s.unit: len(s.rows) for s, _ in specs})


def describe(sent: SentForms) -> str:
    """"已生成 30 份报送表（共 2,000 行）"."""
    return f"已生成 {len(sent.paths)} 份报送表（共 {sum(sent.rows.values()):,} 行）"

