"""Across the years: one indicator's targets and outcomes by year (series), and what one
year's plan carries into the next (carried). Reads the store; writes only carry links."""
