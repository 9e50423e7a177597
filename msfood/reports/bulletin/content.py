"""通报 (issue 14 item 5): a period's 督导 progress (or final rate) for a region, the regions one level
below ranked with last period's rank, the townships below the overall figure, and the cadres with the
most obligations not met. Figures from msfood.metrics (rank_regions, the duties of
msfood.reports.reminders.content); this module only picks and arranges them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from msfood.domain.enums import LEVEL
from msfood.domain.periods import Period
from msfood.metrics.progress import Pace
from msfood.metrics.ranking import RankedRegion, Ranking, rank_regions
from msfood.metrics.results import Progress
from msfood.metrics.scope import RegionTree
from msfood.reports.completion.ranking import figure_name
from msfood.reports.document.format import Rate
from msfood.reports.document.model import Column, ReportTable
from msfood.reports.document.texts import Texts
from msfood.reports.papers.content import digest
from msfood.reports.reminders.content import CadreReminder, compute_reminders

CADRES_LISTED = 10


@dataclass(frozen=True)
class Bulletin:
    period: Period
    as_of: dt.date
    running: bool
    region_name: str | None  # None: every region
    progress: Progress
    pace: Pace
    ranking: Ranking
    behind_regions: tuple[RankedRegion, ...]  # below the overall figure, lowest first
    behind_cadres: tuple[CadreReminder, ...]  # most obligations not met first
    cadres_behind: int  # every cadre with an obligation not met

    def fingerprint(self) -> str:
        return digest(
            {
                "period": self.period.key,
                "as_of": self.as_of,
                "progress": [self.progress.met, self.progress.total],
                "ranking": [
                    [r.code, r.numerator, r.denominator, r.rank, r.previous_rank] for r in self.ranking.rows
                ],
                "cadres": [
                    [c.cadre.id, c.progress.met, c.progress.total, len(c.items)] for c in self.behind_cadres
                ],
            }
        )


def bulletin_region(session: Session, region: str | None) -> str | None:
    """The region asked for, else the unit's own (as the report's ranking), when the tree has it."""
    from msfood.services.setup.new_unit import unit_identity

    if region:
        return region
    own = unit_identity(session).region_code
    return own if own and RegionTree.load(session).by_code(own) is not None else None


def compute_bulletin(
    session: Session,
    *,
    period: Period,
    as_of: dt.date,
    region: str | None = None,
    cadres: int = CADRES_LISTED,
) -> Bulletin:
    chosen = bulletin_region(session, region)
    found = compute_reminders(session, period=period, as_of=as_of, region=chosen)
    ranking = rank_regions(session, period=period, as_of=as_of, region=chosen, by="supervision")
    overall = found.progress.rate
    behind = [r for r in ranking.rows if r.rate is not None and overall is not None and r.rate < overall]
    behind.sort(key=lambda r: (r.rate or 0.0, r.code))
    worst = sorted(
        found.cadres, key=lambda c: (-len(c.items), c.progress.rate or 0.0, c.township_code, c.cadre.name)
    )
    return Bulletin(
        period=period,
        as_of=as_of,
        running=found.running,
        region_name=ranking.region_name,
        progress=found.progress,
        pace=found.pace,
        ranking=ranking,
        behind_regions=tuple(behind),
        behind_cadres=tuple(worst[:cadres]),
        cadres_behind=len(found.cadres),
    )


def behind_regions_table(bulletin: Bulletin, tr: Texts) -> ReportTable:
    figure = figure_name("supervision", bulletin.running, tr)
    columns = (
        Column(tr("ranking.col_rank"), 0.8, numeric=True),
        Column(tr("ranking.col_name"), 2.6),
        Column(figure, 1.3, numeric=True),
        Column(tr("bulletin.col_share"), 1.5, numeric=True),
        Column(tr("bulletin.col_open"), 1.1, numeric=True),
    )
    rows = [
        (r.rank, r.name, Rate(r.rate), f"{r.numerator}/{r.denominator}", r.denominator - r.numerator)
        for r in bulletin.behind_regions
    ]
    return ReportTable("bulletin_regions", tr("bulletin.h_regions"), columns, rows)


def behind_cadres_table(bulletin: Bulletin, tr: Texts) -> ReportTable:
    figure = figure_name("supervision", bulletin.running, tr)
    columns = (
        Column(tr("report.col_no"), 0.7, numeric=True),
        Column(tr("report.col_cadre"), 1.4),
        Column(tr("report.col_level"), 1.0),
        Column(tr("reminders.col_township"), 2.2),
        Column(tr("report.col_phone"), 1.8, nowrap=True),
        Column(tr("bulletin.col_open"), 1.0, numeric=True),
        Column(tr("bulletin.col_share"), 1.4, numeric=True),
        Column(figure, 1.2, numeric=True),
    )
    rows = [
        (
            i,
            c.cadre.name,
            LEVEL.label(c.cadre.level, tr.lang),
            c.township or "—",
            c.cadre.phone,
            len(c.items),
            f"{c.progress.met}/{c.progress.total}",
            Rate(c.progress.rate),
        )
        for i, c in enumerate(bulletin.behind_cadres, start=1)
    ]
    return ReportTable("bulletin_cadres", tr("bulletin.h_cadres"), columns, rows)
