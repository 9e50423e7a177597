"""指标口径: every figure's definition in plain Chinese (and English), as data.

The text follows DOMAIN.md section 3 (the definitions the metrics implement). Each definition says on
what it rests: `national` (a verified national rule: a law, a SAMR order, a State Council document),
`setting` (practice varies: msfood computes with a default that an admin may change) or `convention`
(how msfood counts where the national texts give no formula). The app shows it under 帮助 → 指标口径,
the completion report prints it as an appendix, and docs/metrics.md is the same account.

Qt-free and without reportlab: the ui imports it directly.

Over 400 lines on purpose: it is text, the definitions themselves in two languages, kept as data
like the message catalogues (the lookups and the docs/metrics.md writer at its end are a few dozen
lines); split, one account would be scattered across files.
"""

from __future__ import annotations

from dataclasses import dataclass

from msfood.i18n import is_english, t

BASES = ("national", "setting", "convention")


@dataclass(frozen=True)
class Definition:
    key: str
    title: tuple[str, str]  # (zh, en)
    text: tuple[str, str]
    basis: str  # national | setting | convention
    source: tuple[str, str] = ("", "")  # where the rule comes from
    adjustable: tuple[str, str] = ("", "")  # what an admin may change, and its default

    def get(self, part: str, lang: str | None = None) -> str:
        pair: tuple[str, str] = getattr(self, part)
        return pair[1] if is_english(lang) else pair[0]

    def basis_label(self, lang: str | None = None) -> str:
        return t(f"method.basis_{self.basis}", lang)

    def basis_text(self, lang: str | None = None) -> str:
        """国家规定（出处）；可设置：… : the basis column of the appendix."""
        text = self.basis_label(lang)
        source = self.get("source", lang)
        if source:
            text += f" ({source})" if is_english(lang) else f"（{source}）"
        adjustable = self.get("adjustable", lang)
        if adjustable:
            text += f"; adjustable: {adjustable}" if is_english(lang) else f"；可设置：{adjustable}"
        return text

    def haystack(self) -> str:
        """Everything searchable, both languages, lower case."""
        parts = (*self.title, *self.text, *self.source, *self.adjustable)
        return "\n".join(parts).lower()


@dataclass(frozen=True)
class Group:
    key: str  # general | supervision | selfcheck | sampling | ranking
    title: tuple[str, str]
    definitions: tuple[Definition, ...]

    def get_title(self, lang: str | None = None) -> str:
        return self.title[1] if is_english(lang) else self.title[0]


D = Definition

GENERAL = Group("general", ("统计期间与通用规则", "Periods and general rules"), (
    D("period_as_of",
      ("统计期间与截止日期", "Period and as-of date"),
      ("每个数字都针对一个统计期间（日、周、月、季度、半年、年）并截至某一日期计算（默认今天，北京时间）。"
       "截止日期之后发生的事（新记录、状态变化、收到结论、销号）一律视为尚未发生；到截止日期尚未到期的"
       "任务不算未完成。日期区间（包保关系、经营状态、计划）包含首尾两天。包保等级、高风险标记、所属区划"
       "和干部层级按当前值使用，报表注明这一点。",
       "Every figure is computed for a period (day, week, month, quarter, half-year, year) as of a date "
       "(default today, China time). Anything dated after the as-of date (a record, a status change, a "
       "result received, a closing) counts as not yet happened; work not yet due by then is not a "
       "failure. Date ranges (assignments, statuses, plans) include both ends. Grades, the high-risk mark, "
       "a business's region and a cadre's level are used as they stand today, and reports say so."),
      "convention"),
    D("workdays",
      ("工作日", "Working days"),
      ("以工作日计的期限按国务院办公厅每年公布的节假日和调休安排计算；尚未公布的年份先按周一至周五计算，"
       "并明确提示当年节假日尚未录入（管理员可录入，或由市局同步包带来）。",
       "Deadlines in working days follow the State Council's yearly holiday and make-up workday "
       "schedule; for a year not yet published, Monday to Friday count as workdays and the app says the "
       "year's holidays are not yet known (an admin enters them, or a bundle from the bureau carries them)."),
      "national", ("国务院办公厅节假日安排通知", "State Council holiday notices")),
    D("rounding",
      ("百分比与“—”", "Percentages and '—'"),
      ("比率 = 分子 / 分母；分母为 0 时不计算比率，报表显示“—”，排名时列在最后。报表中的百分比四舍五入保留"
       "一位小数；JSON 输出保留原值。",
       "A rate is numerator / denominator; with a denominator of 0 there is no rate ('—' in reports, "
       "last in rankings). Reports round percentages half-up to one decimal; the JSON keeps the exact value."),
      "convention"),
))

