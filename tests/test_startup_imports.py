"""Start-up loads only what it needs (issue 15): heavy stages load when first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _loaded_after(code: str) -> set[str]:
    """Top-level and tracker modules loaded by a fresh interpreter after running code."""
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                         check=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_cli_help_loads_no_stage():
    loaded = _loaded_after("import tracker.cli.main as m; m.build_parser().format_help()")
    for heavy in ("sqlite_utils", "reportlab", "jieba", "docx", "openpyxl",
                  "tracker.store.core", "tracker.extract.pipeline", "tracker.verify.core",
                  "tracker.sheet.build"):
        assert heavy not in loaded, heavy


def test_verify_never_loads_jieba():
    loaded = _loaded_after(
        "from tracker.verify import tokens\n"
        "assert tokens.words('社会消费品零售总额增长6%左右')")
    assert "jieba" not in loaded


def test_app_window_module_loads_no_printing_extraction_or_verification():
    loaded = _loaded_after("import ui.app, ui.mainwindow")
    for heavy in ("reportlab", "jieba", "tracker.extract.pipeline", "tracker.verify.core",
                  "tracker.importer"):
        assert heavy not in loaded, heavy
