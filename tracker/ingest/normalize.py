"""Character folding for matching: full-width digits/letters/punctuation to ASCII.

The mapping is one character to one character, so offsets in folded text are
offsets in the original: rules match on fold(text), quotes are cut from text.
"""

from __future__ import annotations

_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}   # ！..～ -> !..~
_TABLE.update({
    0x3000: 0x20,     # ideographic space
    0x00A0: 0x20,     # no-break space
    0x3002: 0x3002,   # keep 。 (sentence end) as is
    0xFF0E: 0x2E,     # ． full-width full stop used as decimal point: 7．5%
    0x2014: 0x2014,
})
# Keep full-width ～ and the Chinese commas/brackets that rules test for literally.
for keep in "～，；：（）！？":
    _TABLE.pop(ord(keep), None)


def fold(text: str) -> str:
    """Same-length copy of text with full-width ASCII forms mapped to ASCII."""
    return text.translate(_TABLE)
