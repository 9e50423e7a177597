"""Demo businesses: names, forms, codes and licences, grades, statuses and closures through the year."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from msfood.db.models import Business, BusinessClosure, BusinessStatus, Region
from msfood.demo import names as N
from msfood.demo.model import DemoBusiness, World, iso
from msfood.demo.regions import DemoRegion, walk
from msfood.demo.writer import BulkWriter, id_maker
from msfood.domain.identifiers import USCC_ALPHABET, make_credit_code, org_code_check_char

# form -> share of businesses; grade shares per form (A, B, C, D)
FORM_SHARES = {"catering": 42, "sales": 33, "canteen": 6, "production": 4, "workshop": 6, "stall": 9}
GRADE_SHARES = {
    "production": (15, 35, 35, 15),
    "canteen": (5, 30, 45, 20),
    "catering": (1, 7, 30, 62),
    "sales": (2, 8, 28, 62),
    "workshop": (0, 8, 40, 52),
    "stall": (0, 0, 10, 90),
}
SIZE = {
    "production": (("large", 5), ("medium", 20), ("small", 45), ("micro", 30)),
    "canteen": (("medium", 30), ("small", 60), ("micro", 10)),
    "catering": (("medium", 5), ("small", 40), ("micro", 55)),
    "sales": (("medium", 8), ("small", 40), ("micro", 52)),
    "workshop": (("micro", 1),),
    "stall": (("micro", 1),),
}
JY_FORM_DIGIT = {"sales": "1", "catering": "2", "canteen": "3"}
SC_CATEGORY = {
    "粮食加工品": "101", "食用油、油脂及其制品": "102", "调味品": "103", "肉制品": "104", "饮料": "106",
    "方便食品": "107", "糖果制品": "113", "茶叶及相关制品": "114", "酒类": "115", "蔬菜制品": "116",
    "糕点": "124", "豆制品": "127",
}  # fmt: skip
_ALNUM = USCC_ALPHABET


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


class Codes:
    """Unique credit codes and licence numbers (each sequence per county)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.credit: set[str] = set()
        self.seq: dict[tuple[str, str], int] = {}

    def credit_code(self, county: str, individual: bool) -> str:
        rng = self.rng
        while True:
            if rng.random() < 0.7:
                body = "MA4" + "".join(rng.choice(_ALNUM) for _ in range(5))
            else:
                body = f"{rng.randrange(10**8):08d}"
            code = make_credit_code(f"9{'2' if individual else '1'}{county}{body}{org_code_check_char(body)}")
            if code not in self.credit:
                self.credit.add(code)
                return code

    def next(self, prefix: str, county: str) -> int:
        key = (prefix, county)
        self.seq[key] = self.seq.get(key, 0) + 1
        return self.seq[key]

    def licence(self, form: str, county: str, category: str, kind: str) -> str:
        check = self.rng.randrange(10)
        if form == "production":
            cat = SC_CATEGORY.get(category, "101")
            return f"SC{cat}{county}{self.next('SC', county):04d}{check}"
        if form == "workshop":
            return f"湘食坊登{county}{self.next('XZF', county):05d}"
        if form == "stall":
            return f"株食摊备{county}{self.next('TF', county):05d}"
        if form == "sales" and kind == "prepacked":
            return f"YB1{county}{self.next('YB', county):06d}{check}"
        return f"JY{JY_FORM_DIGIT[form]}{county}{self.next('JY', county):06d}{check}"


