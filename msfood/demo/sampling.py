"""Demo sampling (抽检) through the year with results and handling cases, annual plans per district or
county, and rapid tests (快检) at markets, supermarkets and school canteens.

About 3% of the batches with a result fail; most cases are closed within the 90 days, some late, and
a few are still open past their deadline (overdue). Batches sampled in the last weeks are mostly still
pending at the lab. Rapid tests find a few positives, each with its disposal.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import NamedTuple

from msfood.db.models import RapidTest, Sampling, SamplingPlan
from msfood.demo.model import DemoBusiness, World
from msfood.demo.writer import BulkWriter, id_maker
from msfood.domain.calendar import WorkCalendar
from msfood.domain.defaults import FOOD_CATEGORIES

BATCHES_PER_BUSINESS = 0.12  # a year
FAIL_SHARE = 0.03
DISPOSAL_DAYS = 90
FORM_WEIGHT = {
    "sales": 1.2, "catering": 0.6, "production": 5.0, "canteen": 1.4, "workshop": 1.2, "stall": 0.1,
}  # fmt: skip
TYPES = (("supervision", 70), ("monitoring", 20), ("evaluation", 10))
TYPE_PREFIX = {"supervision": "JD", "monitoring": "JC", "evaluation": "PJ"}
LABS = ("株洲市检验检测中心", "湖南省食品质量监督检验研究院", "湖南省产商品质量检验研究院",
        "谱尼测试集团湖南有限公司")  # fmt: skip
SAMPLES = {
    "食用农产品": ("小白菜", "韭菜", "芹菜", "豇豆", "猪肉", "鸡蛋", "草鱼", "鲫鱼", "香蕉", "柑橘", "生姜"),
    "餐饮食品": ("米粉", "复用餐饮具", "凉拌菜", "卤肉", "油炸面制品", "自制饮料"),
    "糕点": ("面包", "月饼", "蛋糕", "桃酥"),
    "酒类": ("白酒", "米酒", "黄酒"),
    "粮食加工品": ("大米", "湿米粉", "挂面", "小麦粉"),
    "豆制品": ("豆腐", "腐竹", "香干"),
    "调味品": ("辣椒酱", "酱油", "食醋", "鸡精"),
    "肉制品": ("腊肉", "香肠", "酱卤肉"),
    "食用油、油脂及其制品": ("菜籽油", "茶油", "调和油"),
    "茶叶及相关制品": ("绿茶", "黑茶", "擂茶"),
}
FAILED_ITEMS = {
    "食用农产品": ("腐霉利", "毒死蜱", "克百威", "恩诺沙星", "氧氟沙星", "镉（以Cd计）"),
    "餐饮食品": ("大肠菌群", "阴离子合成洗涤剂", "铝的残留量", "菌落总数"),
    "糕点": ("过氧化值", "菌落总数", "霉菌", "脱氢乙酸及其钠盐"),
    "豆制品": ("苯甲酸及其钠盐", "脱氢乙酸及其钠盐"),
    "酒类": ("甜蜜素", "酒精度"),
    "食用油、油脂及其制品": ("酸价", "苯并[a]芘"),
    "粮食加工品": ("黄曲霉毒素B₁", "脱氧雪腐镰刀菌烯醇", "镉（以Cd计）"),
    "调味品": ("苯甲酸及其钠盐", "山梨酸及其钾盐", "氨基酸态氮"),
    "肉制品": ("亚硝酸盐", "氯霉素", "菌落总数"),
    "茶叶及相关制品": ("联苯菊酯", "草甘膦"),
}
DISPOSALS = ("责令下架召回不合格产品，立案调查", "责令整改，监督销毁问题产品", "约谈企业负责人，跟踪抽检")
RAPID = (  # sample, item
    ("小白菜", "农药残留"), ("韭菜", "农药残留"), ("豇豆", "农药残留"), ("芹菜", "农药残留"),
    ("猪肉", "瘦肉精"), ("牛肉", "瘦肉精"), ("草鱼", "孔雀石绿"), ("鲫鱼", "硝基呋喃"), ("鱿鱼", "甲醛"),
    ("银耳", "二氧化硫"), ("黄花菜", "二氧化硫"), ("酸菜", "亚硝酸盐"), ("大米", "重金属"),
    ("豆芽", "非法添加"), ("米粉", "吊白块"), ("面条", "硼砂"), ("辣椒粉", "苏丹红"),
)  # fmt: skip
RAPID_DISPOSALS = ("停售", "销毁", "送实验室确证", "转监督抽检")


class Batch(NamedTuple):
    sample_no: str
    business_id: str
    day: dt.date
    kind: str
    category: str
    name: str
    received: dt.date
    result_day: dt.date


def _category(rng: random.Random, b: DemoBusiness) -> str:
    if b.form == "sales" and rng.random() < 0.5:
        return rng.choice([c for c in FOOD_CATEGORIES if c not in ("餐饮食品", "特殊医学用途配方食品")])
    if b.form in ("catering", "canteen") and rng.random() < 0.25:
        return "食用农产品"
    return b.category


def write_sampling(world: World, writer: BulkWriter) -> None:
    rng = world.rng("sampling")
    calendar = WorkCalendar()
    days = [world.start + dt.timedelta(days=i) for i in range((world.end - world.start).days + 1)]
    workdays = [d for d in days if calendar.is_workday(d)] or days
    fraction = len(days) / (366 if world.year % 4 == 0 else 365)
    candidates = [b for b in world.businesses if FORM_WEIGHT.get(b.form, 0) > 0]
    weights = [FORM_WEIGHT[b.form] for b in candidates]
    scale = sum(weights) / len(candidates)
    total = max(10, round(len(world.businesses) * BATCHES_PER_BUSINESS * fraction))
    picks = sorted(
        ((rng.choice(workdays), b) for b in rng.choices(candidates, [w / scale for w in weights], k=total)),
        key=lambda pair: pair[0],
    )
    seq: dict[str, int] = {}
    rows: list[Batch] = []
    for day, b in picks:
        for _attempt in range(10):
            if b.calendar.is_operating(day):
                break
            day = rng.choice(workdays)
        else:
            continue
        kind = rng.choices([t[0] for t in TYPES], [t[1] for t in TYPES])[0]
        county = b.region.county.code
        seq[county] = seq.get(county, 0) + 1
        sample_no = f"{TYPE_PREFIX[kind]}{world.year % 100:02d}{county}{seq[county]:05d}"
        category = _category(rng, b)
        name = rng.choice(SAMPLES.get(category, (category,)))
        received = day + dt.timedelta(days=rng.randint(1, 4) if rng.random() > 0.05 else rng.randint(6, 10))
        lab_days = rng.randint(10, 24) if rng.random() > 0.05 else rng.randint(26, 35)
        result_day = day + dt.timedelta(days=lab_days)
        rows.append(Batch(sample_no, b.id, day, kind, category, name, received, result_day))
    # failures: a fixed share of the batches whose result is known, so small scales get some too
    known = [i for i, r in enumerate(rows) if r.result_day <= world.end]
    failing = max(2, round(len(known) * FAIL_SHARE))
    # most failures are 监督抽检 batches (each opens a 核查处置 case); one 风险监测 failure shows the
    # follow-up by 告知, which opens no case (DOMAIN.md section 3)
    supervised = [i for i in known if rows[i].kind == "supervision"]
    monitored = [i for i in known if rows[i].kind == "monitoring"]
    failed = rng.sample(supervised, min(len(supervised), failing - 1 if monitored else failing))
    if monitored:
        failed.append(world.rng("sampling-monitoring").choice(monitored))
    failed.sort()
    # of the cases past their 90 days, about one in six is still open (at least one, so it shows)
    due = [i for i in failed if rows[i].result_day + dt.timedelta(days=DISPOSAL_DAYS) < world.end]
    failed_set = set(failed)
    overdue = set(rng.sample(due, max(1, round(len(due) / 6)))) if due else set()
    sampling_id = id_maker("sampling")
    sink = writer.sink(
        Sampling,
        ("id", "sample_no", "business_id", "sample_date", "sampling_type", "food_category", "sample_name",
         "batch_info", "lab", "result", "failed_items", "result_date", "lab_received_date", "disposal",
         "disposal_closed_on", "retest_requested", "served_date", "extended_deadline", "extension_approver",
         "extension_approved_on"),
    )  # fmt: skip
    # The 送达 dates and the one approved extension come from a stream of their own, so the rest of
    # the demo stays as it was.
    extra = world.rng("sampling-served")
    extended = _extended_case(rows, failed_set, overdue, extra)
    for index, row in enumerate(rows):
        sample_no, business_id, day, kind, category, name, received, known_on = row
        result_day: dt.date | None = known_on
        result, items, disposal, closed, retest = "pending", None, None, None, 0
        if known_on > world.end:
            result_day = None
        elif index in failed_set:
            result = "fail"
            items = "、".join(rng.sample(FAILED_ITEMS.get(category, ("菌落总数", "大肠菌群")), 1))
            disposal = rng.choice(DISPOSALS)
            closed = None if index in overdue else _case_closed(rng, known_on, world.end)
            retest = int(rng.random() < 0.1)
        else:
            result = "pass"
        batch = f"生产日期 {(day - dt.timedelta(days=rng.randint(1, 60))).isoformat()}"
        served = _served(extra, result_day, world.end)
        extension: tuple[str | None, str | None, str | None] = (None, None, None)
        if index == extended and result_day is not None:
            deadline = result_day + dt.timedelta(days=DISPOSAL_DAYS)
            approved = min(deadline - dt.timedelta(days=5), world.end)
            extension = ((deadline + dt.timedelta(days=45)).isoformat(), "市场监管局分管负责人",
                         approved.isoformat())
        sink.add(
            (sampling_id(sample_no), sample_no, business_id, day.isoformat(), kind, category, name, batch,
             rng.choice(LABS), result, items, result_day.isoformat() if result_day else None,
             received.isoformat() if received <= world.end else None, disposal,
             closed.isoformat() if closed else None, retest, served.isoformat() if served else None,
             *extension)
        )
    writer.finish("samplings")
    _plans(world, writer, rows, fraction)


def _served(rng: random.Random, result_day: dt.date | None, end: dt.date) -> dt.date | None:
    """The day the business received the result (送达): mostly within a few days, sometimes late,
    about one in five not entered yet."""
    if result_day is None or rng.random() < 0.2:
        return None
    served = result_day + dt.timedelta(days=rng.randint(1, 5) if rng.random() > 0.05 else rng.randint(10, 20))
    return served if served <= end else None


def _extended_case(
    rows: list[Batch], failed: set[int], overdue: set[int], rng: random.Random
) -> int | None:
    """One failed 监督抽检 case whose deadline an approval extended (one of the overdue cases the
    demo keeps to show only when there is no other)."""
    cases = [i for i in sorted(failed) if rows[i].kind == "supervision"]
    preferred = [i for i in cases if i not in overdue] or cases
    return rng.choice(preferred) if preferred else None


def _case_closed(rng: random.Random, received: dt.date, end: dt.date) -> dt.date | None:
    deadline = received + dt.timedelta(days=DISPOSAL_DAYS)
    roll = rng.random()
    if deadline < end:
        if roll < 0.88:
            return received + dt.timedelta(days=rng.randint(15, 85))
        late = deadline + dt.timedelta(days=rng.randint(1, 30))
        return late if late <= end else None
    if roll < 0.5 and (end - received).days >= 10:
        return received + dt.timedelta(days=rng.randint(10, (end - received).days))
    return None


def _plans(world: World, writer: BulkWriter, rows: list[Batch], fraction: float) -> None:
    per_county: dict[str, int] = {}
    for row in rows:
        code = row.sample_no[4:10]
        per_county[code] = per_county.get(code, 0) + 1
    plan_id = id_maker("sampling_plan")
    sink = writer.sink(SamplingPlan, ("id", "region_id", "year", "planned"))
    for county in world.city.children:
        expected = per_county.get(county.code, 0) / max(fraction, 0.05)
        planned = max(10, int(math.ceil(expected * 1.08 / 10.0)) * 10)
        sink.add((plan_id(county.id, world.year), county.id, world.year, planned))
    writer.finish("sampling_plans")


def write_rapid_tests(world: World, writer: BulkWriter) -> None:
    rng = world.rng("rapid")
    rapid_id = id_maker("rapid_test")
    sink = writer.sink(
        RapidTest,
        ("id", "business_id", "test_date", "sample_name", "item", "batches", "positives", "disposal",
         "destroyed_kg"),
    )
    every = {"market": 7, "supermarket": 30, "school": 30, "kindergarten": 30}
    samples = {"market": 5, "supermarket": 3, "school": 2, "kindergarten": 2}
    for b in world.businesses:
        step = every.get(b.kind)
        if step is None:
            continue
        day = world.start + dt.timedelta(days=rng.randrange(step))
        while day <= world.end:
            if b.calendar.is_operating(day):
                for sample, item in rng.sample(RAPID, samples[b.kind]):
                    batches = rng.randint(1, 3)
                    positives = 1 if rng.random() < 0.006 else 0
                    disposal = rng.choice(RAPID_DISPOSALS) if positives else None
                    kg = round(rng.uniform(2, 50), 1) if disposal == "销毁" else None
                    sink.add(
                        (rapid_id(b.id, day.isoformat(), sample, item), b.id, day.isoformat(), sample, item,
                         batches, positives, disposal, kg)
                    )
            day += dt.timedelta(days=step + rng.randint(-1, 1) if step > 7 else step)
    writer.finish("rapid_tests")
