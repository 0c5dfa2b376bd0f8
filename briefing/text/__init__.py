"""Shared handling of English news text: one home for each text concept.

Sentence splitting, the abbreviation list, month and weekday tables, control characters and
the two kinds of normalisation live here, so the readers, the extractors, selection and the
writers agree on them and a new spelling is added in one place.  Nothing here imports any
other part of `briefing`.
"""
