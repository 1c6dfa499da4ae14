"""承诺台账 desktop app (PySide6). Depends on tracker/, never the reverse."""
