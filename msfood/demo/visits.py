"""Demo visits (督导) through the year, their checklist answers and the problems found.

Every chain of assignments (one business, one level) is visited once a quarter, on a working day the
business operates, by the cadre assigned that day: most obligations are met; "late" cadres (about one
in eight) miss about half their quarters; a few visits are by video (which does not count for a
high-risk business); some quarters get a second visit. In the current quarter a visit drawn for a day
after today has not happened yet, so its obligation is still open. Checklist answers are written for
the visits of the last three months (earlier ones were entered without the checklist).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from msfood.db.models import Problem, Visit, VisitAnswer
from msfood.demo.model import DemoAssignment, DemoBusiness, World
from msfood.demo.writer import BulkWriter, id_maker
from msfood.domain.calendar import WorkCalendar
from msfood.domain.periods import period_of

MODES = ("onsite", "gathered", "video", "report")
MODE_WEIGHTS = (86, 5, 6, 3)
ON_TIME, LATE_CADRE_VISITS, EXTRA_VISIT = 0.975, 0.5, 0.08
PROBLEMS: tuple[tuple[str, str], ...] = (
    ("T1", "食品安全管理制度不健全，主要负责人职责未明确"),
    ("T2", "后厨防蝇防鼠设施不完善"),
    ("T2", "进货查验记录不全"),
    ("T2", "食品留样不规范"),
    ("T2", "冷藏设施温度记录缺失"),
    ("T3", "未制定食品安全事故处置方案"),
    ("T4", "从业人员培训考核记录缺失"),
    ("S1", "未按规定配备食品安全员"),
    ("S2", "部分从业人员健康证明过期"),
    ("S2", "晨检记录不完整"),
    ("S3", "日管控记录不完整"),
    ("S3", "周排查报告未按时形成"),
    ("S4", "风险管控清单未及时更新"),
    ("S5", "未公示包保干部信息"),
    ("S5", "投诉举报电话未公示"),
)
REMARKS = ("督促落实日管控记录", "检查后厨卫生和留样情况", "节前专项督导", "宣传食品安全知识",
           "复查上次问题整改情况", "督促更新风险管控清单")  # fmt: skip


def _quarters(world: World) -> list[tuple[dt.date, dt.date]]:
    found = []
    for month in (1, 4, 7, 10):
        q = period_of("quarter", dt.date(world.year, month, 1))
        if q.start <= world.end:
            found.append((q.start, q.end))
    return found


def _chains(world: World) -> list[list[DemoAssignment]]:
    chains: dict[tuple[str, str], list[DemoAssignment]] = {}
    for a in world.assignments:
        chains.setdefault((a.business.id, a.level), []).append(a)
    return [sorted(chain, key=lambda a: a.start) for chain in chains.values()]


def _holder(chain: list[DemoAssignment], day: dt.date) -> DemoAssignment | None:
    for a in chain:
        if a.start <= day and (a.end is None or day <= a.end):
            return a
    return None


class VisitMaker:
    def __init__(self, world: World, writer: BulkWriter) -> None:
        self.world = world
        self.rng = world.rng("visits")
        self.visit_id, self.problem_id = id_maker("visit"), id_maker("problem")
        self.answer_id = id_maker("visit_answer")
        self.visits = writer.sink(Visit, ("id", "cadre_id", "business_id", "visit_date", "mode", "remarks"))
        problem_columns = ("id", "visit_id", "seq", "description", "deadline", "status", "closed_on")
        self.problems = writer.sink(Problem, problem_columns, (self.visits,))
        answer_columns = ("id", "visit_id", "item_id", "answer", "note")
        self.answers = writer.sink(VisitAnswer, answer_columns, (self.visits,))
        calendar = WorkCalendar()
        self.workdays: dict[dt.date, list[dt.date]] = {}
        for first, last in _quarters(world):
            days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
            self.workdays[first] = [d for d in days if calendar.is_workday(d)]

    def run(self) -> Iterator[int]:
        """Writes the visits; yields now and then how many chains are done."""
        chains = _chains(self.world)
        for done, chain in enumerate(chains, 1):
            self._chain(chain)
            if done % 5000 == 0:
                yield done

    def _chain(self, chain: list[DemoAssignment]) -> None:
        rng, end = self.rng, self.world.end
        business = chain[0].business
        calendar = business.calendar
        taken: set[dt.date] = set()
        for first, last in _quarters(self.world):
            responsible = _holder(chain, min(last, end)) or chain[-1]
            if rng.random() >= (LATE_CADRE_VISITS if responsible.cadre.late else ON_TIME):
                continue
            visits = 2 if rng.random() < EXTRA_VISIT else 1
            days = self.workdays[first]
            for _ in range(visits):
                for _attempt in range(12):
                    day = rng.choice(days)
                    holder = _holder(chain, day)
                    if holder is not None and day not in taken and calendar.is_operating(day):
                        break
                else:
                    continue
                if day > end:
                    continue
                taken.add(day)
                self._visit(holder, business, day)

    def _visit(self, a: DemoAssignment, b: DemoBusiness, day: dt.date) -> None:
        rng, end = self.rng, self.world.end
        mode = rng.choices(MODES, MODE_WEIGHTS)[0]
        visit_id = self.visit_id(a.cadre.id, b.id, day.isoformat())
        remark = rng.choice(REMARKS) if rng.random() < 0.3 else None
        self.visits.add((visit_id, a.cadre.id, b.id, day.isoformat(), mode, remark))
        found: list[tuple[str, str]] = []
        if rng.random() < (0.16 if mode in ("onsite", "gathered") else 0.05):
            count = rng.choices((1, 2, 3), (75, 20, 5))[0]
            found = rng.sample(PROBLEMS, count)
            for seq, (_code, text) in enumerate(found, 1):
                deadline = day + dt.timedelta(days=rng.choice((7, 10, 15, 30)))
                status, closed = _rectification(rng, day, deadline, end)
                self.problems.add(
                    (self.problem_id(visit_id, seq), visit_id, seq, text, deadline.isoformat(), status,
                     closed.isoformat() if closed else None)
                )
        if day >= self.world.window_start:
            self._answers(visit_id, b, found)

    def _answers(self, visit_id: str, b: DemoBusiness, found: list[tuple[str, str]]) -> None:
        failed = {code: text for code, text in found}
        for item_id, code in self.world.checklist:
            if code in failed:
                answer, note = "no", failed[code]
            elif (code == "S1" and b.form in ("workshop", "stall")) or (code == "S3" and not b.owes):
                answer, note = "na", None
            else:
                answer, note = "yes", None
            self.answers.add((self.answer_id(visit_id, item_id), visit_id, item_id, answer, note))


def _rectification(
    rng: random.Random, day: dt.date, deadline: dt.date, end: dt.date
) -> tuple[str, dt.date | None]:
    """(status, closed on): most problems closed by their deadline, some late, some still open."""
    roll = rng.random()
    if deadline < end:
        if roll < 0.80:
            return "closed", day + dt.timedelta(days=rng.randint(1, (deadline - day).days))
        if roll < 0.88:
            closed = deadline + dt.timedelta(days=rng.randint(1, 20))
            return ("closed", closed) if closed <= end else ("in_progress", None)
        if roll < 0.91:
            return "transferred", None
        return rng.choice(("pending", "in_progress")), None
    if roll < 0.35 and end > day:
        return "closed", day + dt.timedelta(days=rng.randint(1, (end - day).days))
    return ("in_progress", None) if roll < 0.75 else ("pending", None)


def write_visits(world: World, writer: BulkWriter) -> Iterator[int]:
    maker = VisitMaker(world, writer)
    yield from maker.run()
    writer.finish("visits")
    writer.finish("problems")
    writer.finish("visit_answers")

