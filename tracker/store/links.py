"""Carry-over links between a region's plans of consecutive years (derived data).

A link ties a commitment of year N (from_id) to the one of year N+1 that restates it
(to_id): 延续 (carried), 上调 / 下调 (a target raised or lowered), or 不再提及 (a target
of year N with no target for its indicator in year N+1; to_id NULL). The links are
derived by the rules of tracker.history.carry_rules: every write that changes a plan
rebuilds its regions' links whole inside its own transaction (`relink`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

FLAGS = ("carried", "raised", "lowered", "dropped")
FLAG_WORDS = {"carried": "延续", "raised": "上调", "lowered": "下调", "dropped": "不再提及"}


def plan_rows(conn: sqlite3.Connection, region: str, year: int) -> list[dict]:
    """Current commitments of region's reports planned for year, in document order (one query)."""
    cur = conn.execute("""
        SELECT c.id, c.kind, c.text, c.indicator, c.measure, c.value, c.value_high, c.unit,
               c.comparator, c.direction, c.period, c.report_id, c.line
        FROM commitments c JOIN reports r ON r.id = c.report_id
        WHERE r.region = ? AND r.plan_year = ? AND c.stale = 0
        ORDER BY c.report_id, c.line, c.id""", (region, int(year)))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, v)) for v in cur]


def relink(conn: sqlite3.Connection, regions: Iterable[str] | None = None) -> int:
    """Inside a write transaction: rebuild the links of every pair of consecutive plan years
    of regions (None: every region); returns how many links."""
    # The rules load the indicator lexicon: imported when a plan changes, not at start-up.
    from tracker.history.carry_rules import links_between

    if regions is None:
        regions = {r for (r,) in conn.execute("SELECT DISTINCT region FROM reports WHERE region IS NOT NULL")}
    total = 0
    for region in sorted({r for r in regions if r}):
        conn.execute("DELETE FROM carry_links WHERE region = ?", (region,))
        years = [y for (y,) in conn.execute("SELECT DISTINCT plan_year FROM reports WHERE region = ? "
                                            "AND plan_year IS NOT NULL ORDER BY 1", (region,))]
        rows = {y: plan_rows(conn, region, y) for y in years}
        for year in years:
            if year + 1 not in rows:
                continue
            found = links_between(rows[year], rows[year + 1])
            conn.executemany(
                "INSERT INTO carry_links (region, year, from_id, to_id, flag, score) VALUES (?, ?, ?, ?, ?, ?)",
                [(region, year, k["from_id"], k.get("to_id"), k["flag"], k.get("score")) for k in found])
            total += len(found)
    return total


def relink_commitments(conn: sqlite3.Connection, ids: Iterable[int]) -> int:
    """Inside a write transaction: rebuild the links of the regions of commitments ids."""
    ids = [int(i) for i in ids]
    if not ids:
        return 0
    regions = {r for (r,) in conn.execute(
        f"SELECT DISTINCT report_region FROM commitments WHERE id IN ({','.join('?' * len(ids))})", ids)}
    return relink(conn, regions - {None})


def carry_links(conn: sqlite3.Connection, cid: int) -> list[dict]:
    """Links of one commitment, both ways: flag, side ("next"/"previous"), the other commitment."""
    cur = conn.execute("""
        SELECT l.flag, l.score, 'next' AS side, l.to_id AS other_id, l.year + 1 AS other_year
          FROM carry_links l WHERE l.from_id = :c
        UNION ALL
        SELECT l.flag, l.score, 'previous', l.from_id, l.year
          FROM carry_links l WHERE l.to_id = :c
        ORDER BY side DESC, other_id""", {"c": int(cid)})   # the year before first
    out = []
    for flag, score, side, other, year in cur.fetchall():
        row = conn.execute("SELECT text, kind, report_id FROM commitments WHERE id = ?",
                           (other,)).fetchone() if other is not None else None
        out.append({"flag": flag, "word": FLAG_WORDS.get(flag, flag), "score": score, "side": side,
                    "other_id": other, "other_year": year,
                    "other_text": row[0] if row else None, "other_kind": row[1] if row else None})
    return out


def carry_labels(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """Short label per id ("延续至2026", "较2025年下调", "2026不再提及"); ids without links left out."""
    ids = [int(i) for i in ids]
    out: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for cid, flag, year, side in conn.execute(f"""
                SELECT from_id, flag, year, 'next' FROM carry_links WHERE from_id IN ({marks})
                UNION ALL
                SELECT to_id, flag, year, 'previous' FROM carry_links WHERE to_id IN ({marks})
                ORDER BY 4 DESC, 2""", chunk + chunk):   # the year before first
            out.setdefault(cid, []).append(label(flag, year, side))
    return {cid: "；".join(dict.fromkeys(words)) for cid, words in out.items()}


def label(flag: str, year: int, side: str) -> str:
    """Words for a link seen from one side: "延续至2026", "延续自2025", "2026年下调", "较2025年下调"."""
    word = FLAG_WORDS.get(flag, flag)
    if flag == "dropped":
        return f"{year + 1}年{word}"
    if flag == "carried":
        return f"{word}至{year + 1}" if side == "next" else f"{word}自{year}"
    return f"{year + 1}年{word}" if side == "next" else f"较{year}年{word}"


def carry_clause(flag: str) -> tuple[str, list]:
    """Filter condition over commitments c: c has a link with flag (either side)."""
    return ("(c.id IN (SELECT from_id FROM carry_links WHERE flag = ?) OR "
            "c.id IN (SELECT to_id FROM carry_links WHERE flag = ? AND to_id IS NOT NULL))", [flag, flag])
