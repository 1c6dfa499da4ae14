"""Chinese interface: Qt's own translations and the display names of kinds and statuses.

The core speaks English identifiers (`livelihood`, `in_progress`); the user sees
民生实事, 推进中. Labels and colours of statuses and kinds come from ui.status_style
(shared with the detail pane) so the table, filter bar, dashboard and pane agree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QColor

from tracker.model import KINDS, STATUSES
from ui.status_style import UNMARKED, kind_label, status_foreground, status_label

__all__ = ["UNMARKED", "install", "kind_label", "status_label", "kinds", "statuses",
           "status_colour", "kind_colour"]

_translators: list[QTranslator] = []


class AcceleratorFallback(QTranslator):
    """Qt moved some accelerators after its Chinese catalogue was made: the file dialog asks
    for "&Look in:", the print dialogs for "Page &Set:" and "Pages &per sheet:", where the
    catalogue has "Look in:", "Page Set:", "Pages per sheet:". Such a string is looked up
    without its "&" in the same context and gets its key back, Chinese style: 查找范围(&L)：.
    Installed before the catalogues, so it is asked only when they have no answer."""

    def __init__(self, catalogues: list[QTranslator], parent=None) -> None:
        super().__init__(parent)
        self._catalogues = catalogues

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt override)
        # None, never "": an empty string would be taken as the translation of every text.
        if not source or source.count("&") != 1:
            return None
        key = source[source.index("&") + 1:][:1]
        if not key.isalnum():
            return None
        plain = source.replace("&", "")
        for catalogue in self._catalogues:
            text = catalogue.translate(context, plain, disambiguation, n)
            if text:
                colon = text[-1] if text[-1] in "：:" else ""
                return f"{text[:len(text) - len(colon)]}(&{key.upper()}){colon}"
        return None


def install(app: QCoreApplication, locale_name: str = "zh_CN") -> None:
    """Set the default locale and load Qt's translations so standard dialogs speak Chinese:
    qtbase holds every Qt module the app uses that has words (widgets, file and print
    dialogs, print preview); QtCharts, QtPdf and QtSvg show none."""
    locale = QLocale(locale_name)
    QLocale.setDefault(locale)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = []
    for name in ("qtbase", "qt"):
        tr = QTranslator(app)
        if tr.load(locale, name, "_", folder):
            catalogues.append(tr)
    fallback = AcceleratorFallback(catalogues, app)
    # The newest translator is asked first: the catalogues go in after their fallback.
    for tr in (fallback, *catalogues):
        app.installTranslator(tr)
        _translators.append(tr)


def kinds() -> list[tuple[str, str]]:
    """(identifier, label) for every kind, in the core's order."""
    return [(k, kind_label(k)) for k in KINDS]


def statuses(with_unmarked: bool = True) -> list[tuple[str, str]]:
    """(identifier, label) for every status, optionally followed by 未标记."""
    items = [(s, status_label(s)) for s in STATUSES]
    if with_unmarked:
        items.append((UNMARKED, status_label(UNMARKED)))
    return items


def status_colour(status: str | None) -> QColor:
    """The saturated colour of a status, for chart slices and bars."""
    return status_foreground(status)


# Muted hues distinct from the status traffic lights.
_KIND_COLOURS = {"target": "#5c6bc0", "livelihood": "#26a69a", "project": "#8d6e63"}


def kind_colour(kind: str | None) -> QColor:
    """The colour that stands for a kind in the charts."""
    return QColor(_KIND_COLOURS.get(kind or "", "#9e9e9e"))
