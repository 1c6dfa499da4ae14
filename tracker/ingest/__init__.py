"""Reading files into text: decoding (txt in any Chinese encoding, docx, pdf, html) and paragraphs.

read (file -> SourceText with its lines) -> normalize (full-width folding, same length)
-> paragraphs (lines joined where a sentence was broken, each with its source line).
"""

from tracker.ingest.paragraphs import Paragraph, paragraphs
from tracker.ingest.read import read_source

__all__ = ["Paragraph", "paragraphs", "read_source"]
