"""Shared wording of reports: numeral classes, heading/list markers, multi-year and decrease words.

One definition of each list, used by ingest (paragraph breaks), extract (sections, lists,
targets, deadlines) and verify (passages, periods, actuals). Each is a regex *fragment*
(no groups, safe inside a larger pattern) with an example it matches. Modules compose
them; a module that needs a narrower reading says so where it does.
"""

from __future__ import annotations

# --- Chinese numerals -------------------------------------------------------------------

# Digits an ordinal is written with: "一、", "（三）", "十是", "第十一件" (no 零/两/百).
CN_ORDINAL = "一二三四五六七八九十"
# The same as one character class: "[一二三四五六七八九十]" matches "七".
CN = f"[{CN_ORDINAL}]"
# Digits of an amount (no zero): "两个", "十件", "三项指标".
CN_AMOUNT = "一二两三四五六七八九十"
# Digits of a count, month or day: "两个", "十二月", "二〇二五" (adds 〇/零/两).
CN_COUNT = "〇零一二两三四五六七八九十"
# Every character of a Chinese numeral with a value: "三千五百", "一万二千", "零点五".
CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿点"

# --- Heading and list markers -----------------------------------------------------------
# Headings and run-in markers: sections, plan_part, glossary, metadata, ingest.paragraphs
# and verify.passages compose these. The list styles that number items (run detection)
# are enumeration.STYLES, which needs the number as a named group.

# "一、" "二." "三．": a top-level heading (also an appendix item at a line start).
CN_DUN = rf"{CN}+[、.．]"
# "（一）" "(二)": a second-level heading.
CN_PAREN = rf"[（(]{CN}+[)）]"
# "1." "2、" "3．" (not "1.5"): a numbered item.
ARABIC_DOT = r"\d{1,2}[、.．](?!\d)"
# "一是" "十是": an item inside a paragraph.
CN_SHI = rf"{CN}+是"
# "第一部分" "第三章" "第二篇": a part of a report.
PART = rf"第{CN}+(?:部分|章|篇)"
# "一、" "（一）" "第一部分": a section heading of any level written in Chinese numerals.
SECTION_MARKER = rf"(?:{CN_DUN}|{CN_PAREN}|{PART})"
# "（四）" "（4）" "一、" "1." "第二部分：": any marker in front of a heading or run-in paragraph.
HEADING_MARKER = rf"(?:[（(](?:{CN}+|\d{{1,2}})[)）]|{CN_DUN}|{ARABIC_DOT}|{PART})"

# --- Several years ----------------------------------------------------------------------

# "十四五", "十二五": a five-year plan by its number (quotes around it vary: “十四五”).
FIVE_YEAR_PLAN = r"十[一二三四五六七八九]五"
# "两年", "五年", "十年": a count of several years (not 一年).
SEVERAL_YEARS = r"[两三四五六七八九十]年"
# "年均增长5.2%", "年平均": a yearly average over several years.
ANNUAL_AVERAGE = r"年均|年平均"
# "五年累计", "三年累计", "累计新增就业…五年": a total over several years.
SPAN_TOTAL = r"[两三四五]年累计|累计[^，。；]{0,12}[两三四五]年"

# --- Direction ----------------------------------------------------------------------------

# Verbs of a goal or change downward: "下降3%", "减少排放", "压减产能", "削减", "压降", "减排".
DECREASE = r"下降|降低|减少|压减|削减|压降|减排"
# What a review says fell, besides DECREASE: "涨幅回落", "增速下滑", "逆差收窄".
FALL = rf"{DECREASE}|回落|下滑|收窄"
# Verbs of a goal or change upward: "增长", "提高", "增加", "提升", "扩大", "上升".
INCREASE = r"增长|提高|增加|提升|上升|扩大"