def _name(rng: random.Random, form: str, region: DemoRegion) -> tuple[str, str, str]:
    """(name, kind, main food category) for a business of `form` in `region`."""
    county = region.county.name
    township = region.township
    place = township.short if township is not None else county
    prefix = rng.choices((county, place, ""), (55, 20, 25))[0]
    if form == "catering":
        return prefix + N.brand(rng) + rng.choice(N.CATERING_KINDS), "restaurant", "餐饮食品"
    if form == "sales":
        roll = rng.random()
        if roll < 0.03:
            return place + N.brand(rng) + N.MARKET_KIND, "market", "食用农产品"
        if roll < 0.15:
            name = prefix + N.brand(rng) + rng.choice(("超市", "生鲜超市", "购物广场"))
            return name, "supermarket", "食用农产品"
        kind = "prepacked" if roll < 0.3 else "shop"
        return prefix + N.brand(rng) + rng.choice(N.SALES_KINDS), kind, rng.choice(
            ("食用农产品", "饮料", "糕点", "酒类", "粮食加工品", "调味品", "乳制品", "饼干", "方便食品")
        )
    if form == "production":
        suffix, category = rng.choice(N.PRODUCTION_KINDS)
        return (prefix or county) + N.brand(rng) + suffix, "factory", category
    if form == "canteen":
        roll = rng.random()
        if roll < 0.5:
            school = rng.choice(N.SCHOOLS)
            kind = "kindergarten" if "幼儿园" in school else "school"
            return f"{county}{place}{school}食堂", kind, "餐饮食品"
        if roll < 0.65:
            return f"{county}{place}{rng.choice(('机关', '人民政府', '财政所'))}食堂", "office", "餐饮食品"
        if roll < 0.75:
            return f"{county}{rng.choice(N.HOSPITALS)}{place}分院职工食堂", "hospital", "餐饮食品"
        return f"株洲{N.brand(rng)}{rng.choice(N.COMPANIES)}有限公司职工食堂", "company", "餐饮食品"
    if form == "workshop":
        suffix, category = rng.choice(N.WORKSHOP_KINDS)
        return f"{place}{rng.choice(N.SURNAMES[:-2])}记{suffix}", "workshop", category
    food = rng.choice(N.STALL_FOODS)
    return f"{place}{rng.choice(N.SURNAMES[:-2])}记{food}摊", "stall", "餐饮食品"


def _status_history(world: World, rng: random.Random, b: DemoBusiness) -> None:
    start, end = world.start, world.end
    span = (end - start).days
    roll = rng.random()
    if span > 40 and roll < 0.03:
        b.opened = world.day_between(rng, start + dt.timedelta(days=10), end - dt.timedelta(days=20))
        b.statuses.append((b.opened, "operating"))
    elif span > 40 and roll < 0.055:
        since = world.day_between(rng, start + dt.timedelta(days=20), end - dt.timedelta(days=10))
        b.statuses.append((since, "suspended"))
        back = since + dt.timedelta(days=rng.randint(14, 75))
        if rng.random() < 0.6 and back <= end:
            b.statuses.append((back, "operating"))
    elif span > 40 and roll < 0.067:
        b.cancelled = world.day_between(rng, start + dt.timedelta(days=20), end - dt.timedelta(days=5))
        b.statuses.append((b.cancelled, "cancelled"))


def _closures(world: World, rng: random.Random, b: DemoBusiness) -> None:
    y = world.year
    if b.kind in ("school", "kindergarten"):
        for first, last, reason in (
            (dt.date(y, 1, 18 + rng.randint(0, 4)), dt.date(y, 2, 18 + rng.randint(0, 5)), "寒假"),
            (dt.date(y, 7, 1 + rng.randint(0, 6)), dt.date(y, 8, 31), "暑假"),
        ):
            if first <= world.end:
                b.closures.append((first, last, reason))
    elif b.form == "catering" and rng.random() < 0.01 and (world.end - world.start).days > 60:
        first = world.day_between(rng, world.start + dt.timedelta(days=10), world.end - dt.timedelta(days=30))
        b.closures.append((first, first + dt.timedelta(days=rng.randint(7, 25)), "装修停业"))


