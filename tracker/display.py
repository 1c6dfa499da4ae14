"""How a commitment reads on its own, in the table and on the status sheet.

The quote stays verbatim; what it leaves unsaid goes in front of it:
- a target cut from a clause naming several indicators ("实现全区GDP、工业增加值…五个翻番",
  "城乡居民人均可支配收入分别增长7%和8%") is led by its own indicator, so the rows of one
  clause read as distinct ("工业增加值：实现全区GDP、工业增加值…");
- a project whose clause names nothing ("力争3月份开工建设") is led by its subject
  ("国能煤电项目：力争3月份开工建设").
"""

from __future__ import annotations

import re

# Words before an indicator that do not hide it: "——地区生产总值…", "实现全区GDP…".
_LEAD = re.compile(r"^(?:[—\-－\s]+|实现|力争|确保|争取|全年|今年|全[省市区县州旗])*")
# After a name that opens a list ("单位生产总值能耗、主要污染物排放…控制在…"), the row
# could be any of its members.
_LIST_JOIN = ("、", "和", "及", "与", ",", "，")


def commitment_label(row: dict) -> str:
    """The text a table row or sheet row shows: the quote, led by its indicator or subject
    where the quote alone does not say which one it is."""
    text = str(row.get("text") or "")
    lead = _lead_word(row, text)
    return f"{lead}：{text}" if lead else text


def _lead_word(row: dict, text: str) -> str | None:
    if row.get("kind") == "project":
        return (row.get("subject") or "").strip() or None
    if row.get("kind") != "target":
        return None
    name = re.sub(r"\s+", "", row.get("indicator") or "")
    if not name:
        return None
    body = _LEAD.sub("", re.sub(r"\s+", "", text))
    if body.startswith(name) and not body[len(name):].startswith(_LIST_JOIN):
        return None          # "地区生产总值增长7.2%以上" names its one indicator first
    return name
