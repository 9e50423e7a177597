"""Messages of the visit-rule versions (timeline, presets, the rule that judged a period) and of the
指标口径 (methodology) page and report appendix. The definitions themselves are data in
msfood/reports/appendix/methodology.py."""

MESSAGES = {
    # --- a rule version in words
    "rulever.every_month": ("每月 {count} 次", "{count} per month"),
    "rulever.every_quarter": ("每季度 {count} 次", "{count} per quarter"),
    "rulever.every_half": ("每半年 {count} 次", "{count} per half-year"),
    "rulever.every_year": ("每年 {count} 次", "{count} per year"),
    "rulever.not_assessed": ("不考核", "not assessed"),
    "rulever.since_text": ("{rule}（自{start}起）", "{rule} (from {start})"),
    "rulever.describe": ("{level} {text}", "{level}: {text}"),
    "rulever.then": ("，", ", then "),
    "rulever.separator": ("；", "; "),
    "rulever.changed_in_period": ("{text}（本期内调整）", "{text} (changed within the period)"),
    "rulever.none_ending": ("（本期无到期的督导周期）", " (no visit period ends in this period)"),
    "rulever.no_rule": ("{level} 无规则", "{level}: no rule"),
    "rulever.report_label": ("本期督导频次", "Visit rules this period"),
    "rulever.report_line": ("{label}：{text}", "{label}: {text}"),
    "rulever.since": ("自 {start}", "from {start}"),
    "rulever.until": ("至 {end}", "to {end}"),
    "rulever.open_end": ("至今", "onwards"),
    # --- presets
    "rulever.preset_national_quarterly": (
        "全国规定：每季度至少 1 次（四级）",
        "National: at least once a quarter (all four levels)",
    ),
    "rulever.preset_half_yearly": ("每半年 1 次（四级）", "Once every half-year (all four levels)"),
    "rulever.preset_half_yearly_no_village": (
        "每半年 1 次，村级不再考核（湖南部分市州做法）",
        "Once every half-year, village cadres no longer assessed (as in some Hunan cities)",
    ),
    # --- refusals
    "rulever.count_range": (
        "次数应在 0-99 之间（0 表示不考核）：{value}",
        "the count must be within 0-99 (0: not assessed): {value}",
    ),
    "rulever.nothing_new": (
        "{date} 起各层级已经是这条规则，无需新增版本。",
        "from {date} every level already has this rule: no new version needed.",
    ),
    "rulever.preset_unknown": ("没有这种预设规则：{preset}", "no such preset: {preset}"),
    "rulever.in_closed": (
        "生效日期 {date} 落在已关闭的期间 {period}（{start} 至 {end}）内：该期间的数字已上报，不能再按新规则计算。"
        "请选择 {end} 之后的日期，或请市局先重新打开该期间。",
        "the start date {date} lies in the closed period {period} ({start} to {end}): its figures were "
        "reported and cannot be judged by a new rule. Pick a date after {end}, or ask the bureau to reopen it.",
    ),
    "rulever.reaches_closed": (
        "从 {date} 起的{level}规则会改变已关闭期间 {period}（{start} 至 {end}）的数字。"
        "请选择 {end} 之后的日期，或请市局先重新打开该期间。",
        "a {level} rule from {date} would change the figures of the closed period {period} ({start} to "
        "{end}). Pick a date after {end}, or ask the bureau to reopen it.",
    ),
    "rulever.rewrites_past": (
        "{date} 已是{level}一条规则的生效日期，这条规则已评判过 {period} 等已结束的周期，不能改写。"
        "调整规则请选择新的生效日期（新规则从该日起适用，以前的周期仍按原规则）。",
        "{date} already starts a {level} rule that judged ended periods such as {period}; it cannot be "
        "rewritten. Pick a new start date (the new rule applies from then, earlier periods keep the old one).",
    ),
    # --- the rules page (ui/pages/settings/rules.py)
    "rulesui.legend": (
        "红色虚线为今天，灰色底纹为已关闭的期间；每个督导周期按其最后一天适用的规则评判。",
        "Red dashed line: today; grey bands: closed periods. A visit period is judged by the rule in force on its last day.",
    ),
    "rulesui.rewrite_title": ("修改已使用的规则", "Change a rule already used"),
    "rulesui.rewrite_text": (
        "{level}自 {date} 起的规则已评判过 {period} 等已结束的周期，直接修改会改变这些周期的数字。\n\n"
        "规则调整一般应选择新的生效日期、新增一个版本（以前的周期仍按原规则）。仍要修改这条规则吗？",
        "The {level} rule from {date} already judged ended periods such as {period}; changing it changes "
        "their figures.\n\nA change of rule is usually a new version from a new date (earlier periods keep "
        "the old rule). Change this rule anyway?",
    ),
    "rulesui.delete_text": (
        "{level}自 {date} 起的规则已评判过 {period} 等已结束的周期，删除后这些周期改按之前的规则计算，数字会改变。"
        "仍要删除吗？",
        "The {level} rule from {date} already judged ended periods such as {period}; deleting it judges them "
        "by the rule before, and their figures change. Delete it anyway?",
    ),
    "rulesui.presets": ("一键新增规则版本：", "Add a rule version in one click:"),
    "rulesui.preset_title": ("新增规则版本", "New rule version"),
    "rulesui.preset_start": ("生效日期", "Effective from"),
    "rulesui.preset_note": (
        "将为每个层级新增一个从该日起生效的规则版本。之前的督导周期仍按原规则评判；"
        "生效日期不能落在已关闭的期间内。",
        "A new version from this date is added for every level. Earlier visit periods keep the rule that "
        "judged them; the date may not reach into a closed period.",
    ),
    "rulesui.preset_apply": ("新增版本", "Add versions"),
    "rulesui.cancel": ("取消", "Cancel"),
    "rulesui.preset_done": (
        "已新增规则版本：{preset}，自 {start} 起生效。",
        "Added: {preset}, from {start}.",
    ),
    # --- the 指标口径 page and appendix
    "method.title": ("指标口径", "How the figures are defined"),
    "method.appendix_title": ("附录　指标口径", "Appendix: how the figures are defined"),
    "method.intro": (
        "本附录说明报表中每一个数字的计算方法（与系统内“帮助 → 指标口径”一致），以便与省级平台和国家抽检系统核对。"
        "“依据”一栏：国家规定 = 已核对的国家法规或文件的要求；本地设置 = 各地做法不一，系统按默认值计算，"
        "管理员可在“设置”中修改；统计约定 = 国家文件未规定具体算法时本系统采用的算法。",
        "This appendix states how every figure in the report is computed (the same text as Help → How the "
        "figures are defined in the app), so it can be checked against the provincial platform and SAMR's "
        "sampling system. Basis: national rule = a verified requirement of a national regulation or "
        "document; local setting = practice varies, msfood computes with the default shown, an admin may "
        "change it under Settings; counting convention = how msfood counts where the national texts give "
        "no formula.",
    ),
    "method.window_intro": (
        "本页说明系统中每一个数字的计算方法（与完成情况报表的附录一致），以便与省级平台和国家抽检系统核对。"
        "每项指标下注明依据：国家规定 = 已核对的国家法规或文件的要求；本地设置 = 各地做法不一，系统按默认值计算，"
        "管理员可在“设置”中修改；统计约定 = 国家文件未规定具体算法时本系统采用的算法。",
        "How every figure in the app is computed (the same text as the completion report's appendix), so it "
        "can be checked against the provincial platform and SAMR's sampling system. Under each figure, its "
        "basis: national rule = a verified requirement of a national regulation or document; local setting = "
        "practice varies, msfood computes with the default shown, an admin may change it under Settings; "
        "counting convention = how msfood counts where the national texts give no formula.",
    ),
    "method.rule_bases": ("国家规定还是本地设置", "National rules and local settings"),
    "method.col_rule": ("规则", "Rule"),
    "method.col_rule_source": ("出处或说明", "Source or note"),
    "method.col_group": ("类别", "Group"),
    "method.col_figure": ("指标", "Figure"),
    "method.col_definition": ("口径", "Definition"),
    "method.col_basis": ("依据", "Basis"),
    "method.col_source": ("出处", "Source"),
    "method.col_english": ("Definition (English)", "Definition (Chinese)"),
    "method.basis_national": ("国家规定", "national rule"),
    "method.basis_setting": ("本地设置", "local setting"),
    "method.basis_convention": ("统计约定", "counting convention"),
    "method.search": ("查找", "Find"),
    "method.no_match": ("没有找到“{text}”。", "Nothing matches “{text}”."),
    "method.search_hint": (
        "输入指标名称或关键词，如 覆盖率、送达、在营",
        "a figure or a word, e.g. coverage, retest",
    ),
    "method.count": ("{n} 项指标", "figures: {n}"),
    "method.menu": ("指标口径", "How the figures are defined"),
}