SUPERVISION = Group("supervision", ("包保督导", "Supervision visits"), (
    D("visit_rules",
      ("督导频次规则", "Visit rules"),
      ("每一层级（市、县、乡、村）的包保干部在每个督导周期内对其包保的每个主体至少督导的次数。全国规定"
       "（2022 年起）：四级包保干部每季度至少督导 1 次。部分地区 2024 年起调整为每半年 1 次，有的不再考核村级"
       "干部：这是地方做法，由管理员在“设置 → 督导频次规则”中按生效日期新增一个版本。规则按生效日期分版本："
       "一个督导周期由其最后一天所适用的版本评判，之前的周期仍按原规则计算；报表写明本期由哪条规则评判。"
       "已关闭期间不能再被新规则改变。",
       "How many times a cadre of each level (city, county, township, village) must visit each business "
       "it guarantees per visit period. National rule (since 2022): every level at least once a quarter. "
       "Some regions moved to once every half-year in 2024, some no longer assess village cadres: a "
       "local practice, entered by an admin as a new dated version under Settings → Visit rules. A visit "
       "period is judged by the version in force on its last day; earlier periods keep the old rule; "
       "reports name the rule that judged the period. A closed period cannot be changed by a new rule."),
      "national", ("国务院食安委 2022 年分层分级精准防控意见", "State Council Food Safety Commission opinion, 2022"),
      ("半年频次、村级不考核等地方规则（默认：四级每季度 1 次）",
       "half-yearly visits, village cadres not assessed (default: all four levels once a quarter)")),
    D("grade_levels",
      ("包保等级与层级", "Grades and levels"),
      ("包保主体按 A/B/C/D 分级，默认 A 级由市级干部包保、B 级县级、C 级乡级、D 级村级。",
       "Businesses are graded A/B/C/D; by default A is guaranteed by city cadres, B county, C township, "
       "D village."),
      "setting", ("", ""), ("等级与层级的对应（默认 A市 B县 C乡 D村）", "grade to level (default A city, B county, C township, D village)")),
    D("obligations",
      ("督导任务（应督导）", "Visit obligations"),
      ("一项督导任务 = 一个主体 × 一个包保层级 × 一个督导周期：督导周期最后一天该主体在该层级有有效的包保关系，"
       "且当天按经营状态记录处于“在营”。休息日和临时歇业（如学校食堂周末、寒暑假）不取消督导任务：季度最后一天"
       "恰逢周六，周末照样要督导；同一季度周五和周日出的报表任务数相同。只有经营状态登记为停业或注销的主体不再"
       "计入督导任务和包保覆盖率。",
       "An obligation is one business × one cadre level × one visit period, when the business has an "
       "assignment at that level active on the period's last day and is 在营 (operating) on that day by "
       "its status history. Rest days and dated closures (a school canteen's weekends and holidays) do "
       "NOT remove an obligation: a quarter ending on a Saturday still has its visits due, and reports "
       "run on the Friday and on the Sunday show the same obligations. Only a status of 停业 or 注销 "
       "takes a business out of the obligations and of the coverage."),
      "convention"),
    D("supervision_rate",
      ("督导完成率", "Supervision completion rate"),
      ("一次督导计入某项任务的条件：督导对象是该主体，督导日期在该周期内，督导干部为该层级且督导当天包保该主体"
       "（周期内交接的，交出前的督导仍然有效，不重新计算季度），记录未删除；高风险主体只计现场督导。计入的督导"
       "次数达到规则要求即为完成。统计期间内、截止日期前已到期的任务为“应督导”，其中完成的为“已完成”，"
       "督导完成率 = 已完成 / 应督导，未完成 = 应督导 − 已完成。周期尚未结束的任务按截止日期评判，计为“进行中”，"
       "不算未完成。可按层级、区域、包保干部（周期末的包保干部）逐级查看，直到未完成清单。",
       "A visit counts toward an obligation when it is to that business, dated in the period, by a cadre "
       "of that level assigned to the business on the visit date (a visit before a handover still "
       "counts), not deleted, and on site if the business is high-risk. The obligation is met when the "
       "counting visits reach the rule's count. Due = obligations whose period ends within the report "
       "period and by the as-of date; met = those met; rate = met / due; missed = due − met. Periods not "
       "yet ended are open (progress, not failure). Drill-downs by level, region and cadre (the cadre "
       "assigned at the period's end), down to the list of missed obligations."),
      "convention"),
    D("progress",
      ("督导进度", "Progress"),
      ("统计期间尚未结束时显示进度：总数 = 督导周期在本统计期间内结束的全部任务（不论是否已到期），已完成 = "
       "其中截至截止日期已完成的；进度 = 已完成 / 总数。统计期间结束后，进度等于最终的督导完成率。首页和报表在"
       "期间进行中显示进度，避免三个月内主要指标一直空白。",
       "While the report period runs: total = obligations whose visit period ends within the report "
       "period (due yet or not), met = those already met by the as-of date; progress = met / total. Once "
       "the period has ended, progress equals the final completion rate."),
      "convention"),
    D("visits",
      ("督导次数", "Visits"),
      ("统计期间内、截至截止日期的督导记录数（不含已删除），不论是否计入某项任务。",
       "Visits dated in the period up to the as-of date, not deleted, whatever they count toward."),
      "convention"),
    D("coverage",
      ("包保覆盖率", "Coverage"),
      ("截止日期当天按经营状态“在营”、且至少有一条当天有效的包保关系的主体数 / 当天“在营”的主体数。休息日和"
       "临时歇业不影响，只有停业、注销会移出分母。",
       "Businesses operating (在营 by status) on the as-of date with at least one assignment active that "
       "day / businesses operating on that day. Rest days and closures do not matter; only 停业/注销 "
       "remove a business."),
      "convention"),
    D("problems",
      ("问题整改率", "Problems rectified"),
      ("督导发现的问题实行清单制、销号制。发现问题数 = 统计期间内督导记录发现的问题；应整改 = 整改期限在统计"
       "期间内且不晚于截止日期的问题，已整改 = 其中截止日期前已销号的；问题整改率 = 已整改 / 应整改。",
       "Problems found on visits are listed and closed off (清单制+销号制). Found = problems on visits "
       "dated in the period; due = problems whose deadline is in the period and by the as-of date; "
       "closed = those closed by then; rate = closed / due."),
      "convention"),
))

