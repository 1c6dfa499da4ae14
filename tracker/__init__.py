"""承诺台账 core: read government reports, extract commitments, store and verify them.

Never imports Qt: the CLI, the tests and the desktop app (ui/) are its clients.
"""

__version__ = "0.1.0"
