"""Date mentions with ISO 8601 values.

A small hand-written grammar (regular expressions built from `models/dates_lexicon.json`) finds
date expressions in `doc.text`; spaCy's DATE entities add the ones the grammar misses (value null),
and the parse decides the direction of yearless and weekday dates from the tense of their verb.
Relative expressions resolve against the publication date only, never against the clock. Holidays of
other calendars (Islamic, Hebrew, Hindu, Chinese, ...) take their dates from calendar libraries, listed
in `models/dates_holidays.json` and imported only when such a name is found.

The package, in the order a match travels: `lexicon` (word lists and regex fragments), `grammar` (the
patterns), `words` (reading a match's words and the parse around it), the resolvers `calendar_dates`,
`relative_dates` and `holiday_dates`, `values` (what they return), and `scan` (mentions put together).
"""

from claimex.dates.scan import find_dates, find_published_date

__all__ = ["find_dates", "find_published_date"]