SELFCHECK = Group("selfcheck", ("企业自查（日管控、周排查、月调度）", "Self-checks (daily, weekly, monthly)"), (
    D("owing",
      ("应自查主体与营业日", "Who owes self-checks; operating days"),
      ("食品生产经营企业应落实日管控、周排查、月调度；小作坊和食品摊贩不属于企业，默认不要求（可对单个主体改设）。"
       "营业日 = 按经营状态“在营”的日子，减去固定休息日（如学校食堂周六、周日）和登记的歇业时段（停业、寒暑假）。"
       "统计期间内截至截止日期至少有一个营业日的应自查主体才计入。",
       "Food enterprises owe the daily, weekly and monthly records; small workshops and stalls are not "
       "enterprises and by default owe none (a per-business setting overrides). Operating days are the "
       "days 在营 by status, less regular rest days (e.g. a school canteen's weekends) and dated closures. "
       "A business counts when it owes them and has at least one operating day in the period up to the "
       "as-of date."),
      "national", ("市场监管总局令第 60 号（2022）", "SAMR Order No. 60 (2022)"),
      ("单个主体是否须自查、固定休息日", "whether one business owes self-checks, its rest days")),
    D("daily",
      ("日管控覆盖率", "Daily checks (日管控)"),
      ("记录日 = 统计期间内截至截止日期、有日管控记录的不同营业日（歇业日的记录不计）。记录日达到营业日的 X%"
       "（默认 100%）即为达标；日管控覆盖率 = 达标主体 / 应自查主体。另列记录日合计 / 营业日合计，作为第二个参考数。",
       "Record-days = distinct operating days in the period up to the as-of date with a daily record (a "
       "record on a closed day does not count). A business is covered when record-days reach X% "
       "(default 100) of its operating days; rate = covered / owing businesses. Record-days and "
       "operating-days summed over all owing businesses give a second figure."),
      "national", ("总局令第 60 号：每个营业日检查并记录", "SAMR Order 60: checked and recorded every operating day"),
      ("达标比例 X（默认 100%）", "the threshold X (default 100%)")),
    D("weekly",
      ("周排查覆盖率", "Weekly reviews (周排查)"),
      ("应排查周 = 在统计期间内结束、不晚于截止日期、且主体有营业日的自然周（周一至周日）；每个应排查周都有周排查"
       "记录即为达标；周排查覆盖率 = 达标主体 / 有应排查周的应自查主体。",
       "Applicable weeks = ISO weeks (Monday to Sunday) ending in the period by the as-of date in which "
       "the business operated; covered when every applicable week has a weekly record; rate = covered / "
       "owing businesses with at least one applicable week."),
      "national", ("总局令第 60 号", "SAMR Order 60")),
    D("monthly",
      ("月调度覆盖率", "Monthly meetings (月调度)"),
      ("与周排查相同，按在统计期间内结束、不晚于截止日期、且主体有营业日的月份计算月调度记录。",
       "As for weekly reviews, with the months ending in the period by the as-of date in which the "
       "business operated, and monthly records."),
      "national", ("总局令第 60 号", "SAMR Order 60")),
    D("chain",
      ("连锁企业", "Chain stores"),
      ("连锁企业总部负责月调度，分支机构负责周排查，门店负责日管控。门店的周排查、月调度由其分支机构或总部的"
       "记录履行，明细中注明由谁履行；对单个主体的改设仍然有效。",
       "Chain headquarters hold the monthly meeting, branches the weekly review, stores the daily check; "
       "a store's weekly and monthly duties are met by the records of its branch or headquarters, and "
       "the drill-down says so. The per-business override stays."),
      "national", ("市场监管总局令第 104 号，2025-12-01 施行", "SAMR Order No. 104, in force 2025-12-01"),
      ("主体所属连锁总部及其角色（总部/分支机构/门店）", "a business's chain headquarters and role (HQ/branch/store)")),
    D("platform_use",
      ("平台应用率", "Platform use"),
      ("统计期间内截至截止日期至少有一条任意类型自查记录的应自查主体 / 应自查主体。",
       "Owing businesses with at least one self-check record of any kind in the period up to the as-of "
       "date / owing businesses."),
      "convention"),
    D("selfcheck_counts",
      ("自查记录数与自查自纠问题数", "Record counts and issues found"),
      ("按省级通报的口径：统计期间内截至截止日期的日管控、周排查、月调度记录各多少条；自查自纠问题数 = 这些记录的"
       "发现问题数之和。计入区域内全部主体，不论是否应自查。",
       "As provincial bulletins publish them: daily, weekly and monthly records dated in the period up "
       "to the as-of date, and issues found = the sum of their 发现问题数, over every business in the "
       "region, owing or not."),
      "convention"),
))

