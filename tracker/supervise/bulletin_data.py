"""The 通报 by unit: one line per unit with its counts and a 红/黄/绿 mark, then the items
behind and overdue grouped by unit, each with the unit's latest 单位自报 and the office's
status. A plain snapshot every renderer (PDF, XLSX, DOCX) lays out the same way.

Counts follow the office's own confirmed status, never a unit's report. Each co-lead counts
the item; partners (配合单位) do not. 未报送 counts the items of a unit's last form with no
report from it since the form went out, and only once its 报送截止日期 (when one was set)
has passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from tracker.labels import status_label

MARKS = ("红", "黄", "绿")
MARK_FILLS = {"红": "#f4c7c3", "黄": "#fbe9a6", "绿": "#cfe8c8"}
MARK_INKS = {"红": "#a8231a", "黄": "#7a5a00", "绿": "#1f6b2a"}
UNIT_COLUMNS = ("序号", "责任单位", "牵头事项", "已完成", "推进中", "滞后", "逾期", "未报送", "评价",
                "最近填报人", "联系电话")
ITEM_COLUMNS = ("序号", "承诺内容", "时限", "问题", "单位自报", "办公室认定")
_IN_PROGRESS = ("in_progress", "partial")


@dataclass(frozen=True)
class BulletinRule:
    """红 = any 逾期 or at least red_share of the unit's items 滞后; 黄 = any 滞后 or 未报送;
    绿 otherwise."""

    red_share: Fraction = Fraction(1, 3)

    def mark(self, assigned: int, behind: int, overdue: int, unreported: int) -> str:
        """The unit's mark under this rule."""
        if overdue or (assigned and behind and Fraction(behind, assigned) >= self.red_share):
            return "红"
        if behind or unreported:
            return "黄"
        return "绿"

    def words(self) -> str:
        """The rule as the sheet prints it."""
        share = {Fraction(1, 3): "三分之一", Fraction(1, 2): "一半", Fraction(1, 4): "四分之一"}.get(
            self.red_share, f"{float(self.red_share):.0%}")
        return (f"评价规则：红 — 有逾期事项，或滞后事项占牵头事项{share}及以上；"
                "黄 — 有滞后或未报送事项；绿 — 其余。")


@dataclass(frozen=True)
class UnitReport:
    """A unit's latest 单位自报 on an item."""

    unit: str
    status: str | None
    progress: str
    on: date

    @property
    def words(self) -> str:
        """"推进中：已完成80%（2026-03-20）"."""
        head = status_label(self.status) if self.status else "未选状态"
        return f"{head}{'：' + self.progress if self.progress else ''}（{self.on.isoformat()}）"


@dataclass(frozen=True)
class BulletinItem:
    """One commitment as the 通报 sees it."""

    cid: int
    label: str                       # 承诺内容 as the sheet shows it
    deadline: str                    # 时限 as written, else the date
    leads: tuple[str, ...]           # each co-lead counts it
    status: str                      # the office's confirmed status, "unmarked" when none
    overdue: bool = False
    behind: bool = False
    reports: dict[str, UnitReport] = field(default_factory=dict)   # unit -> its latest report
    awaiting: frozenset[str] = frozenset()    # units whose last form listed it, no report since


@dataclass(frozen=True)
class UnitForms:
    """A unit's last form and who last filled one in (for the office's call)."""

    unit: str
    last_sent: date | None = None
    due: date | None = None
    reporter: str = ""
    phone: str = ""


@dataclass(frozen=True)
class UnitLine:
    """One unit's line of the 通报."""

    unit: str
    assigned: int
    done: int
    in_progress: int
    behind: int
    overdue: int
    unreported: int
    mark: str
    reporter: str = ""
    phone: str = ""

    def cells(self, number: int) -> tuple[str, ...]:
        """The line's cells in UNIT_COLUMNS order."""
        return (str(number), self.unit, str(self.assigned), str(self.done), str(self.in_progress),
                str(self.behind), str(self.overdue), str(self.unreported), self.mark,
                self.reporter, self.phone)


