"""Data files shipped with the tracker (indicators.json: indicator names and aliases)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def indicator_table() -> dict:
    """The parsed indicators.json (indicators with aliases, pairs), read once."""
    return json.loads(resources.files(__name__).joinpath("indicators.json").read_text("utf-8"))