SAMPLING = Group("sampling", ("抽检与快检", "Sampling and rapid tests"), (
    D("supervision_failure_rate",
      ("监督抽检不合格率（主要指标）", "Supervision sampling failure rate (headline)"),
      ("与市场监管总局公布的口径一致：统计期间内监督抽检批次中，不合格 / （合格 + 不合格），待检批次不计入。"
       "风险监测和评价性抽检分类型列示，不混入主要指标。（例：2023 年全国监督抽检 6,997,389 批次，不合格 "
       "190,872 批次，不合格率 2.73%。）",
       "As SAMR publishes it: among supervision-sampling (监督抽检) batches sampled in the period, failed / "
       "(passed + failed); pending batches are left out. Risk monitoring and evaluation sampling are shown "
       "by type, never mixed into the headline (2023 nationally: 190,872 of 6,997,389, 2.73%)."),
      "national", ("市场监管总局抽检信息通告", "SAMR sampling bulletins")),
    D("failure_by_type",
      ("按类型、食品大类的不合格率", "Failure rate by type and food category"),
      ("统计期间内抽样的批次，按抽检类型（监督抽检、风险监测、评价性抽检）、食品大类和检验结论（待检、合格、"
       "不合格）分列；各自不合格率 = 不合格 / （合格 + 不合格）。全部类型合计的不合格率另列，不作主要指标。",
       "Batches sampled in the period by type, by food category and by result (pending, passed, "
       "failed); each failure rate = failed / (passed + failed). The all-types rate is shown apart, not "
       "as the headline."),
      "national", ("市场监管总局令第 15 号（2019）", "SAMR Order No. 15 (2019)")),
    D("plan_rate",
      ("抽检计划完成率", "Sampling plan completion"),
      ("从统计期间所在年度年初到统计期间末（或截止日期，取较早者）已抽样批次 / 该年度计划批次。计划取所查区域"
       "自己的计划；没有的，取其下级区域计划之和（上级区域的计划不分摊，乡镇筛选下不显示）。",
       "Batches sampled from the start of the period's year to its end (or the as-of date, if earlier) / "
       "that year's plan: the plan of the region asked for, or else the sum of the plans of the regions "
       "inside it (a larger region's plan is not shared out)."),
      "convention"),
    D("disposal",
      ("核查处置", "Handling of failed samples (核查处置)"),
      ("默认只有不合格的监督抽检批次启动核查处置（启动处置的抽检类型可设置）；风险监测不合格采取告知和跟踪，"
       "单独列示，不计为处置案件。自收到检验结论之日起计时，应在 90 个自然日内办结（可设置）；经书面批准延期的，"
       "按批准的新期限（记录批准人和日期）。案件数 = 统计期间内截至截止日期收到结论的上述不合格批次；已办结 = "
       "截止日期前已办结的；按期办结 = 在期限（含批准延期）内办结的；逾期 = 尚未办结且期限早于截止日期的。",
       "By default only failed supervision-sampling batches open a case (the types that open one are a "
       "setting); a failed risk-monitoring sample leads to notice and follow-up, shown apart, not a case. "
       "The clock starts on the day the result is received; the case must close within 90 calendar days "
       "(a setting), or by a later deadline approved in writing (approver and date recorded). Cases = such "
       "failed batches whose result was received in the period up to the as-of date; closed = closed by "
       "then; on time = closed by the deadline (extension included); overdue = still open with the "
       "deadline before the as-of date."),
      "national", ("市场监管总局令第 15 号", "SAMR Order No. 15"),
      ("处置期限（默认 90 日）、启动核查处置的抽检类型（默认监督抽检）",
       "the deadline (default 90 days), the sampling types that open a case (default 监督抽检)")),
    D("retest",
      ("复检申请期限", "Retest deadline (复检)"),
      ("被抽样的生产经营者可在收到检验结论之日起 7 个工作日内申请复检：从结论送达企业的日期起算，不是监管部门"
       "收到结论的日期。送达日期未录入时，系统显示“送达日期未录入”，不作推测。",
       "The business may ask for a retest within 7 working days of the day IT receives the result (the "
       "送达 date), not the day the regulator received it. Until the 送达 date is entered the app says "
       "so rather than guess."),
      "national", ("食品安全法第八十八条", "Food Safety Law, art. 88"),
      ("复检申请期限（默认 7 个工作日）", "the retest window (default 7 working days)")),
    D("lab_timing",
      ("送检与出具报告时限（提示）", "Sample and lab timing (warnings)"),
      ("样品应在 5 个工作日内送达检验机构，检验机构应在 20 个工作日内出具报告；超出的以提示显示，不影响其他指标。",
       "Samples reach the lab within 5 working days and the lab reports within 20 working days; late "
       "ones are shown as warnings and change no other figure."),
      "national", ("市场监管总局令第 15 号", "SAMR Order No. 15"),
      ("两个期限（默认 5 和 20 个工作日）", "both windows (default 5 and 20 working days)")),
    D("rapid",
      ("快检", "Rapid tests"),
      ("统计期间内截至截止日期的快检批次和阳性批次，按检测项目（农药残留、瘦肉精、孔雀石绿等）和市场分列；"
       "阳性的处置（停售、销毁、送实验室确证、转监督抽检）随记录列示。",
       "Batches tested and positive in the period up to the as-of date, by test item and by market; "
       "positives carry their disposal (withdrawn, destroyed, sent for confirmation, turned into a "
       "supervision sample)."),
      "convention"),
))

