"""Resolved values: points in time at a grain, the readings resolvers give, and date arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc

YEAR_GRAIN, MONTH_GRAIN, WEEK_GRAIN, DAY_GRAIN, DECADE_GRAIN = "year", "month", "week", "day", "decade"
NOON = dt.time(12)  # the publication time is unknown: assume midday
PAST, UNKNOWN, FUTURE = -1, 0, 1


@dataclass(frozen=True)
class When:
    """A resolved point: the day it starts and the precision the text gives."""

    day: dt.date
    grain: str
    time: Optional[dt.time] = None

    def iso(self) -> str:
        y = self.day.year
        if self.grain == DECADE_GRAIN:
            return f"{y // 10:03d}"
        if self.grain == YEAR_GRAIN:
            return f"{y:04d}"
        if self.grain == MONTH_GRAIN:
            return f"{y:04d}-{self.day.month:02d}"
        if self.grain == WEEK_GRAIN:
            iso_year, week, _ = self.day.isocalendar()
            return f"{iso_year:04d}-W{week:02d}"
        if self.time is not None:
            return f"{self.day.isoformat()}T{self.time.hour:02d}:{self.time.minute:02d}"
        return self.day.isoformat()


@dataclass
class DateReading:
    """What one match means: a value (or a shift still to be anchored), kind and modifier."""

    value: Optional[str]
    kind: str = "date"
    modifier: Optional[str] = None
    anaphoric_shift: Optional[tuple[dict, int]] = None  # (duration, sign) from the previous date
    takes_object: bool = False  # 'three days after' + a date that follows
    anaphoric_weekday: Optional[int] = None  # 'the following Monday': the first such day after the previous date
    day: Optional[dt.date] = None  # the day an absolute value starts on, to anchor anaphora
    end_point: Optional[str] = None  # a span ahead also reads as the date it runs to (see _span_ahead)


@dataclass
class Context:
    """What a resolver may look at besides its match."""

    text: str
    doc: Optional[Doc]
    published: Optional[dt.date]


def _reading(when: Optional[When], modifier: Optional[str] = None) -> DateReading:
    if when is None:
        return DateReading(None, modifier=modifier)
    return DateReading(when.iso(), modifier=modifier, day=when.day)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: Iterable[dt.date], ref: dt.date, direction: int, strict: bool = False) -> Optional[dt.date]:
    """The candidate nearest `ref` in `direction` (PAST, FUTURE, or UNKNOWN for either side)."""
    pool = list(candidates)
    if direction == PAST:
        pool = [c for c in pool if c < ref or (c == ref and not strict)]
        return max(pool, default=None)
    if direction == FUTURE:
        pool = [c for c in pool if c > ref or (c == ref and not strict)]
        return min(pool, default=None)
    return min(pool, key=lambda c: (abs((c - ref).days), c > ref), default=None)


def _iso_duration(parts: dict[str, float]) -> str:
    def fmt(n: float) -> str:
        return str(int(n)) if float(n).is_integer() else f"{n:g}"

    date_part = "".join(f"{fmt(abs(parts[u]))}{u}" for u in ("Y", "M", "W", "D") if u in parts)
    time_part = "".join(f"{fmt(abs(parts[u]))}{u[0]}" for u in ("H", "MIN", "S") if u in parts)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _duration_grain(parts: dict[str, float]) -> str:
    if any(u in parts for u in ("W", "D", "H", "MIN", "S")):
        return DAY_GRAIN
    return MONTH_GRAIN if "M" in parts else YEAR_GRAIN


def _shift(anchor: dt.date, parts: dict[str, float], sign: int) -> When:
    """`anchor` (taken at midday) moved by the duration, at the duration's finest grain."""
    months = 12 * parts.get("Y", 0) + parts.get("M", 0)
    whole_months = int(months)
    days = 7 * parts.get("W", 0) + parts.get("D", 0) + 30 * (months - whole_months)
    seconds = days * 86400 + 3600 * parts.get("H", 0) + 60 * parts.get("MIN", 0) + parts.get("S", 0)
    moved = dt.datetime.combine(_add_months(anchor, sign * whole_months), NOON)
    moved += sign * dt.timedelta(seconds=seconds)
    return When(moved.date(), _duration_grain(parts))
