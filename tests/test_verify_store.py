"""Suggestions in a real store: from later reports of the region, no duplicates, rejects stay out."""

from __future__ import annotations

import json

import pytest

from tracker.cli.main import main
from tracker.store import Filter, Store
from tracker.verify import suggest
from tracker.importer import import_files

from conftest import DEV, seed


@pytest.fixture()
def store(tmp_path):
    """Seed 000 (肃州区 compilation with a 2024 plan) and seed 001 (2025 report reviewing 2024)."""
    s = Store.open(tmp_path / "t.db")
    import_files(s, [seed("000"), seed("001")])
    yield s
    s.close()


def _all_suggestions(store) -> dict[int, list[dict]]:
    return {cid: store.suggestions(cid) for cid in store.query(Filter(include_stale=True))}


def test_suggestions_come_from_later_reports_of_the_region(store):
    added = suggest(store, plan_year=2024)
    assert added > 0
    docs = {d["name"]: d["id"] for d in store.documents()}
    review_doc = next(i for name, i in docs.items() if name.startswith("001"))
    for cid, items in _all_suggestions(store).items():
        for s in items:
            assert s["review_document_id"] == review_doc
            assert s["state"] == "pending"
            assert s["status"] in ("done", "partial", "in_progress", "not_done", "unknown")


def test_suggestions_are_not_verdicts_until_accepted(store):
    suggest(store, plan_year=2024)
    for cid in store.query(Filter(year=2024)):
        assert store.history(cid) == []
        assert store.commitment(cid)["status"] is None


def test_rerun_adds_no_duplicates(store):
    first = suggest(store, plan_year=2024)
    before = sum(len(v) for v in _all_suggestions(store).values())
    assert suggest(store, plan_year=2024) == 0
    assert sum(len(v) for v in _all_suggestions(store).values()) == before == first


def test_rejected_suggestion_never_returns(store):
    suggest(store, plan_year=2024)
    cid, items = next((c, v) for c, v in _all_suggestions(store).items() if v)
    store.evidence.reject(items[0]["id"])
    suggest(store, plan_year=2024)
    again = store.suggestions(cid)
    assert [s["state"] for s in again if s["fingerprint"] == items[0]["fingerprint"]] == ["rejected"]
    assert len(again) == len(items)


def test_accept_records_the_users_verdict_with_evidence(store, capsys):
    suggest(store, plan_year=2024)
    cid, items = next((c, v) for c, v in _all_suggestions(store).items()
                      if v and v[0]["status"] == "done" and v[0]["actual_value"] is not None)
    store.close()
    db = str(store.path)
    assert main(["--db", db, "accept", str(cid)]) == 0
    with Store.open(db) as s:
        event = s.history(cid)[0]
        assert event["source"] == "user" and event["status"] == "done"
        assert event["evidence_text"] == items[0]["evidence"][0]["text"]
        assert event["actual_value"] == items[0]["actual_value"]


def test_cli_reject_then_suggest(store, capsys):
    suggest(store, plan_year=2024)
    cid, items = next((c, v) for c, v in _all_suggestions(store).items() if v)
    store.close()
    db = str(store.path)
    assert main(["--db", db, "reject", str(cid), str(items[0]["id"])]) == 0
    assert main(["--db", db, "suggest", "--plan-year", "2024"]) == 0
    assert "0" in capsys.readouterr().out.splitlines()[-1]
    assert main(["--db", db, "reject", str(cid), "999999"]) == 1
    assert "999999" in capsys.readouterr().err


def test_suggest_with_review_file_imports_it(tmp_path, capsys):
    db = str(tmp_path / "r.db")
    with Store.open(db) as s:
        import_files(s, [seed("000")])
    assert main(["--db", db, "suggest", "--review", str(seed("001"))]) == 0
    with Store.open(db) as s:
        assert any(d["name"].startswith("001") for d in s.documents())
        assert any(_all_suggestions(s).values())


def test_progress_and_cancel_callbacks(store):
    calls = []
    suggest(store, plan_year=2024, progress=lambda d, t: calls.append((d, t)), cancel=lambda: len(calls) >= 3)
    assert len(calls) == 3 and calls[-1][1] >= 3


def test_cli_verify_json_contract(capsys):
    code = main(["verify", str(DEV / "national_2013.txt"), str(DEV / "national_2014.txt"),
                 "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["plan"]["plan_year"] == 2013 and out["review"]["report_year"] == 2014
    gdp = next(r for r in out["results"] if r["commitment"]["text"].startswith("国内生产总值增长7.5%左右"))
    assert gdp["status"] == "done" and gdp["actual_value"] == 7.7
    assert gdp["evidence"][0]["line"] == 10 and "增长7.7%" in gdp["evidence"][0]["text"]
    assert {r["status"] for r in out["results"]} <= {"done", "partial", "not_done", "in_progress", "unknown"}


def test_cli_verify_missing_file_is_one_line(capsys, tmp_path):
    code = main(["verify", str(tmp_path / "nope.txt"), str(seed("001")), "--json"])
    err = capsys.readouterr().err
    assert code == 1 and "nope.txt" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("a, b, same", [("肃州区", "肃州区", True), ("酒泉市肃州区", "肃州区", True),
                                        ("肃州区", "复兴区", False), (None, "肃州区", False), ("区", "复兴区", False)])
def test_same_region(a, b, same):
    from tracker.pairing import same_region
    assert same_region(a, b) is same