RANKING = Group("ranking", ("排名", "Ranking"), (
    D("ranking",
      ("区域排名", "Ranking of regions"),
      ("对所查区域下一级的各区域按一个指标（督导完成率、包保覆盖率、日管控、周排查、月调度、平台应用率、按期处置率）"
       "从高到低排名；没有该指标的区域排在最后；指标相同的名次相同（1、2、2、4）。期间进行中，督导按进度排名。"
       "同时列出各区域上一同类期间（如第四季度对应第三季度，按该期间末计算）的名次及变化。",
       "The regions one level below the region asked for are ranked on one figure (supervision, "
       "coverage, daily, weekly, monthly, platform use, disposal on time), highest first, regions without "
       "the figure last; equal figures share a rank (1, 2, 2, 4). While the period runs, supervision "
       "ranks by progress. Each region also carries its rank for the previous period of the same kind, "
       "judged as of that period's end, and the change."),
      "convention"),
))

GROUPS: tuple[Group, ...] = (GENERAL, SUPERVISION, SELFCHECK, SAMPLING, RANKING)


@dataclass(frozen=True)
class RuleBasis:
    """One rule the figures rest on, and whether it is a verified national rule or a local setting."""

    rule: tuple[str, str]
    basis: str  # national | setting | convention
    source: tuple[str, str]


    def get(self, part: str, lang: str | None = None) -> str:
        pair: tuple[str, str] = getattr(self, part)
        return pair[1] if is_english(lang) else pair[0]

    def basis_label(self, lang: str | None = None) -> str:
        return t(f"method.basis_{self.basis}", lang)


