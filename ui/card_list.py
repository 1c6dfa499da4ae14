"""A scrollable column of cards the office decides on, each with 采纳 / 驳回 (the verify
engine's suggestions, units' reports); and plain_label, the text that is never markup."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.status_style import status_colours


def plain_label(text: str = "", wrap: bool = True) -> QLabel:
    """A QLabel that never interprets markup and can be selected and copied."""
    label = QLabel()
    label.setTextFormat(Qt.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


def badge(label: QLabel, status: str | None, text: str) -> None:
    """A card's status word in the status's colours."""
    fg, bg = status_colours(status)
    label.setText(text)
    label.setStyleSheet(f"color: {fg.name()}; background: {bg.name()}; padding: 1px 6px;"
                        " border-radius: 3px; font-weight: bold;")


def decision_buttons(card: QWidget, head, accept_tip: str, reject_tip: str) -> None:
    """采纳 / 驳回 at the end of a card's head row: card.accept_button, card.reject_button."""
    card.accept_button = QPushButton(card.tr("采纳"))
    card.reject_button = QPushButton(card.tr("驳回"))
    card.accept_button.setToolTip(accept_tip)
    card.reject_button.setToolTip(reject_tip)
    # The pair wraps as one: 驳回 alone on a line under 采纳 read as a separate control.
    pair = QWidget()
    buttons = QHBoxLayout(pair)
    buttons.setContentsMargins(0, 0, 0, 0)
    buttons.addWidget(card.accept_button)
    buttons.addWidget(card.reject_button)
    head.addWidget(pair)


class DecisionList(QScrollArea):
    """Cards with accept_button and reject_button; emits the id of the card decided on.
    `empty` (set by the subclass, translated): what the column says when there is no card."""

    accept_requested = Signal(int)
    reject_requested = Signal(int)
    empty = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.cards: list[QWidget] = []
        self._writable = True
        self.set_cards([], [])

    def set_cards(self, cards: Sequence[QWidget], ids: Sequence[int]) -> None:
        """Replace the cards (in this order); ids: what each card's buttons emit."""
        body = QWidget()
        layout = QVBoxLayout(body)
        self.cards = list(cards)
        for card, key in zip(self.cards, ids):
            card.accept_button.clicked.connect(lambda _c=False, k=key: self.accept_requested.emit(k))
            card.reject_button.clicked.connect(lambda _c=False, k=key: self.reject_requested.emit(k))
            layout.addWidget(card)
        self.set_writable(self._writable)
        if not self.cards:
            layout.addWidget(plain_label(self.tr(self.empty)))
        layout.addStretch(1)
        self.setWidget(body)

    def set_writable(self, on: bool) -> None:
        """Offer 采纳 / 驳回 only on a store that can be written."""
        self._writable = on
        for card in self.cards:
            for button in (card.accept_button, card.reject_button):
                button.setVisible(on)
