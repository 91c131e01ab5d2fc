"""Dates as archives write them ("January 11, 2010 Monday", "1 July 2019 Monday 9:20 AM GMT")."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1) for m in (name, name[:3])}
MONTHS["sept"] = 9
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))\b", re.IGNORECASE)
#: An ISO date, alone or opening a timestamp ("2024-05-01", "2024-05-01T09:30:00Z").
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|(?=T\d))")
WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)
#: Words allowed beside the date on a date line: weekday, time, zone, edition words.
DATE_LINE_EXTRA = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}:\d{2}(?::\d{2})?|[ap]\.?m\.?|"
    r"[+-]\d{4}|\([^)]*\)|edition|final|late|early|correction|appended|-|,|;)$",
    re.IGNORECASE)
#: A time zone written in capitals (GMT, EST, CET).
ZONE = re.compile(r"^[A-Z]{2,5}$")


def parse_date(text: str) -> str:
    """The first date in ``text`` as YYYY-MM-DD ('' when there is none or it is not a real
    date): ISO dates and dates with a month name, in either order."""
    iso = ISO.search(text)
    found = DATE.search(text)
    if iso and (not found or iso.start() < found.start()):
        return _iso(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if not found:
        return ""
    month = found.group("m1") or found.group("m2")
    day = found.group("d1") or found.group("d2")
    year = found.group("y1") or found.group("y2")
    number = MONTHS.get(month.lower().rstrip(".")) or MONTHS.get(month.lower()[:3])
    return _iso(int(year), number, int(day)) if number else ""


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def is_date_line(line: str) -> bool:
    """A line that is a date and nothing else but a weekday, a time or an edition word
    ("January 11, 2010 Monday", "July 1, 2019 Monday 9:20 AM GMT", "1 July 2019")."""
    line = line.strip()
    found = DATE.match(line)
    if not found or not parse_date(found.group()):
        return False
    rest = line[found.end():].replace(",", " , ").split()
    return len(rest) <= 6 and all(DATE_LINE_EXTRA.match(w) or ZONE.match(w) for w in rest)
