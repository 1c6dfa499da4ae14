"""Unit names: lists split as offices write them, the lead told from the partners, and how
two writings of one name are recognised.

A unit keeps the name it was first given exactly as written; `unit_key` is only how two
writings of one name are recognised (full-width folded, spaces dropped). There is no
built-in alias table: 人社部门 and 人社厅 are one unit only when the user says so.
Shared by extraction (units in a report's text), the 分工方案 reader and the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.ingest.normalize import fold

# Between units in a list: 、，, ；; / and runs of spaces (a table cell "发改委  财政厅").
_SEPARATORS = re.compile(r"[、，,；;/／\s]+")
# "市住建局（牵头）": the unit the marker names leads, the others of the list assist.
_LEAD_MARK = re.compile(r"[（(]\s*牵头\s*[)）]")


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


def canonical(name: str, names: dict[str, str]) -> str:
    """The name a unit is known by: names maps unit_key of every known name and alias to the
    unit's first name; a name not known yet is its own (as written)."""
    return names.get(unit_key(name), name.strip())
