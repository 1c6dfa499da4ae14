"""The status sheet as one standalone, printable HTML page (no scripts, no external files)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from tracker.sheet.data import (SERIES_COLUMNS, COLUMNS, KIND_LABELS, STATUS_FILLS, STATUS_INKS, STATUS_ORDER, SheetData,
                    kind_heading, status_word, summary_lines)
from tracker.whole_file import write_whole

_CSS = """
@page { size: A4 %(orientation)s; margin: 14mm 12mm 16mm; }
body { font-family: "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
       sans-serif; font-size: 10.5pt; color: #222; margin: 1.5em auto; max-width: %(width)s; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 .3em; }
.meta { text-align: center; color: #444; margin: .1em 0; font-size: 9.5pt; }
h2 { font-size: 12.5pt; margin: 1.4em 0 .5em; break-after: avoid; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 1px solid #7f8c99; padding: 3px 4px; vertical-align: top; text-align: left; }
table.sheet { table-layout: fixed; }
thead { display: table-header-group; }
thead th { background: #3c4f66; color: #fff; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.n, td.s, td.d { text-align: center; }
td.e { font-size: 9pt; color: #333; }
tr.cat td { background: #e4e9ef; font-weight: bold; }
.summary { display: flex; gap: 2em; align-items: flex-start; margin: 1em 0; }
.summary table { width: auto; }
.bars div { display: flex; align-items: center; margin: 3px 0; font-size: 9.5pt; }
.bars span.l { width: 6em; text-align: right; padding-right: .5em; }
.bars span.b { display: inline-block; height: 12px; margin-right: .4em; }
.overdue { color: #a8231a; }
.stale { color: #777; }
@media print { body { margin: 0; max-width: none; } * { -webkit-print-color-adjust: exact;
               print-color-adjust: exact; } }
"""


# Column widths in percent, as in the PDF: 序号 承诺内容 目标 完成情况 状态 证据 时限 责任单位.
_WIDTHS = (4.5, 27, 10, 16, 9, 12.5, 8, 13)


def _lines(text: str) -> str:
    """text escaped, its line breaks kept."""
    return escape(text).replace("\n", "<br>")


def _summary(data: SheetData) -> list[str]:
    out = ['<div class="summary"><table><tbody>']
    fills = {status_word(s): STATUS_FILLS[s] for s in STATUS_ORDER}
    for label, value in summary_lines(data):
        style = f' style="background:{fills[label]}"' if label in fills else ""
        out.append(f"<tr><td{style}>{escape(label)}</td><td>{escape(value)}</td></tr>")
    out.append('</tbody></table><div class="bars"><div><b>完成情况分布</b></div>')
    top = max([data.by_status.get(s, 0) for s in STATUS_ORDER] + [1])
    for s in STATUS_ORDER:
        n = data.by_status.get(s, 0)
        width = round(240 * n / top)
        out.append(f'<div><span class="l">{escape(status_word(s))}</span>'
                   f'<span class="b" style="width:{width}px;background:{STATUS_INKS[s]}"></span>'
                   f"{n}</div>")
    out.append("</div></div>")
    return out


def _kind_table(data: SheetData, kind: str, index: int) -> list[str]:
    groups = [g for g in data.groups if g.kind == kind]
    count = sum(len(g.rows) for g in groups)
    cols = "".join(f'<col style="width:{w}%">' for w in _WIDTHS)
    out = [f"<h2>{escape(kind_heading(kind, index, count))}</h2>",
           f'<table class="sheet"><colgroup>{cols}</colgroup><thead><tr>']
    out += [f"<th>{c}</th>" for c in COLUMNS]
    out.append("</tr></thead><tbody>")
    for group in groups:
        label = group.category if group.category != KIND_LABELS.get(kind) else ""
        if label or len(groups) > 1:
            out.append(f'<tr class="cat"><td colspan="{len(COLUMNS)}">'
                       f"【{escape(label or '其他')}】</td></tr>")
        for row in group.rows:
            stale = '<span class="stale">（原文已变）</span>' if row.stale else ""
            overdue = "".join(f'<br><span class="overdue">{w}</span>' for w in row.flags)
            cells = [
                f'<td class="n">{escape(row.number)}</td>',
                f"<td>{escape(row.text)}{stale}</td>",
                f"<td>{_lines(row.target_cell)}</td>",
                f"<td>{_lines(row.progress)}</td>",
                f'<td class="s" style="background:{STATUS_FILLS[row.status]};'
                f'color:{STATUS_INKS[row.status]}">{escape(row.status_text)}</td>',
                f'<td class="e">{escape(row.evidence)}</td>',
                f'<td class="d">{escape(row.deadline)}{overdue}</td>',
                f"<td>{_lines(row.units)}</td>",
            ]
            out.append(f'<tr data-id="{row.cid}">' + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return out


def _series(data: SheetData) -> list[str]:
    """The 指标历年 section: one small table per indicator."""
    out = ['<h2 style="break-before: page">指标历年</h2>']
    for table in data.series:
        out.append(f"<h3>{escape(table.region)} · {escape(table.indicator)}</h3><table><thead><tr>")
        out += [f"<th>{c}</th>" for c in SERIES_COLUMNS]
        out.append("</tr></thead><tbody>")
        for values in table.rows:
            out.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
        out.append("</tbody></table>")
    return out


def render(data: SheetData, landscape: bool = False) -> str:
    """The sheet as a complete HTML document; every document text is escaped."""
    css = _CSS % {"orientation": "landscape" if landscape else "portrait",
                  "width": "270mm" if landscape else "186mm"}
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{escape(data.title)}</title>", f"<style>{css}</style></head><body>",
             f"<h1>{escape(data.title)}</h1>",
             f'<p class="meta">报告：{escape(data.source or "—")}　打印日期：{data.printed.isoformat()}'
             + ("　含未经确认的系统建议（标“待确认”）" if data.with_suggestions else "") + "</p>"]
    if data.scope:
        parts.append(f'<p class="meta">范围：{escape(data.scope)}</p>')
    parts += _summary(data)
    for index, kind in enumerate(data.kinds()):
        parts += _kind_table(data, kind, index)
    if not data.groups:
        parts.append("<h2>（所选范围内没有承诺事项）</h2>")
    if data.series:
        parts += _series(data)
    parts.append("</body></html>")
    return "\n".join(parts)


def write(data: SheetData, out: Path, landscape: bool = False) -> None:
    """Write the standalone HTML page (UTF-8)."""
    write_whole(out, render(data, landscape=landscape).encode("utf-8"))
