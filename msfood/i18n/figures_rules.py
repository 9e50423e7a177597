"""The figures' corrected rules (issue 15): a sample's 送达 date and a case's approved extension, the
sampling types that open a case, chain stores (SAMR Order No. 104)."""

MESSAGES = {
    # fields of the forms and the workbook
    "field.served_date": ("送达日期", "result served on"),
    "field.extended_deadline": ("延期后处置期限", "extended deadline"),
    "field.extension_approver": ("延期批准人", "extension approved by"),
    "field.extension_approved_on": ("延期批准日期", "extension approved on"),
    "field.chain_role": ("连锁角色", "chain role"),
    "field.chain_hq_code": ("连锁总部统一社会信用代码", "chain headquarters credit code"),
    "field.chain_branch_code": ("所属分支机构统一社会信用代码", "branch credit code"),
    "field.chain_hq_id": ("连锁总部", "chain headquarters"),
    "field.chain_branch_id": ("所属分支机构", "branch"),
    "field.case_sampling_types": ("开启核查处置的抽检类型", "sampling types that open a case"),
    "figures_rules.served_not_entered": ("送达日期未录入", "served date not entered"),
    # notes beside a failed sample
    "figures_rules.served_missing": (
        "送达日期未录入：复检申请期限从企业收到检验结论之日起计算，录入送达日期后显示",
        "result served on: not entered; the retest deadline counts from the day the business "
        "received the result and shows once that date is entered",
    ),
    "figures_rules.retest_deadline": (
        "企业可在 {date} 前申请复检（送达后 {days} 个工作日内，还剩 {left} 天）",
        "the business may ask for a retest until {date} ({days} working days from service; {left} days left)",
    ),
    "figures_rules.extended": (
        "处置期限经 {approver} 于 {approved} 批准延期至 {date}",
        "the deadline was extended to {date}, approved by {approver} on {approved}",
    ),
    "figures_rules.not_a_case": (
        "{type}不合格不开启核查处置（按设置只有{types}开启），依规告知并跟踪",
        "a failed {type} sample opens no handling case (only {types} do, by the settings); "
        "notify and follow up",
    ),
    # validation
    "figures_rules.served_before_result": (
        "送达日期不能早于收到结论日期（{date}）",
        "the result cannot be served before it was received ({date})",
    ),
    "figures_rules.extension_incomplete": (
        "延期须同时填写延期后处置期限、延期批准人和延期批准日期",
        "an extension needs the new deadline, who approved it and when",
    ),
    "figures_rules.extension_not_later": (
        "延期后处置期限须晚于原期限（{date}）",
        "the extended deadline must be later than the original one ({date})",
    ),
    "figures_rules.extension_needs_fail": (
        "只有不合格样品的核查处置可以延期",
        "only a failed sample's handling case can be extended",
    ),
    "figures_rules.chain_self": ("连锁总部或分支机构不能是主体本身", "a business cannot be its own headquarters or branch"),
    "figures_rules.chain_needs_role": (
        "填写了连锁总部或分支机构，请同时选择连锁角色",
        "choose the chain role when naming a headquarters or branch",
    ),
    "figures_rules.chain_branch_for_store": (
        "只有门店可以填写所属分支机构",
        "only a store names the branch it belongs to",
    ),
    "figures_rules.chain_hq_has_hq": ("总部不填写连锁总部", "headquarters name no headquarters of their own"),
    "figures_rules.chain_unknown": (
        "找不到统一社会信用代码为 {code} 的主体（请先录入该主体）",
        "no business with credit code {code} (enter that business first)",
    ),
    # reports
    "figures_rules.fig_supervision_failure_rate": ("监督抽检不合格率", "Supervisory sampling failure rate"),
    # the self-check drill-down
    "figures_rules.met_by_hq": ("由总部记录", "recorded by the headquarters"),
    "figures_rules.met_by_branch": ("由分支机构记录", "recorded by the branch"),
    "figures_rules.missing_with_provider": (
        "{missing}（应由{who}“{name}”记录）",
        "{missing} (to be recorded by the {who} \u201c{name}\u201d)",
    ),
    "figures_rules.who_hq": ("总部", "headquarters"),
    "figures_rules.who_branch": ("分支机构", "branch"),
}