R = RuleBasis

# The rules behind the figures, national or local (DOMAIN.md asks to say which is which).
RULE_BASES: tuple[RuleBasis, ...] = (
    R(("四级包保干部每季度至少督导 1 次", "every level visits at least once a quarter"), "national",
      ("国务院食安委 2022 年意见", "State Council Food Safety Commission, 2022")),
    R(("每半年督导 1 次；村级干部不再考核", "once every half-year; village cadres no longer assessed"), "setting",
      ("湖南部分市州 2024 年“调整优化”，按生效日期新增规则版本", "several Hunan cities, 2024: a new dated rule version")),
    R(("包保等级对应层级（A市 B县 C乡 D村）", "grade to level (A city, B county, C township, D village)"),
      "setting", ("默认值，可在设置中修改", "default, changed under Settings")),
    R(("停业、注销的主体不计督导任务和包保覆盖率；休息日、歇业不计", "only 停业/注销 end obligations and coverage; rest days do not"),
      "convention", ("与省级平台一致的统计口径", "as the provincial platforms count")),
    R(("企业每个营业日日管控、每周周排查、每月月调度", "enterprises: daily checks, weekly reviews, monthly meetings"),
      "national", ("市场监管总局令第 60 号", "SAMR Order No. 60")),
    R(("小作坊、食品摊贩默认不要求自查", "small workshops and stalls owe no self-checks by default"), "setting",
      ("不属于第 60 号令的企业；可对单个主体改设", "not enterprises under Order 60; per-business override")),
    R(("日管控达标比例 100%", "daily checks covered at 100% of operating days"), "setting",
      ("默认值，可在设置中修改", "default, changed under Settings")),
    R(("连锁总部月调度、分支机构周排查、门店日管控", "chain HQ monthly, branch weekly, store daily"), "national",
      ("市场监管总局令第 104 号，2025-12-01 施行", "SAMR Order No. 104, in force 2025-12-01")),
    R(("主要指标为监督抽检不合格率", "the headline is the supervision-sampling failure rate"), "national",
      ("市场监管总局抽检信息通告的口径", "as SAMR's sampling bulletins publish it")),
    R(("只有监督抽检不合格启动核查处置；风险监测不合格告知跟踪", "only failed 监督抽检 opens a case; risk monitoring: notice"),
      "setting", ("默认值，启动处置的抽检类型可设置", "default; the types that open a case are a setting")),
    R(("核查处置 90 日内完成，延期须书面批准", "cases close within 90 days; extensions approved in writing"),
      "national", ("市场监管总局令第 15 号；期限可设置", "SAMR Order No. 15; the days are a setting")),
    R(("复检申请期限：收到结论之日起 7 个工作日（自送达企业之日起算）", "retest within 7 working days of the business receiving the result"),
      "national", ("食品安全法第八十八条", "Food Safety Law, art. 88")),
    R(("样品 5 个工作日内送达检验机构，20 个工作日内出具报告", "samples to the lab in 5, reports in 20 working days"),
      "national", ("市场监管总局令第 15 号；期限可设置", "SAMR Order No. 15; the days are settings")),
    R(("节假日与调休", "holidays and make-up workdays"), "national",
      ("国务院办公厅每年的通知", "the State Council's yearly notice")),
    R(("排名：名次相同并列，无指标者列后", "ranking: equal figures share a rank, none last"), "convention",
      ("各省排名通报的通行做法", "as provincial rankings do")),
)

