"""The app's icons: icons/NAME.svg beside the ui package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICONS = Path(__file__).resolve().parent.parent / "icons"


def icon(name: str) -> QIcon:
    """An icon from icons/NAME.svg."""
    return QIcon(str(ICONS / f"{name}.svg"))
