"""Extraction: a decoded file -> its reports -> their commitments (targets, 实事, projects).

segment (+ metadata: title, region, years) splits a file into reports; sections and plan_part
say what each paragraph is; targets (+ target_clauses), livelihood and projects (+ pledge_figures)
find commitments, reading numbers and dates; glossary reads 名词解释; pipeline runs them in order
and writes the contract JSON.
"""

import importlib

__all__ = ["contract_json", "extract_file", "extract_files", "extract_source"]


def __getattr__(name: str):
    """`from tracker.extract import extract_file` loads the pipeline (all the rules, ~200
    regular expressions) on first use only, so importing one rule module (selection,
    dates) does not compile every rule: start-up time, issue 15."""
    if name in __all__:
        return getattr(importlib.import_module("tracker.extract.pipeline"), name)
    raise AttributeError(f"module 'tracker.extract' has no attribute {name!r}")
