"""Responsible units as reports and 分工方案 write them: lists split, the lead told from the
partners, units read from a commitment's own words.

A report names units in a few ways: "（牵头单位：红十字会、残联、妇联、卫健委）",
"责任单位：市住建局（牵头）、市财政局", "（牵头单位：司法厅；配合单位：信访局）",
"由市发展改革委牵头，市财政局配合". A unit keeps the name it was first given exactly as
written; `unit_key` is only how two writings of one name are recognised (full-width folded,
spaces dropped). There is no built-in alias table: 人社部门 and 人社厅 are one unit only
when the user says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.ingest.normalize import fold

# Between units in a list: 、，, ；; / and runs of spaces (a table cell "发改委  财政厅").
_SEPARATORS = re.compile(r"[、，,；;/／\s]+")
# "市住建局（牵头）": the unit the marker names leads, the others of the list assist.
_LEAD_MARK = re.compile(r"[（(]\s*牵头\s*[)）]")
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
_OFFICE_END = re.compile(r"(?:局|厅|委|办|部|会|院|中心|公司|政府|部门|室|署|所|队|站|社|联|处|科|馆|行|司|团|台|组)$")


@dataclass(frozen=True)
class Units:
    """The units a text or a table row names: leads (each counts) and partners (配合单位)."""

    leads: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    start: int = -1          # where the statement stands in the text (-1: not from a text)
    end: int = -1

    def __bool__(self) -> bool:
        return bool(self.leads or self.partners)

    @property
    def lead_text(self) -> str:
        """Co-leads joined by 、 (the CLI's `lead_unit`)."""
        return "、".join(self.leads)


def unit_key(name: str) -> str:
    """How two writings of one unit name are recognised: full-width folded, no spaces."""
    return re.sub(r"\s+", "", fold(name or ""))


def _clean(name: str) -> str:
    name = name.strip().strip("“”\"'‘’《》")
    # "市发改委等" -> 市发改委; "等有关部门" keeps only the named units before it.
    name = re.sub(r"等(?:有关|相关)?(?:单位|部门)?$", "", name)
    return name.strip()


def split_units(text: str) -> list[str]:
    """The unit names of a list as written ("人社厅、财政厅" -> ["人社厅", "财政厅"]), in order,
    each once; a "（牵头）" marker is dropped (see `split_lead_marked`)."""
    out: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(_LEAD_MARK.sub("", text or "")):
        name = _clean(part)
        if name and unit_key(name) not in seen:
            seen.add(unit_key(name))
            out.append(name)
    return out


def split_lead_marked(text: str) -> Units:
    """A list where "（牵头）" marks the leads: those lead, the rest are partners; with no
    marker every unit of the list leads."""
    parts = [p for p in _SEPARATORS.split(text or "") if p.strip()]
    marked = [p for p in parts if _LEAD_MARK.search(p)]
    if not marked:
        return Units(leads=tuple(split_units(text)))
    leads = split_units("、".join(marked))
    keys = {unit_key(u) for u in leads}
    partners = [u for u in split_units("、".join(p for p in parts if p not in marked))
                if unit_key(u) not in keys]
    return Units(leads=tuple(leads), partners=tuple(partners))


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
        if not leads or not all(_OFFICE_END.search(u) for u in leads):
            continue
        partners = split_units(text[m.start("partners"):m.end("partners")]) if m.group("partners") else []
        if not all(_OFFICE_END.search(u) for u in partners):
            partners = []
        return Units(tuple(leads), tuple(partners), m.start(), m.end())
    return Units()


def canonical(name: str, names: dict[str, str]) -> str:
    """The name a unit is known by: names maps unit_key of every known name and alias to the
    unit's first name; a name not known yet is its own (as written)."""
    return names.get(unit_key(name), name.strip())
