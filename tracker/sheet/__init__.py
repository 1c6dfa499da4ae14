"""The status sheet (目标 | 完成情况 | 状态 | 证据): data from the store, then PDF, CSV, XLSX or HTML.

data (words, colours, the SheetData snapshot) <- build (from the store) -> write (by suffix)
-> pdf (+ chart, font) | csv_file | xlsx_file | html_file.
"""

from tracker.sheet.build import sheet_data
from tracker.sheet.data import (COLUMNS, KIND_LABELS, KIND_ORDER, STATUS_FILLS, STATUS_INKS, STATUS_LABELS,
                                STATUS_ORDER, SheetData, SheetGroup, SheetRow)
from tracker.sheet.write import write_data, write_sheet

__all__ = ["COLUMNS", "KIND_LABELS", "KIND_ORDER", "STATUS_FILLS", "STATUS_INKS", "STATUS_LABELS",
           "STATUS_ORDER", "SheetData", "SheetGroup", "SheetRow", "sheet_data", "write_data", "write_sheet"]
