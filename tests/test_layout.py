"""The layout keeps data flowing one way: walks every import (AST, inside functions too)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGES = ("tracker", "ui")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every module path imports, at any depth of the file (functions included)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for a in node.names:
                sub = f"{base}.{a.name}"
                found.add(sub if sub in modules else base)
    return found


def graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {m: {i for i in imports_of(p, modules) if i in modules and i != m} for m, p in modules.items()}


def find_cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Cycles of an import graph (depth-first, each found once per back edge)."""
    state: dict[str, int] = {}
    cycles = []

    def visit(m, stack):
        state[m] = 1
        for n in sorted(g[m]):
            if state.get(n) == 1:
                cycles.append(stack[stack.index(n):] + [n])
            elif n not in state:
                visit(n, stack + [n])
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            visit(m, [m])
    return cycles


def test_no_import_cycles():
    cycles = find_cycles(graph())
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_walker_sees_an_import_hidden_in_a_function(tmp_path):
    """The checks can fail: an import inside a function is an edge, and a two-module loop is a cycle."""
    mod = tmp_path / "tracker" / "store" / "hidden.py"
    mod.parent.mkdir(parents=True)
    mod.write_text("def f():\n    from tracker.extract import pipeline\n", encoding="utf-8")
    modules = {"tracker.extract.pipeline": mod}
    import test_layout
    old = test_layout.ROOT
    test_layout.ROOT = tmp_path
    try:
        assert imports_of(mod, modules) == {"tracker.extract.pipeline"}
    finally:
        test_layout.ROOT = old
    assert find_cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_store_never_imports_extraction():
    modules = all_modules()
    bad = {m: sorted(i for i in imports_of(p, modules) if i.startswith("tracker.extract"))
           for m, p in modules.items() if m.startswith("tracker.store")}
    assert not {m: v for m, v in bad.items() if v}


def test_the_window_imports_documents_by_one_path():
    """File ▸ Import and drops both go through ui.importing, which runs tracker.importer on
    the worker with its own connection; ui.samples builds the separate sample store."""
    modules = all_modules()
    users = sorted(m for m, p in modules.items() if m.startswith("ui")
                   and "tracker.importer" in imports_of(p, modules))
    assert users == ["ui.importing", "ui.samples"]


def test_core_never_imports_qt_or_ui():
    modules = all_modules()
    bad = {m: sorted(i for i in imports_of(p, modules) if i.split(".")[0] in ("PySide6", "ui"))
           for m, p in modules.items() if m.startswith("tracker")}
    assert not {m: v for m, v in bad.items() if v}


def test_every_stage_package_says_what_it_holds():
    for pkg in ("ingest", "extract", "store", "verify", "sheet", "cli"):
        init = ROOT / "tracker" / pkg / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"tracker/{pkg}/__init__.py needs a docstring"


def test_every_module_is_in_the_architecture_doc():
    doc = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = [str(p.relative_to(ROOT)) for p in all_modules().values()
               if p.name not in ("__init__.py", "__main__.py") and f"`{p.relative_to(ROOT)}`" not in doc]
    assert not missing, f"not described in docs/ARCHITECTURE.md: {missing}"


# Files of tracker/ and ui/ that may open an SQLite connection, with why: the store's own
# package, and the word cache (jieba's dictionary as a read-only SQLite file of its own,
# never a store: tracker/verify/word_dict.py).
CONNECTION_OWNERS = ("tracker/store/", "tracker/verify/word_dict.py")


def _calls(path: Path) -> list[tuple[str, ast.Call]]:
    """(dotted name, call) of every call in a file: sqlite3.connect, Database, …"""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            base = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
            out.append((f"{base}.{name}" if base else name, node))
    return out


def test_only_the_store_opens_connections():
    """Nothing outside tracker/store/ opens a store connection (issue 19): the app's
    background work asks the store for its own (tracker.store.ops)."""
    bad = []
    for path in all_modules().values():
        rel = str(path.relative_to(ROOT))
        if rel.startswith(CONNECTION_OWNERS):
            continue
        bad += [f"{rel}:{call.lineno} {name}" for name, call in _calls(path)
                if name in ("sqlite3.connect", "Database", "sqlite_utils.Database")]
    assert not bad, f"connections opened outside the store: {bad}"


def test_no_connection_is_shared_across_threads():
    """No check_same_thread=False anywhere: a connection belongs to the thread that opened it."""
    bad = [f"{p.relative_to(ROOT)}:{call.lineno}" for p in all_modules().values() for _, call in _calls(p)
           if any(k.arg == "check_same_thread" for k in call.keywords)]
    assert not bad, f"check_same_thread given: {bad}"


def test_the_connection_checks_can_fail(tmp_path):
    """The walkers see a connect and a check_same_thread in a module."""
    mod = tmp_path / "m.py"
    mod.write_text("import sqlite3\nc = sqlite3.connect('x', check_same_thread=False)\n", encoding="utf-8")
    calls = _calls(mod)
    assert [n for n, _ in calls] == ["sqlite3.connect"]
    assert [k.arg for k in calls[0][1].keywords] == ["check_same_thread"]