# Which groups a completion report of each kind prints in its appendix.
KIND_GROUPS = {
    "all": ("general", "supervision", "selfcheck", "sampling", "ranking"),
    "supervision": ("general", "supervision", "ranking"),
    "selfcheck": ("general", "selfcheck", "ranking"),
    "sampling": ("general", "sampling"),
}


def groups_for(kind: str = "all") -> list[Group]:
    wanted = KIND_GROUPS.get(kind, KIND_GROUPS["all"])
    return [g for g in GROUPS if g.key in wanted]


def all_definitions() -> list[Definition]:
    return [d for g in GROUPS for d in g.definitions]


def matching(text: str) -> list[str]:
    """The keys of the definitions whose title or text (either language) contains `text`."""
    needle = text.strip().lower()
    return [d.key for d in all_definitions() if not needle or needle in d.haystack()]


@dataclass(frozen=True)
class AppendixRow:
    group: str
    figure: str
    definition: str
    basis: str
    other_language: str  # the definition in the other language (English under a Chinese report)


def appendix_rows(kind: str = "all", lang: str | None = None) -> list[AppendixRow]:
    """The appendix as rows, for the PDF and the workbook sheet."""
    other = "zh_CN" if is_english(lang) else "en"
    return [
        AppendixRow(g.get_title(lang), d.get("title", lang), d.get("text", lang), d.basis_text(lang),
                    d.get("text", other))  # fmt: skip
        for g in groups_for(kind)
        for d in g.definitions
    ]


def markdown() -> str:
    """docs/metrics.md: the same account as the app's window and the report's appendix (Chinese, with
    the English after each definition). Regenerate with `python -m msfood.reports.appendix.methodology`."""
    lines = [
        "# 指标口径 (How the figures are defined)",
        "",
        "<!-- Generated by `python -m msfood.reports.appendix.methodology > docs/metrics.md` from",
        "     msfood/reports/appendix/methodology.py; a test keeps the two the same. -->",
        "",
        t("method.window_intro", None),
        "",
        t("method.window_intro", "en"),
        "",
        "## 国家规定还是本地设置 (National rules and local settings)",
        "",
        "| 规则 (rule) | 依据 (basis) | 出处 (source) |",
        "|---|---|---|",
    ]
    for r in RULE_BASES:
        basis = f"{t(f'method.basis_{r.basis}', None)} ({t(f'method.basis_{r.basis}', 'en')})"
        lines.append(f"| {r.rule[0]} ({r.rule[1]}) | {basis} | {r.source[0]} ({r.source[1]}) |")
    lines += ["", "## 指标与依据 (Figures by basis)", "", "| 依据 (basis) | 指标 (figures) |", "|---|---|"]
    for basis in BASES:
        titles = "、".join(d.get("title") for d in all_definitions() if d.basis == basis)
        lines.append(f"| {t(f'method.basis_{basis}', None)} ({t(f'method.basis_{basis}', 'en')}) | {titles} |")
    lines.append("")
    for group in GROUPS:
        lines += [f"## {group.get_title()} ({group.get_title('en')})", ""]
        for d in group.definitions:
            lines += [
                f"### {d.get('title')} ({d.get('title', 'en')})",
                "",
                f"**{t('method.col_basis', None)}：{d.basis_text()}**",
                "",
                d.get("text"),
                "",
                f"*{d.basis_text('en')}.* {d.get('text', 'en')}",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(markdown())
