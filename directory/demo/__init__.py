"""Demo data for ``seed_demo``: the territories and networks of the five projects behind Linkrete.

The data is written out in these modules (no randomness), so every run builds the same records.
"""
