"""The 名词解释 (glossary) section a report may end with: term -> definition.

Seed 001 closes with "名词解释" then entries like
"1.“四强”行动:指实施强科技、强工业、强省会、强县域行动。"; the store saves the
pairs and the UI shows them as tooltips where a term occurs in a commitment.
"""

from __future__ import annotations

import re

from tracker.model import Report, SourceText
from tracker.ingest.normalize import fold
from tracker import words

# The heading, alone on its line: "名词解释", "附：名词解释", "名词解释：".
_HEADING = re.compile(r"^\s*(?:附\s*[:：]?\s*)?(?:名\s*词\s*解\s*释|名词注释|名词说明|注释)\s*[:：]?\s*$")
# "1.“四强”行动:指…", "（2）包抓联：是指…", "3、六必访——…"
_ENTRY = re.compile(
    rf"^\s*(?:[（(]?\d{{1,3}}[)）.．、]|{words.CN_PAREN}|{words.CN}+、)\s*"
    r"(?P<term>[^:：。；]{1,40}?)\s*(?:[:：]|——)\s*(?P<definition>\S.*)$"
)
_TERM_MAX = 40


def parse_glossary(source: SourceText, report: Report) -> dict[str, str]:
    """Terms and definitions of the report's 名词解释 section ({} when it has none)."""
    lines = source.lines[report.line_start - 1:report.line_end]
    start = next((i for i, line in enumerate(lines) if _HEADING.match(fold(line))), None)
    if start is None:
        return {}
    terms: dict[str, str] = {}
    last: str | None = None
    for line in lines[start + 1:]:
        text = line.strip()
        if not text:
            continue
        m = _ENTRY.match(text)
        if m:
            term = _clean_term(m.group("term"))
            if term:
                terms[term] = m.group("definition").strip()
                last = term
                continue
        if last is None:
            continue
        if len(text) <= 4 and not re.search(r"[。；]", text):
            break       # web-page buttons after the last entry: "笔记", "复制"
        terms[last] += text       # a definition broken over two lines
    return terms


def _clean_term(term: str) -> str | None:
    """The term as written ("“四强”行动"), without quotes around the whole of it ("“包抓联”")."""
    term = term.strip()
    m = re.fullmatch(r"[“\"‘「《](.+?)[”\"’」》]", term)
    if m and not re.search(r"[“”\"‘’「」《》]", m.group(1)):
        term = m.group(1).strip()
    if not term or len(term) > _TERM_MAX:
        return None
    return term
