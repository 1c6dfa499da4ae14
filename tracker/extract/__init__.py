"""Extraction: a decoded file -> its reports -> their commitments (targets, 实事, projects).

segment (+ metadata: title, region, years) splits a file into reports; sections and plan_part
say what each paragraph is; targets (+ target_clauses), livelihood and projects (+ pledge_figures)
find commitments, reading numbers and dates; glossary reads 名词解释; pipeline runs them in order
and writes the contract JSON.
"""

from tracker.extract.pipeline import contract_json, extract_file, extract_files, extract_source

__all__ = ["contract_json", "extract_file", "extract_files", "extract_source"]
