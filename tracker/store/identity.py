"""Identity of reports and commitments across re-import and re-extraction.

Row ids change when a document is imported again in an edited version or the rules
are re-run; a user's marks, notes and corrections must follow the commitment, so
commitments are matched by what they say: report (region, plan year, title) + kind
+ normalised text + indicator + list number.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from tracker.model import Commitment
from tracker.ingest.normalize import fold

# Whitespace and punctuation are dropped: a re-typed "增长7.2%以上；" is the same pledge.
_NOISE = re.compile(r"[\s，。、；：！？,.;:!?“”\"'‘’（）()《》【】\[\]·…—\-]+")


def normalise(text: str) -> str:
    """Folded text without whitespace and punctuation, for identity comparison."""
    return _NOISE.sub("", fold(text or ""))


def report_identity(region: str | None, plan_year: int | None, title: str) -> tuple:
    """The identity of a report: (region, plan year, normalised title)."""
    return (region or "", plan_year or 0, normalise(title))


def commitment_key(c: Commitment) -> str:
    """The identity of a commitment inside its report (before de-duplication)."""
    number = "" if c.number is None else str(c.number)
    return "|".join((c.kind, c.indicator or "", number, normalise(c.text)))


def keyed(commitments: Iterable[Commitment]) -> list[tuple[str, Commitment]]:
    """Each commitment with a key unique within the report ("#2" for a repeat)."""
    seen: dict[str, int] = {}
    out = []
    for c in commitments:
        key = commitment_key(c)
        seen[key] = seen.get(key, 0) + 1
        out.append((key if seen[key] == 1 else f"{key}#{seen[key]}", c))
    return out


def evidence_key(status: str | None, evidence) -> str:
    """The identity of a suggestion's evidence: its first passage's text, normalised (not
    its line, document id or row id, which re-import, re-extraction and upgrades change);
    the verdict alone when it quotes no passage. A decision on a suggestion is kept by it."""
    first = next((e.get("text") for e in evidence or () if isinstance(e, dict) and e.get("text")), None)
    basis = f"text:{normalise(first)}" if first else f"status:{status or ''}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
