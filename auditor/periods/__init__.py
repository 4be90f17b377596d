"""Across periods: which year (and month or triwulan) each document is about, this year's report
against last year's, and series of monthly or quarterly exports.

* `years`    the year of a document, from what the document says ("Tahun 2024", "TAHUN ANGGARAN 2026",
             "Target 2024"), else its folder's, else a year in the folder or file name; the period a
             monthly or quarterly export states ("s.d. Bulan Maret", "Triwulan II"); a stated Renstra revision.
* `match`    the entities of two years' fact stores tied together: by code, then by name.
* `units`    folders that hold one sub-folder per year, and which of them is the current year.

The checks themselves are `auditor/checks/across_years.py`, `past_capaian.py`, `previous_year.py` and `series.py`.
"""
