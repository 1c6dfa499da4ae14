"""Verification: review passages about each commitment, actual figures, verdicts, suggestions.

passages (a review cut into searchable passages) -> period (which year a passage speaks of)
-> actuals (figures read from a passage) -> verdict (figure against target) -> core (one
commitment against one review) -> review (a whole plan against a review text) -> suggestions
(stored evidence for a store's open commitments).
"""

import importlib

__all__ = ["Evidence", "Result", "Review", "build_review", "review_year", "verify_texts", "suggest",
           "find_evidence", "Outcome"]
_HOMES = {"Evidence": "core", "Result": "core", "Review": "core", "build_review": "review",
          "review_year": "review", "verify_texts": "review", "suggest": "suggestions",
          "find_evidence": "suggestions", "Outcome": "suggestions"}


def __getattr__(name: str):
    """`from tracker.verify import suggest` loads verification (and the extraction rules it
    uses) on first use only, so tracker.verify.lexicon can be imported alone (start-up)."""
    if name in _HOMES:
        return getattr(importlib.import_module(f"tracker.verify.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'tracker.verify' has no attribute {name!r}")
