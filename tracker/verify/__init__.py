"""Verification: review passages about each commitment, actual figures, verdicts, suggestions.

passages (a review cut into searchable passages) -> period (which year a passage speaks of)
-> actuals (figures read from a passage) -> verdict (figure against target) -> core (one
commitment against one review) -> review (a whole plan against a review text) -> suggestions
(stored evidence for a store's open commitments).
"""

from tracker.verify.core import Evidence, Result, Review
from tracker.verify.review import build_review, review_year, verify_texts
from tracker.verify.suggestions import Outcome, find_evidence, suggest

__all__ = ["Evidence", "Result", "Review", "build_review", "review_year", "verify_texts", "suggest",
           "find_evidence", "Outcome"]
