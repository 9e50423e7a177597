"""Demo cadres at the four levels and their assignments: by grade (the `grade_levels` setting), with a
few mismatches, handovers (one assignment ends, the next cadre's starts) and closures (注销 ends them)."""

from __future__ import annotations

import datetime as dt
import math
import random

from msfood.db.models import Assignment, Cadre
from msfood.demo import names as N
from msfood.demo.model import LATE_CADRE_SHARE, PER_CADRE, DemoAssignment, DemoBusiness, DemoCadre, World, iso
from msfood.demo.regions import DemoRegion
from msfood.demo.writer import BulkWriter, id_maker
from msfood.domain.enums import LEVEL_ORDER

MISMATCH_SHARE = 0.02
UNCOVERED_SHARE = 0.006
HANDOVER_SHARE = 0.025
HANDOVER_REASONS = ("干部岗位调整", "干部工作调动", "干部退休")


def _home(world: World, rng: random.Random, b: DemoBusiness, level: str) -> DemoRegion:
    """The region whose cadres of `level` guarantee business b."""
    region = b.region
    if level == "city":
        return world.city
    if level == "county":
        return region.county
    township = region.township
    assert township is not None
    if level == "township":
        return township
    if region.level == "village":
        return region
    return township.children[0] if township.children else township


def _workplace(level: str, region: DemoRegion) -> str:
    if level == "city":
        return "株洲市人民政府"
    if level == "county":
        return f"{region.name}人民政府"
    if level == "township":
        return f"{region.name}{'办事处' if region.name.endswith('街道') else '人民政府'}"
    return f"{region.name}{'居民委员会' if region.name.endswith('社区') else '村民委员会'}"


class CadrePool:
    def __init__(self, world: World, rng: random.Random) -> None:
        self.world = world
        self.rng = rng
        self.phones: set[str] = set()
        self.cadre_id = id_maker("cadre")

    def new(self, level: str, region: DemoRegion) -> DemoCadre:
        rng = self.rng
        phone = N.mobile(rng)
        while phone in self.phones:
            phone = N.mobile(rng)
        self.phones.add(phone)
        if level in ("city", "county"):
            title = rng.choice(N.CADRE_TITLES[level])
            title = title.format(region.name[-1]) if title.startswith("副{}") else title.format(region.name)
        else:
            suffix = next((s for s in ("街道", "社区", "镇", "乡", "村") if region.name.endswith(s)), "村")
            title = rng.choice(N.CADRE_TITLES[suffix])
        cadre = DemoCadre(
            self.cadre_id(phone), N.person_name(rng), phone, level, region, title, _workplace(level, region),
            late=rng.random() < LATE_CADRE_SHARE,
        )
        self.world.cadres.append(cadre)
        return cadre


def _earlier_start(world: World, rng: random.Random) -> dt.date:
    """An assignment signed before the year (the 包保 system started in 2022)."""
    first = dt.date(max(min(2022, world.year - 1), world.year - 4), 1, 1)
    last = world.start - dt.timedelta(days=1)
    return world.day_between(rng, first, last)


def make_cadres_and_assignments(world: World) -> None:
    rng = world.rng("cadres")
    pool = CadrePool(world, rng)
    assignment_id = id_maker("assignment")
    # which businesses each (level, region) group of cadres guarantees, in a stable order
    groups: dict[tuple[str, str], tuple[DemoRegion, list[DemoBusiness]]] = {}
    for b in world.businesses:
        if b.opened is not None and rng.random() < 0.3 or rng.random() < UNCOVERED_SHARE:
            continue  # not guaranteed yet: coverage is below 100%
        level = world.grade_levels.get(b.grade, "village")
        if rng.random() < MISMATCH_SHARE:
            i = LEVEL_ORDER.index(level)
            level = LEVEL_ORDER[i + 1] if i + 1 < len(LEVEL_ORDER) else LEVEL_ORDER[i - 1]
        home = _home(world, rng, b, level)
        groups.setdefault((level, home.code), (home, []))[1].append(b)
    for (level, _code), (home, members) in groups.items():
        cadres = [pool.new(level, home) for _ in range(max(1, math.ceil(len(members) / PER_CADRE[level])))]
        for i, b in enumerate(members):
            cadre = cadres[i % len(cadres)]
            if b.opened is not None:
                start = b.opened + dt.timedelta(days=rng.randint(0, 15))
            else:
                start = _earlier_start(world, rng)
            if start > world.end:
                continue
            pledge = min(world.end, start + dt.timedelta(days=rng.randint(0, 5)))
            first = DemoAssignment(
                assignment_id(cadre.id, b.id, start.isoformat()), cadre, b, level, start, pledge=pledge
            )
            world.assignments.append(first)
            if b.cancelled is not None:
                first.end, first.end_reason = b.cancelled, "主体注销"
                continue
            if rng.random() >= HANDOVER_SHARE:
                continue
            low = max(start, world.start) + dt.timedelta(days=20)
            high = world.end - dt.timedelta(days=15)
            if high <= low:
                continue
            handover = world.day_between(rng, low, high)
            first.end, first.end_reason = handover, rng.choice(HANDOVER_REASONS)
            others = [c for c in cadres if c is not cadre]
            successor = rng.choice(others) if others and rng.random() < 0.5 else pool.new(level, home)
            begin = handover + dt.timedelta(days=1 if rng.random() < 0.8 else rng.randint(2, 6))
            if begin > world.end:
                continue
            world.assignments.append(
                DemoAssignment(
                    assignment_id(successor.id, b.id, begin.isoformat()), successor, b, level, begin,
                    pledge=min(world.end, begin + dt.timedelta(days=rng.randint(0, 3))),
                )
            )
    # a few newly appointed cadres without businesses yet
    for _ in range(max(1, len(world.cadres) // 100)):
        level = rng.choice(LEVEL_ORDER[1:])
        county = rng.choice(world.city.children)
        township = rng.choice(county.children)
        region = {"county": county, "township": township}.get(level)
        pool.new(level, region or rng.choice(township.children or [township]))


def write_cadres(world: World, writer: BulkWriter) -> None:
    initials = N.initials_maker()
    columns = ("id", "name", "name_initials", "phone", "level", "title", "workplace", "region_id")
    sink = writer.sink(Cadre, columns)
    for c in world.cadres:
        sink.add((c.id, c.name, initials(c.name)[:64], c.phone, c.level, c.title, c.workplace, c.region.id))
    writer.finish("cadres")
    columns = ("id", "cadre_id", "business_id", "start_date", "end_date", "end_reason", "pledge_signed_on")
    sink = writer.sink(Assignment, columns)
    for a in world.assignments:
        start = a.start.isoformat()
        sink.add((a.id, a.cadre.id, a.business.id, start, iso(a.end), a.end_reason, iso(a.pledge)))
    writer.finish("assignments")
