"""The demo's region tree under 株洲市 (430200): districts and counties, townships, villages.

County-level codes and names are the real GB/T 2260 ones. Townships get 9-digit codes (001-099 streets
街道, 100-199 towns 镇, 200-399 townships 乡) and villages 12-digit ones (001-199 communities 社区,
200-399 villages 村), as the statistical division codes do; their names are made up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from msfood.core.ids import natural_id
from msfood.demo.names import unique_place_words

CITY = ("430200", "株洲市")
# code, name, urban district?, relative population (business weight), townships (streets, towns, xiang)
COUNTIES: tuple[tuple[str, str, bool, int, tuple[int, int, int]], ...] = (
    ("430202", "荷塘区", True, 45, (6, 1, 0)),
    ("430203", "芦淞区", True, 42, (6, 1, 0)),
    ("430204", "石峰区", True, 32, (5, 1, 0)),
    ("430211", "天元区", True, 50, (6, 3, 0)),
    ("430212", "渌口区", True, 30, (2, 6, 0)),
    ("430223", "攸县", False, 70, (3, 12, 2)),
    ("430224", "茶陵县", False, 55, (3, 11, 2)),
    ("430225", "炎陵县", False, 18, (1, 7, 2)),
    ("430281", "醴陵市", False, 90, (4, 19, 0)),
)
STATION_COUNTY = "430204"
STATION_TOWNSHIPS = 4
COUNTY_SCALE_COUNTY = "430223"


@dataclass
class DemoRegion:
    code: str
    name: str
    level: str  # city | county | township | village
    parent: DemoRegion | None = None
    weight: float = 1.0
    children: list[DemoRegion] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        self.id = natural_id("region", self.code)

    @property
    def county(self) -> DemoRegion:
        region = self
        while region.level not in ("county", "city"):
            assert region.parent is not None
            region = region.parent
        return region

    @property
    def township(self) -> DemoRegion | None:
        region: DemoRegion | None = self
        while region is not None and region.level != "township":
            region = region.parent
        return region

    @property
    def short(self) -> str:
        """The name without its suffix (街道, 镇, 乡, 社区, 村), for business names and workplaces."""
        for suffix in ("街道", "社区", "镇", "乡", "村"):
            if self.name.endswith(suffix):
                return self.name[: -len(suffix)]
        return self.name


def _townships(rng: random.Random, county: DemoRegion, counts: tuple[int, int, int], taken: set[str]) -> None:
    streets, towns, xiangs = counts
    words = unique_place_words(rng, streets + towns + xiangs, taken)
    numbered = [(1 + i, "街道") for i in range(streets)]
    numbered += [(100 + i, "镇") for i in range(towns)]
    numbered += [(200 + i, "乡") for i in range(xiangs)]
    for (number, suffix), word in zip(numbered, words, strict=True):
        weight = rng.uniform(0.6, 1.4) * (1.6 if suffix == "街道" else 1.0)
        township = DemoRegion(f"{county.code}{number:03d}", word + suffix, "township", county, weight)
        county.children.append(township)


def _villages(rng: random.Random, township: DemoRegion, taken: set[str]) -> None:
    if township.name.endswith("街道"):
        communities, villages = rng.randint(5, 10), 0
    else:
        communities, villages = rng.randint(1, 3), rng.randint(8, 16)
    words = unique_place_words(rng, communities + villages, taken)
    for i, word in enumerate(words):
        if i < communities:
            code, name, weight = f"{township.code}{1 + i:03d}", word + "社区", rng.uniform(1.0, 2.0)
        else:
            code, name = f"{township.code}{200 + i - communities:03d}", word + "村"
            weight = rng.uniform(0.3, 0.8)
        township.children.append(DemoRegion(code, name, "village", township, weight))


def build_regions(rng: random.Random, scale: str) -> DemoRegion:
    """The tree for a scale: station = a few townships of 石峰区, county = 攸县, city = all of 株洲市."""
    city = DemoRegion(CITY[0], CITY[1], "city")
    taken: set[str] = set()
    for code, name, _urban, weight, counts in COUNTIES:
        if scale == "station" and code != STATION_COUNTY:
            continue
        if scale == "county" and code != COUNTY_SCALE_COUNTY:
            continue
        county = DemoRegion(code, name, "county", city, float(weight))
        city.children.append(county)
        _townships(rng, county, counts, taken)
        if scale == "station":
            county.children = county.children[:STATION_TOWNSHIPS]
        village_words: set[str] = set()
        for township in county.children:
            _villages(rng, township, village_words)
    return city


def walk(root: DemoRegion) -> list[DemoRegion]:
    """Every region, parents before children."""
    found = [root]
    for child in root.children:
        found.extend(walk(child))
    return found