@dataclass(frozen=True)
class UnitItems:
    """The items of one unit that are behind or overdue."""

    unit: str
    rows: tuple[tuple[str, ...], ...]     # ITEM_COLUMNS cells
    overdue: tuple[bool, ...]             # per row: overdue (printed in red)


@dataclass(frozen=True)
class BulletinData:
    """Everything a 通报 prints."""

    title: str
    as_of: date
    scope: str
    rule: BulletinRule
    lines: tuple[UnitLine, ...]
    items: tuple[UnitItems, ...]
    unassigned: int = 0          # items on no unit (not in any line)

    @property
    def by_mark(self) -> dict[str, int]:
        """How many units got each mark."""
        return {m: sum(1 for line in self.lines if line.mark == m) for m in MARKS}

    def summary(self) -> str:
        """One sentence under the title: units, items, marks."""
        marks = self.by_mark
        total = sum(line.assigned for line in self.lines)
        text = (f"截至 {self.as_of.isoformat()}，{len(self.lines)} 个牵头单位共牵头 {total} 项（共同牵头的"
                f"每个单位各计一次）；红 {marks['红']} 个、黄 {marks['黄']} 个、绿 {marks['绿']} 个。")
        if self.unassigned:
            text += f"另有 {self.unassigned} 项尚未指派责任单位。"
        return text


def _problem(item: BulletinItem) -> str:
    return "、".join(w for w, on in (("逾期", item.overdue), ("滞后", item.behind)) if on)


def bulletin_data(items: list[BulletinItem], forms: dict[str, UnitForms], as_of: date,
                  title: str = "承诺事项推进情况通报", scope: str = "",
                  rule: BulletinRule = BulletinRule(), unassigned: int = 0,
                  unit_order: list[str] | None = None) -> BulletinData:
    """The 通报 of items (in document order) by lead unit: units ranked red, yellow, green,
    then by overdue, behind and unreported counts; unit_order (else the order units first
    appear) breaks ties."""
    order: list[str] = []
    per_unit: dict[str, list[BulletinItem]] = {}
    for item in items:
        for unit in item.leads:
            if unit not in per_unit:
                order.append(unit)
                per_unit[unit] = []
            per_unit[unit].append(item)
    lines: list[UnitLine] = []
    detail: dict[str, UnitItems] = {}
    for unit in order:
        mine = per_unit[unit]
        info = forms.get(unit, UnitForms(unit))
        counting = info.last_sent is not None and (info.due is None or as_of > info.due)
        unreported = sum(1 for i in mine if unit in i.awaiting) if counting else 0
        behind = sum(1 for i in mine if i.behind)
        overdue = sum(1 for i in mine if i.overdue)
        lines.append(UnitLine(
            unit, len(mine), sum(1 for i in mine if i.status == "done"),
            sum(1 for i in mine if i.status in _IN_PROGRESS), behind, overdue, unreported,
            rule.mark(len(mine), behind, overdue, unreported), info.reporter, info.phone))
        late = [i for i in mine if i.overdue or i.behind]
        if late:
            detail[unit] = UnitItems(unit, tuple(
                (str(n), i.label, i.deadline, _problem(i),
                 i.reports[unit].words if unit in i.reports else "（未报送）", status_label(i.status))
                for n, i in enumerate(late, 1)), tuple(i.overdue for i in late))
    rank = {u: n for n, u in enumerate(unit_order or order)}
    lines.sort(key=lambda x: (MARKS.index(x.mark), -x.overdue, -x.behind, -x.unreported,
                              rank.get(x.unit, len(rank))))
    return BulletinData(title, as_of, scope, rule, tuple(lines),
                        tuple(detail[line.unit] for line in lines if line.unit in detail), unassigned)
