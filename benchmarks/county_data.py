"""A deterministic county-size (or larger) station database for report benchmarks and long-table tests.

    build_county(uow, businesses=3000, seed=1, year=2026, quarter=4, daily=True)

One county (430211 天元区), 15 townships of 12 villages each; businesses spread over the villages with
a village and a township cadre each (grade B: also a county cadre); about 85% of obligations visited in
the quarter; problems, self-checks, samples and rapid tests in realistic shares. Everything is written
with UnitOfWork.upsert_many, as an import would.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from msfood.db.models import (
    Assignment,
    Business,
    Cadre,
    Problem,
    RapidTest,
    Region,
    Sampling,
    SamplingPlan,
    SelfCheck,
    Visit,
)
from msfood.domain.defaults import FOOD_CATEGORIES
from msfood.domain.enums import RAPID_ITEMS
from msfood.domain.periods import period_key_for
from msfood.ids import natural_id
from msfood.services.unit_of_work import UnitOfWork, table_of

COUNTY = "430211"
TOWN_NAMES = ("嵩山", "泰山", "栗雨", "马家河", "群丰", "雷打石", "三门", "白关", "龙泉", "建宁", "仙庾", "明照",
              "荷塘", "月塘", "茨菇塘")
SHOP_WORDS = ("家常饭店", "生鲜超市", "面包坊", "豆腐坊", "粉面馆", "农贸市场摊位", "食堂", "副食店", "烧烤店",
              "蛋糕店", "食品有限公司", "便利店")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌"
FORMS = (("catering", 45), ("sales", 30), ("production", 5), ("canteen", 8), ("workshop", 7), ("stall", 5))


def _put(uow: UnitOfWork, model: type, rows: list[dict[str, Any]]) -> None:
    if rows:
        uow.upsert_many(table_of(model), rows)


def quarter_days(year: int, quarter: int) -> list[dt.date]:
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return [start + dt.timedelta(days=i) for i in range((end - start).days)]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def build_county(
    uow: UnitOfWork, *, businesses: int = 3000, seed: int = 1, year: int = 2026, quarter: int = 4,
    daily: bool = True, visit_share: float = 0.85, long_names: bool = True,
) -> dict[str, int]:
    rng = random.Random(seed)
    days = quarter_days(year, quarter)
    regions = [{"id": natural_id("region", COUNTY), "code": COUNTY, "name": "天元区", "parent_id": None}]
    villages: list[str] = []
    towns: list[str] = []
    for t, town in enumerate(TOWN_NAMES, start=1):
        tcode = f"{COUNTY}{t:03d}"
        towns.append(tcode)
        regions.append({"id": natural_id("region", tcode), "code": tcode, "name": f"{town}街道",
                        "parent_id": natural_id("region", COUNTY)})
        for v in range(1, 13):
            vcode = f"{tcode}{v:03d}"
            villages.append(vcode)
            regions.append({"id": natural_id("region", vcode), "code": vcode, "name": f"{town}第{v}社区",
                            "parent_id": natural_id("region", tcode)})
    _put(uow, Region, regions)
    _put(uow, SamplingPlan, [{"id": natural_id("sampling_plan", natural_id("region", COUNTY), year),
                              "region_id": natural_id("region", COUNTY), "year": year,
                              "planned": businesses // 5}])
    cadres: list[dict[str, Any]] = []
    phone = iter(range(13800000000, 13900000000))
    village_cadre = {}
    for vcode in villages:
        p = str(next(phone))
        village_cadre[vcode] = p
        cadres.append({"id": natural_id("cadre", p), "name": person(rng), "phone": p, "level": "village",
                       "region_id": natural_id("region", vcode)})
    town_cadres: dict[str, list[str]] = {}
    for tcode in towns:
        town_cadres[tcode] = []
        for _ in range(3):
            p = str(next(phone))
            town_cadres[tcode].append(p)
            cadres.append({"id": natural_id("cadre", p), "name": person(rng), "phone": p, "level": "township",
                           "region_id": natural_id("region", tcode)})
    county_cadres = []
    for _ in range(20):
        p = str(next(phone))
        county_cadres.append(p)
        cadres.append({"id": natural_id("cadre", p), "name": person(rng), "phone": p, "level": "county",
                       "region_id": natural_id("region", COUNTY)})
    _put(uow, Cadre, cadres)

    forms = [f for f, w in FORMS for _ in range(w)]
    rows_b, rows_a, rows_v, rows_p, rows_sc, rows_s, rows_r = [], [], [], [], [], [], []
    year_start = dt.date(year, 1, 1)
    for n in range(businesses):
        vcode = villages[n % len(villages)]
        tcode = vcode[:9]
        code = f"91430211{n:09d}X"
        bid = natural_id("business", code, "")
        form = rng.choice(forms)
        grade = rng.choice("BCCDDDD")
        name = f"株洲市{person(rng)}{rng.choice(SHOP_WORDS)}"
        if long_names and n % 40 == 0:
            name = f"株洲市天元区{TOWN_NAMES[int(tcode[-3:]) - 1]}街道{person(rng)}餐饮管理服务有限公司第{n}分店（连锁经营）"
        high_risk = rng.random() < 0.1
        rows_b.append({"id": bid, "name": name, "credit_code": code, "form": form, "grade": grade,
                       "high_risk": high_risk, "region_id": natural_id("region", vcode),
                       "address": f"天元区{TOWN_NAMES[int(tcode[-3:]) - 1]}街道{rng.randint(1, 999)}号",
                       "owes_selfchecks": None, "rest_days": ""})
        phones = [village_cadre[vcode], rng.choice(town_cadres[tcode])]
        if grade == "B":
            phones.append(rng.choice(county_cadres))
        for p in phones:
            cid = natural_id("cadre", p)
            rows_a.append({"id": natural_id("assignment", cid, bid, year_start.isoformat()), "cadre_id": cid,
                           "business_id": bid, "start_date": year_start, "end_date": None})
            if rng.random() < visit_share:
                day = rng.choice(days)
                vid = natural_id("visit", cid, bid, day.isoformat())
                rows_v.append({"id": vid, "cadre_id": cid, "business_id": bid, "visit_date": day,
                               "mode": "onsite" if high_risk or rng.random() < 0.9 else "video"})
                if rng.random() < 0.2:
                    deadline = min(day + dt.timedelta(days=15), days[-1])
                    closed = deadline - dt.timedelta(days=rng.randint(0, 10)) if rng.random() < 0.8 else None
                    rows_p.append({"id": natural_id("problem", vid, 1), "visit_id": vid, "seq": 1,
                                   "description": "从业人员健康证明过期，未落实晨检制度",
                                   "deadline": deadline, "closed_on": closed,
                                   "status": "closed" if closed else "pending"})
        if daily and form in ("catering", "sales", "production", "canteen"):
            keep = 1.0 if rng.random() < 0.7 else 0.8
            for day in days:
                if rng.random() < keep:
                    rows_sc.append({"id": natural_id("selfcheck", bid, "daily", day.isoformat()), "business_id": bid,
                                    "kind": "daily", "record_date": day, "period_key": day.isoformat()})
            for day in days:
                if day.weekday() == 0 and rng.random() < 0.95:
                    key = period_key_for("weekly", day)
                    rows_sc.append({"id": natural_id("selfcheck", bid, "weekly", key), "business_id": bid,
                                    "kind": "weekly", "record_date": day, "period_key": key})
                if day.day == 28 and rng.random() < 0.9:
                    key = period_key_for("monthly", day)
                    rows_sc.append({"id": natural_id("selfcheck", bid, "monthly", key), "business_id": bid,
                                    "kind": "monthly", "record_date": day, "period_key": key})
        if rng.random() < 0.1:
            no = f"SC{year}{n:06d}"
            day = rng.choice(days[:-30])
            result = rng.choice(("pass",) * 17 + ("fail", "pending"))
            received = day + dt.timedelta(days=20) if result != "pending" else None
            closed = received + dt.timedelta(days=rng.randint(10, 100)) if result == "fail" and rng.random() < 0.5 else None
            rows_s.append({"id": natural_id("sampling", no), "sample_no": no, "business_id": bid, "sample_date": day,
                           "sampling_type": rng.choice(("supervision",) * 6 + ("monitoring", "evaluation")),
                           "food_category": rng.choice(FOOD_CATEGORIES), "sample_name": "样品", "result": result,
                           "result_date": received, "failed_items": "腐霉利" if result == "fail" else None,
                           "disposal": "下架、召回" if closed else None,
                           "disposal_closed_on": closed if closed and closed <= days[-1] else None})
        if form == "sales" and rng.random() < 0.3:
            day = rng.choice(days)
            item = rng.choice(RAPID_ITEMS[:6])
            rows_r.append({"id": natural_id("rapid_test", bid, day.isoformat(), "样品", item), "business_id": bid,
                           "test_date": day, "sample_name": "样品", "item": item, "batches": rng.randint(1, 12),
                           "positives": int(rng.random() < 0.05)})
    for model, rows in ((Business, rows_b), (Assignment, rows_a), (Visit, rows_v), (Problem, rows_p),
                        (SelfCheck, rows_sc), (Sampling, rows_s), (RapidTest, rows_r)):
        _put(uow, model, rows)
    return {"businesses": len(rows_b), "visits": len(rows_v), "selfchecks": len(rows_sc), "samples": len(rows_s)}
