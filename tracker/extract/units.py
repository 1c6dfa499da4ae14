"""Responsible units read from a commitment's own words, or from the rest of its sentence.

A report names units in a few ways: "（牵头单位：红十字会、残联、妇联、卫健委）",
"责任单位：市住建局（牵头）、市财政局", "（牵头单位：司法厅；配合单位：信访局）",
"由市发展改革委牵头，市财政局配合". How unit lists are split and names compared is
tracker/unit_names.py.
"""

from __future__ import annotations

import bisect
import re
from tracker.ingest.normalize import fold
from tracker.ingest.paragraphs import Paragraph
from tracker.model import LIVELIHOOD, Commitment
from tracker.unit_names import Units, split_lead_marked, split_units, unit_key

_LABEL_LEAD = r"牵头单位|牵头部门|牵头责任单位|主责单位|责任单位|责任部门"
_LABEL_PARTNER = r"配合单位|配合部门|协办单位|参与单位|协同单位"
# A list runs to the closing bracket or the clause end; "（牵头）" inside it is part of it.
_LIST_END = r"(?:[（(]\s*牵头\s*[)）]|[^（(）)；;。\n])+"
_LEAD_FIELD = re.compile(rf"(?P<label>{_LABEL_LEAD})\s*[:：]\s*(?P<units>{_LIST_END})")
_PARTNER_FIELD = re.compile(rf"(?:{_LABEL_PARTNER})\s*[:：]\s*(?P<units>{_LIST_END})")
# "由市发展改革委牵头，市财政局、市商务局配合": the 由 form names a lead and maybe partners.
_BY_LEAD = re.compile(r"由(?P<units>[^，,。；;由（(]{2,60}?)牵头(?:负责)?"
                      r"(?:[，,]\s*(?P<partners>[^，,。；;（(]{2,60}?)(?:配合|参与|协助|协同))?")
# What the 由 form must name to be units, not "由龙头企业牵头": each name ends like an office.
# Nor "由一个部门牵头、多个部门协同" or "由有关部门牵头": a count or a kind of office is no unit.
_GENERIC = re.compile(r"^(?:[一二三四五六七八九十两多几每某各][个家]|有关|相关|其他|上级)|^(?:政府|部门|单位)$")
_OFFICE_END = re.compile(r"(?:局|厅|委|办|部|会|院|中心|公司|政府|部门|室|署|所|队|站|社|联|处|科|馆|行|司|团|台|组)$")


def units_in_text(text: str) -> Units:
    """The units a commitment's own words name (empty Units when it names none)."""
    folded = fold(text or "")
    m = _LEAD_FIELD.search(folded)
    if m:
        found = split_lead_marked(text[m.start("units"):m.end("units")])
        partner = _PARTNER_FIELD.search(folded)
        partners = list(found.partners)
        start, end = m.start(), m.end()
        if partner:
            partners += split_units(text[partner.start("units"):partner.end("units")])
            start, end = min(start, partner.start()), max(end, partner.end())
        lead_keys = {unit_key(u) for u in found.leads}
        partners = [p for p in dict.fromkeys(partners) if unit_key(p) not in lead_keys]
        if found.leads:
            return Units(found.leads, tuple(partners), start, end)
    for m in _BY_LEAD.finditer(folded):
        leads = split_units(text[m.start("units"):m.end("units")])
        if not leads or not all(_is_office(u) for u in leads):
            continue
        partners = split_units(text[m.start("partners"):m.end("partners")]) if m.group("partners") else []
        if not all(_is_office(u) for u in partners):
            partners = []
        return Units(tuple(leads), tuple(partners), m.start(), m.end())
    return Units()


def _is_office(name: str) -> bool:
    return bool(_OFFICE_END.search(name)) and not _GENERIC.search(name)


# Where a statement of units may stand for a commitment: its own words, then on to the end of
# its sentence ("…劳务报酬20亿元以上；扩大…标准（牵头单位：农牧厅、林草局、人社厅）。"), and a
# bracket right after that sentence ("…。（责任单位：市住建局）"). A list item stops where the
# next item of its paragraph starts ("一是…；二是…（牵头单位：…）": the units are the second's).
_SENTENCE_END = "。！？!?"
_TRAILING = re.compile(rf"\s*[（(]\s*(?:{_LABEL_LEAD}|{_LABEL_PARTNER})\s*[:：][^）)]*[)）]")


def _tail(para: Paragraph, pos: int, stop: int) -> str:
    """para's text from pos to the end of its sentence (not past stop), plus a trailing
    bracket of units."""
    text = para.text
    ends = [k for k in (text.find(c, pos, stop) for c in _SENTENCE_END) if k >= 0]
    end = min(ends) + 1 if ends else stop
    m = _TRAILING.match(para.folded, end) if end < stop else None
    return text[pos:m.end() if m else end]


def units_for(found: list[Commitment], paras: list[Paragraph]) -> list[Units]:
    """The units each commitment's words (or the rest of its sentence) name, aligned with found."""
    starts = [p.file_offset(0) for p in paras]
    item_starts = sorted(c.start for c in found if c.kind == LIVELIHOOD and c.start >= 0)
    out: list[Units] = []
    for c in found:
        units = units_in_text(c.text)
        if not units and c.end > 0:
            j = bisect.bisect_right(starts, c.end - 1) - 1
            para = paras[j] if j >= 0 else None
            pos = para.pos_of(c.end) if para is not None else None
            if pos is None and para is not None and para.pos_of(c.end - 1) is not None:
                pos = para.pos_of(c.end - 1) + 1       # the item ends its paragraph
            if pos is not None:
                stop = len(para.text)
                if c.kind == LIVELIHOOD:
                    k = bisect.bisect_right(item_starts, c.start)
                    if k < len(item_starts):
                        nxt = para.pos_of(item_starts[k])
                        stop = min(stop, nxt) if nxt is not None and nxt >= pos else stop
                units = units_in_text(_tail(para, pos, stop))
        out.append(Units(units.leads, units.partners) if units else Units())
    return out
