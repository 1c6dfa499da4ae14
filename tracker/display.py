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

# Next to these, a name is one of a list ("单位生产总值能耗、主要污染物排放…控制在…") and the
# quote alone could be any of its members' row.
_LIST_JOIN = ("、", "和", "及", "与", ",", "，")


def commitment_label(row: dict) -> str:
    """The text a table row or sheet row shows: the quote, led by its indicator or subject
    where the quote alone does not say which one it is."""
    text = str(row.get("text") or "")
    lead = _lead_word(row, text)
    return f"{lead}：{text}" if lead else text


def commitment_line(row: dict) -> str:
    """commitment_label on one line (an item with its 年度目标 paragraph spans two), for a
    listing that prints one row per line."""
    return " ".join(commitment_label(row).split())


def _lead_word(row: dict, text: str) -> str | None:
    if row.get("kind") == "project":
        return (row.get("subject") or "").strip() or None
    if row.get("kind") != "target":
        return None
    name = re.sub(r"\s+", "", row.get("indicator") or "")
    if not name:
        return None
    body = re.sub(r"\s+", "", text)
    at = body.find(name)
    if at < 0:
        return name          # "城乡居民…分别增长7%和8%" holds 城镇居民… only as a pair
    before, after = body[at - 1:at], body[at + len(name):]
    if before in _LIST_JOIN or after.startswith(_LIST_JOIN):
        return name          # one of a list: "实现全区GDP、工业增加值…五个翻番"
    return None              # "地区生产总值增长7.2%以上", "全面完成节能减排任务" name it once
