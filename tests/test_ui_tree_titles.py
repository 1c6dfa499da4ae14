"""A notice's title in the report tree keeps its distinctive part readable: the issuer
("人民政府办公室关于印发") goes, not what the list is (pytest-qt, real window, real files)."""

from __future__ import annotations

from pathlib import Path

from test_ui_daily import open_window
from tracker.importer import import_files
from tracker.store import Store
from ui.tree import short_title

LISTS = Path(__file__).parent / "data" / "lists"


def test_an_issuer_led_notice_shows_what_it_lists_in_the_tree(qtbot, tmp_path):
    store = Store.open(tmp_path / "t.db")
    import_files(store, [LISTS / "notice_dun_headings_2025.txt"])
    w = open_window(qtbot, store)
    tree = w.tree
    report = next(r for r in store.tree() if r["count"])
    assert report["title"].startswith("澜江市人民政府办公室关于印发")
    assert tree.select_scope({"report_id": report["report_id"]})
    item = tree.currentItem()
    text = item.text(0)
    assert "人民政府" not in text and text.startswith("市级民生实事项目")
    # What a person sees in the column (elided as the view elides it) names the list.
    width = tree.visualItemRect(item).width()
    shown = tree.fontMetrics().elidedText(text, tree.textElideMode(), width - 8)
    assert "民生实事" in shown, shown
    assert item.toolTip(0).startswith(report["title"][:10])     # the full title stays in the tip
    w.close()


def test_short_title_drops_the_issuer_not_the_subject():
    assert short_title("澜江市人民政府办公室关于印发2025年民生实事项目的通知", "澜江市", 2025) \
        == "民生实事项目的通知"
    assert short_title("2025年酒泉市肃州区政府工作报告", "肃州区", 2025) == "政府工作报告"
    assert short_title("关于2024年计划执行情况与2025年计划草案的报告", None, 2025) \
        == "关于2024年计划执行情况与计划草案的报告"
    assert short_title("澜江市人民政府关于公布2025年民生实事项目的公告", "澜江市", 2025) \
        == "民生实事项目的公告"
