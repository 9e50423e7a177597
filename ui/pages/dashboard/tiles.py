"""What each dashboard tile says: the rate and its detail line, progress and the pace needed while the
period runs, the counts bulletins publish, the cases awaiting handling. A mixin of DashboardPage, which
owns the tiles; its texts keep the page's translation context ("DashboardPage").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import LEVEL_ORDER
from ui.charts import percent, rate_colour
from ui.theme import STATUS_COLOURS

if TYPE_CHECKING:  # msfood.metrics loads with the figures, on the worker: not on the start-up's path
    from msfood.metrics.overview import Overview
    from msfood.metrics.results import Progress, Stats
    from ui.pages.figure_tile import FigureTile

BAD = STATUS_COLOURS["bad"]  # the tile makes it readable on its own fill, light or dark


class TileTexts:
    tiles: dict[str, FigureTile]

    def _progress_colour(self, progress: Progress, stats: Stats) -> str | None:
        """Progress against the time gone: on pace green, a little behind amber, far behind red."""
        if progress.rate is None:
            return None
        from ui.charts import FAIR, GOOD, POOR

        length = (stats.period_end - stats.period_start).days + 1
        gone = min(1.0, max(0.0, ((stats.as_of - stats.period_start).days + 1) / length))
        if progress.rate >= gone:
            return GOOD.name()
        return (FAIR if progress.rate >= 0.8 * gone else POOR).name()

    def _show_progress(self, overview: Overview) -> None:
        """While the period runs the headline tiles show progress, labelled 进度, never a blank."""
        if not overview.running:
            return
        from msfood.metrics.results import Progress

        stats, left = overview.stats, overview.pace
        sup = stats.supervision
        total = sup.progress
        if total.total:
            value = QCoreApplication.translate("DashboardPage", "进度 {rate}").format(
                rate=percent(total.rate)
            )
            share = QCoreApplication.translate("DashboardPage", "已完成 {met} / 本期任务 {total}").format(
                met=total.met, total=total.total
            )
            if left.remaining <= 0:
                pace = QCoreApplication.translate("DashboardPage", "本期任务已全部完成")
            elif left.workdays_left and left.per_workday is not None:
                pace = QCoreApplication.translate(
                    "DashboardPage",
                    "剩余 {days} 天（工作日 {workdays} 天），尚需 {n} 项，每个工作日约需 {pace} 项",
                ).format(
                    days=left.days_left,
                    workdays=left.workdays_left,
                    n=left.remaining,
                    pace=f"{left.per_workday:.1f}",
                )
            else:
                pace = QCoreApplication.translate(
                    "DashboardPage", "剩余 {days} 天，已无工作日，尚需 {n} 项"
                ).format(days=left.days_left, n=left.remaining)
            self.tiles["supervision"].set_figure(
                value, f"{share}\n{pace}", colour=self._progress_colour(total, stats)
            )
        else:
            self.tiles["supervision"].set_figure(
                "—", QCoreApplication.translate("DashboardPage", "本期没有督导任务")
            )
        for level in LEVEL_ORDER:
            progress = sup.progress_by_level.get(level, Progress())
            if progress.total:
                self.tiles[f"level_{level}"].set_figure(
                    QCoreApplication.translate("DashboardPage", "进度 {rate}").format(
                        rate=percent(progress.rate)
                    ),
                    QCoreApplication.translate("DashboardPage", "已完成 {met} / 本期任务 {total}").format(
                        met=progress.met, total=progress.total
                    ),
                    colour=self._progress_colour(progress, stats),
                )
            else:
                self.tiles[f"level_{level}"].set_figure(
                    "—", QCoreApplication.translate("DashboardPage", "本期没有该层级的督导任务")
                )

    def _show_counts(self, stats: Stats) -> None:
        """The counts bulletins publish: 督导次数, records of each kind, 自查发现问题数."""
        window = QCoreApplication.translate("DashboardPage", "{start} 至 {end}").format(
            start=stats.period_start, end=min(stats.period_end, stats.as_of)
        )
        self.tiles["visits"].set_figure(
            str(stats.supervision.visits),
            QCoreApplication.translate("DashboardPage", "{window} 的全部督导（不论是否计入完成率）").format(
                window=window
            ),
        )
        counts = stats.selfcheck.counts
        for key, n in (
            ("records_daily", counts.daily),
            ("records_weekly", counts.weekly),
            ("records_monthly", counts.monthly),
        ):
            self.tiles[key].set_figure(
                str(n),
                QCoreApplication.translate("DashboardPage", "{window}，辖区全部主体").format(window=window),
            )
        self.tiles["issues_found"].set_figure(
            str(counts.issues_found),
            QCoreApplication.translate("DashboardPage", "{window} 自查记录中发现的问题数之和").format(
                window=window
            ),
        )

    def _rate_tile(self, key: str, rate: float | None, detail: str) -> None:
        self.tiles[key].set_figure(
            percent(rate), detail, colour=rate_colour(rate).name() if rate is not None else None
        )

    def _progress(self, stats: Stats, level: str | None) -> str:
        """While no duty is due yet (its rule period runs past the as-of date): how many are still short
        (the open obligations, from the tally: the cached figures carry no obligation rows)."""
        from msfood.metrics.results import Tally

        sup = stats.supervision
        running = sup.total.open if level is None else sup.by_level.get(level, Tally()).open
        if not running:
            return QCoreApplication.translate("DashboardPage", "本期尚无到期的督导任务")
        return QCoreApplication.translate("DashboardPage", "周期未结束，{n} 个任务尚未达到次数").format(
            n=running
        )

    def _show_figures(self, stats: Stats) -> None:
        sup = stats.supervision
        t = sup.total
        if t.due:
            detail = QCoreApplication.translate(
                "DashboardPage", "应督导 {due}，已完成 {met}，未完成 {missed}"
            ).format(due=t.due, met=t.met, missed=t.missed)
        else:
            detail = self._progress(stats, None)
        self._rate_tile("supervision", t.rate, detail)
        from msfood.metrics.results import Tally

        for level in LEVEL_ORDER:
            tally = sup.by_level.get(level, Tally())
            if tally.due:
                detail = QCoreApplication.translate("DashboardPage", "应督导 {due}，未完成 {missed}").format(
                    due=tally.due, missed=tally.missed
                )
            else:
                detail = self._progress(stats, level)
            self._rate_tile(f"level_{level}", tally.rate, detail)
        self.tiles["open"].set_figure(
            str(t.open), QCoreApplication.translate("DashboardPage", "周期未结束、尚未达到次数")
        )
        cov = sup.coverage
        self._rate_tile(
            "coverage",
            cov.rate,
            QCoreApplication.translate("DashboardPage", "在营 {operating} 家，已包保 {guaranteed} 家").format(
                operating=cov.operating, guaranteed=cov.guaranteed
            ),
        )
        prob = sup.problems
        self._rate_tile(
            "problems",
            prob.rate,
            QCoreApplication.translate(
                "DashboardPage", "到期 {due} 个，已销号 {closed} 个（本期发现 {found} 个）"
            ).format(due=prob.due, closed=prob.closed, found=prob.found),
        )
        overdue = prob.due - prob.closed  # the overdue rows' count (the cached figures carry none)
        self.tiles["overdue_problems"].set_figure(
            str(overdue),
            QCoreApplication.translate("DashboardPage", "超过整改期限仍未销号"),
            colour=BAD if overdue else None,
        )
        sc = stats.selfcheck
        self._rate_tile(
            "daily",
            sc.daily.rate,
            QCoreApplication.translate(
                "DashboardPage", "应自查 {owing} 家，达标 {covered} 家；记录天数 {days}/{op}"
            ).format(
                owing=sc.daily.owing,
                covered=sc.daily.covered,
                days=sc.daily.record_days,
                op=sc.daily.operating_days,
            ),
        )
        self._rate_tile(
            "weekly",
            sc.weekly.rate,
            QCoreApplication.translate("DashboardPage", "适用 {n} 家，覆盖 {c} 家").format(
                n=sc.weekly.applicable, c=sc.weekly.covered
            ),
        )
        self._rate_tile(
            "monthly",
            sc.monthly.rate,
            QCoreApplication.translate("DashboardPage", "适用 {n} 家，覆盖 {c} 家").format(
                n=sc.monthly.applicable, c=sc.monthly.covered
            ),
        )
        self._rate_tile(
            "platform",
            sc.platform_rate,
            QCoreApplication.translate("DashboardPage", "应自查 {owing} 家，有记录 {active} 家").format(
                owing=sc.owing, active=sc.active
            ),
        )
        disposal = stats.sampling.disposal
        waiting = [c for c in disposal.rows if c.closed_on is None]
        if waiting:
            soonest = min(c.days_left(stats.as_of) for c in waiting)
            detail = (
                QCoreApplication.translate("DashboardPage", "最近一件剩余 {days} 天").format(days=soonest)
                if soonest >= 0
                else QCoreApplication.translate("DashboardPage", "最早一件已逾期 {days} 天").format(
                    days=-soonest
                )
            )
        else:
            detail = QCoreApplication.translate("DashboardPage", "没有待处置的不合格样品")
        self.tiles["awaiting"].set_figure(str(len(waiting)), detail, colour=BAD if waiting else None)
        self.tiles["overdue_cases"].set_figure(
            str(disposal.overdue),
            QCoreApplication.translate("DashboardPage", "本期收到结论 {n} 件，已处置 {c} 件").format(
                n=disposal.cases, c=disposal.closed
            ),
            colour=BAD if disposal.overdue else None,
        )
        samp = stats.sampling
        self.tiles["sampling"].set_figure(
            percent(samp.plan_rate),
            QCoreApplication.translate("DashboardPage", "年度计划 {p} 批，累计 {d} 批").format(
                p=samp.planned, d=samp.year_to_date
            ),
        )
        # The headline SAMR publishes: 监督抽检 alone; all types together are shown beside it.
        supervision, counts = samp.supervision_counts, samp.counts
        self.tiles["failure"].set_figure(
            percent(supervision.failure_rate),
            QCoreApplication.translate(
                "DashboardPage", "监督抽检 {b} 批：合格 {ok}，不合格 {bad}，待检 {wait}；全部类型 {all} 批"
            ).format(
                b=supervision.batches,
                ok=supervision.passed,
                bad=supervision.failed,
                wait=supervision.pending,
                all=counts.batches,
            ),
        )
