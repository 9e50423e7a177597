"""The schedule as an iCalendar file (RFC 5545), written by hand: one all-day VEVENT per planned visit.

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character (a Chinese
character is 3 octets); text values escape backslash, semicolon, comma and newline (3.3.11). The UID
is the plan entry's id, so importing the file again updates the events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from msfood.i18n import t
from msfood.planning.schedule import PlanEntry

LINE_OCTETS = 75


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> bytes:
    """One content line as UTF-8 octets, folded: no physical line longer than 75 octets (the CRLF
    aside), continuation lines starting with one space, never inside a character."""
    out = bytearray()
    limit = LINE_OCTETS
    length = 0
    for ch in line:
        encoded = ch.encode("utf-8")
        if length + len(encoded) > limit:
            out += b"\r\n "
            length = 1
        out += encoded
        length += len(encoded)
    out += b"\r\n"
    return bytes(out)


def _mode(code: str, lang: str | None) -> str:
    return t(f"schedule.mode_{code}", lang) if code in ("onsite", "gathered") else code


def schedule_ics(
    entries: Iterable[PlanEntry], *, period_key: str, stamp: dt.datetime, lang: str | None = None
) -> bytes:
    """The calendar's octets. `stamp` (DTSTAMP) is taken as UTC."""
    utc = stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp
    dtstamp = utc.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//msfood//visit schedule//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(t('schedule.ics_name', lang, period=period_key))}",
    ]
    for entry in entries:
        note = (
            f"；{entry.note}"
            if entry.note and not (lang or "").startswith("en")
            else (f"; {entry.note}" if entry.note else "")
        )
        description = t(
            "schedule.ics_description",
            lang,
            mode=_mode(entry.mode, lang),
            cadre=entry.cadre.name,
            phone=entry.cadre.phone,
            rule_period=entry.rule_period_key,
            note=note,
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{entry.id}@msfood",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{entry.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(entry.day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(t('schedule.ics_summary', lang, business=entry.business_name))}",
            *([f"LOCATION:{escape_text(entry.address)}"] if entry.address else []),
            f"DESCRIPTION:{escape_text(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
