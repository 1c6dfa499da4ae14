"""Elements a page's own style sheets hide: `<style>.x{display:none}</style>` … `<div class="x">`.

Portals hide mobile menus, share boxes and closed panels by class as often as inline. The
rules of the page's <style> elements that set `display` or `visibility` are weighed as a
browser weighs them: !important first, then specificity, then the later rule; an element's
inline style beats any rule that is not !important (so `.tab{display:none}` with
`.tab.on{display:block}` hides only the closed tabs). Rules inside @media / @supports (a
screen width, print) and selectors with pseudo-classes (:hover, :checked) depend on the
reader's screen or actions and are not applied; linked style sheets are not fetched.
Each rule is tried only on the elements carrying its last class, id or tag (one index).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator

import soupsieve
from bs4 import BeautifulSoup, Tag

MAX_SELECTORS = 2_000        # of rules setting display or visibility (a page has a handful)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_BRACE = re.compile(r"[{}]")
_DECLARATION = re.compile(r"(?:^|;)\s*(display|visibility)\s*:\s*([^;!]*?)\s*(!\s*important)?\s*(?=;|$)",
                          re.IGNORECASE)
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_COMBINATOR = re.compile(r"\s*[\s>+~]\s*")
_KEY = re.compile(r"#([\w-]+)|\.([\w-]+)|^([A-Za-z][\w-]*)")
_TYPE = re.compile(r"(?:^|[\s>+~])([A-Za-z])")
_INLINE = (1, 0, 0, 0)


def _rules(css: str) -> Iterator[tuple[str, str]]:
    """(selector list, declarations) of each rule outside any @-block."""
    css = _COMMENT.sub("", css)
    pos = 0
    while (open_ := css.find("{", pos)) >= 0:
        depth, end = 1, len(css)
        for brace in _BRACE.finditer(css, open_ + 1):
            depth += 1 if brace.group() == "{" else -1
            if depth == 0:
                end = brace.start()
                break
        prelude = css[pos:open_].rsplit(";", 1)[-1].strip()     # after an @import …;
        if not prelude.startswith("@"):
            yield prelude, css[open_ + 1:end]
        pos = end + 1


def declarations(style: str) -> dict[str, tuple[str, bool]]:
    """display / visibility of a declaration block: property → (value, important); an
    important one is not overridden by a later plain one."""
    found: dict[str, tuple[str, bool]] = {}
    for m in _DECLARATION.finditer(style):
        prop, value, important = m.group(1).lower(), m.group(2).lower(), bool(m.group(3))
        if important or not found.get(prop, ("", False))[1]:
            found[prop] = (value, important)
    return found


def _specificity(selector: str) -> tuple[int, int, int, int]:
    plain = _ATTRIBUTE.sub("[]", selector)
    return 0, plain.count("#"), plain.count(".") + plain.count("[]"), len(_TYPE.findall(plain))


def _candidates(selector: str, index: dict[tuple[str, str], list[Tag]], every: list[Tag]) -> list[Tag]:
    """The elements selector can match: those with the last compound's id, else its class,
    else its tag."""
    last = _COMBINATOR.split(_ATTRIBUTE.sub("[]", selector.strip()))[-1]
    keys = [m for m in _KEY.finditer(last)]
    for group, kind in ((1, "id"), (2, "class"), (3, "tag")):
        for m in keys:
            if m.group(group):
                value = m.group(group)
                return index.get((kind, value.lower() if kind == "tag" else value), [])
    return every


def hidden_by_style_sheets(soup: BeautifulSoup, check: Callable[[], None] | None = None) -> list[Tag]:
    """The elements whose display is none or visibility hidden by the page's <style> rules."""
    sheets = [style.get_text() for style in soup.find_all("style")]
    rules = []
    for sheet in sheets:
        for selectors, block in _rules(sheet):
            props = declarations(block)
            if props:
                rules.extend((s.strip(), props) for s in selectors.split(",") if s.strip() and ":" not in s)
    if not rules:
        return []
    every = soup.find_all(True)
    index: dict[tuple[str, str], list[Tag]] = defaultdict(list)
    for tag in every:
        index["tag", tag.name.lower()].append(tag)
        if isinstance(tag.get("id"), str):
            index["id", tag["id"]].append(tag)
        for name in tag.get("class") or ():
            index["class", name].append(tag)
    winning: dict[int, tuple[Tag, dict[str, tuple[tuple, str]]]] = {}
    for order, (selector, props) in enumerate(rules[:MAX_SELECTORS]):
        if check:
            check()
        try:
            compiled = soupsieve.compile(selector)
        except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
            continue                # what soupsieve cannot read, a browser would mostly skip too
        rank = _specificity(selector)
        for tag in _candidates(selector, index, every):
            if compiled.match(tag):
                _weigh(winning.setdefault(id(tag), (tag, {}))[1], props, rank, order)
    hidden = []
    for tag, won in winning.values():
        inline = tag.get("style")
        if isinstance(inline, str):
            _weigh(won, declarations(inline), _INLINE, len(rules))
        if won.get("display", ((), ""))[1] == "none" or won.get("visibility", ((), ""))[1] in ("hidden", "collapse"):
            hidden.append(tag)
    return hidden


def _weigh(won: dict[str, tuple[tuple, str]], props: dict[str, tuple[str, bool]], rank: tuple, order: int) -> None:
    """Keep, per property, the declaration a browser applies: (important, specificity, order)."""
    for prop, (value, important) in props.items():
        key = (important, rank, order)
        if prop not in won or key > won[prop][0]:
            won[prop] = (key, value)
