"""The 督办 loop: responsible units on commitments, the office's 分工方案 (read, matched to
commitments, exported), one progress form per unit out and back, and the 通报 by unit.

Pure functions over frozen dataclasses: reading and writing files here never touches the
store; `tracker/store/` records what these modules read (assignments, unit reports, forms
sent) and the CLI and the app call both.
"""