def make_businesses(world: World) -> None:
    rng = world.rng("businesses")
    codes = Codes(world.rng("codes"))
    business_id = id_maker("business")
    places: list[DemoRegion] = []
    weights: list[float] = []
    for county in world.city.children:
        for township in county.children:
            total = sum(v.weight for v in township.children) or 1.0
            share = county.weight * township.weight
            places.append(township)
            weights.append(share * 0.05)
            for village in township.children:
                places.append(village)
                weights.append(share * 0.95 * village.weight / total)
    forms = list(FORM_SHARES)
    form_weights = list(FORM_SHARES.values())
    names: set[str] = set()
    for region in rng.choices(places, weights, k=world.spec.businesses):
        form = rng.choices(forms, form_weights)[0]
        name, kind, category = _name(rng, form, region)
        while name in names:
            name, kind, category = _name(rng, form, region)
        names.add(name)
        county = region.county.code
        individual = form in ("workshop", "stall") or (form in ("catering", "sales") and rng.random() < 0.7)
        credit = None if form == "stall" and rng.random() < 0.6 else codes.credit_code(county, individual)
        licence = codes.licence(form, county, category, kind)
        grade = rng.choices("ABCD", GRADE_SHARES[form])[0]
        risky = 0.04 + (0.25 if kind in ("school", "kindergarten") else 0)
        risky += (0.12 if form == "production" else 0) + (0.08 if kind == "market" else 0)
        b = DemoBusiness(
            id=business_id(credit, licence or ""), name=name, form=form, kind=kind, category=category,
            grade=grade, high_risk=rng.random() < risky, region=region, credit_code=credit,
            licence_no=licence,
        )
        if kind in ("school", "kindergarten", "office"):
            b.rest_days = "67"
        elif form == "catering" and rng.random() < 0.03:
            b.rest_days = "1"
        if form == "workshop" and rng.random() < 0.05:
            b.owes_override = True
        _status_history(world, rng, b)
        _closures(world, rng, b)
        world.businesses.append(b)
    _chain(world)


def _chain(world: World) -> None:
    """One supermarket chain (SAMR Order No. 104): a headquarters, a branch and three stores, two under
    the branch and one straight under the headquarters. Its own random stream: the rest of the demo
    stays as it was."""
    rng = world.rng("chain")
    shops = [b for b in world.businesses if b.kind == "supermarket" and b.credit_code and not b.statuses]
    if len(shops) < 5:
        return
    hq, branch, *stores = rng.sample(shops, 5)
    hq.chain_role = "hq"
    branch.chain_role, branch.chain_hq = "branch", hq.id
    for i, store in enumerate(stores):
        store.chain_role, store.chain_hq = "store", hq.id
        store.chain_branch = branch.id if i < 2 else None


def _business_rows(world: World) -> Iterator[tuple[object, ...]]:
    rng = world.rng("business-details")
    initials = N.initials_maker()
    for b in world.businesses:
        region = b.region
        village = region.name if region.level == "village" else None
        township = region.township.name if region.township is not None else ""
        principal = N.person_name(rng)
        b.officer = principal if b.form in ("stall", "workshop") or rng.random() < 0.4 else N.person_name(rng)
        risk = rng.choices("ABCD", (10, 25, 50, 15) if b.high_risk else (35, 45, 17, 3))[0]
        yield (
            b.id, b.name, initials(b.name)[:200], b.credit_code, b.licence_no, b.form,
            _weighted(rng, SIZE[b.form]), risk, b.grade, int(b.high_risk), region.id,
            N.address(rng, region.county.name, township, village), principal, N.mobile(rng), b.rest_days,
            None if b.owes_override is None else int(b.owes_override),
            b.chain_role, b.chain_hq, b.chain_branch,
        )


def write_regions(world: World, writer: BulkWriter) -> None:
    sink = writer.sink(Region, ("id", "code", "name", "parent_id", "code_year"))
    for region in walk(world.city):
        parent = region.parent.id if region.parent is not None else None
        sink.add((region.id, region.code, region.name, parent, world.year))
    writer.finish("regions")


def write_businesses(world: World, writer: BulkWriter) -> None:
    columns = ("id", "name", "name_initials", "credit_code", "licence_no", "form", "scale", "risk_grade",
               "grade", "high_risk", "region_id", "address", "principal", "phone", "rest_days",
               "owes_selfchecks", "chain_role", "chain_hq_id", "chain_branch_id")  # fmt: skip
    writer.sink(Business, columns).extend(_business_rows(world))
    writer.finish("businesses")
    status_id, closure_id = id_maker("business_status"), id_maker("business_closure")
    statuses = writer.sink(BusinessStatus, ("id", "business_id", "status", "since"))
    closures = writer.sink(BusinessClosure, ("id", "business_id", "start_date", "end_date", "reason"))
    for b in world.businesses:
        for since, status in b.statuses:
            statuses.add((status_id(b.id, iso(since) or ""), b.id, status, iso(since)))
        for first, last, reason in b.closures:
            day = first.isoformat()
            closures.add((closure_id(b.id, day), b.id, day, last.isoformat(), reason))
    writer.finish("business_statuses")
    writer.finish("business_closures")
