"""Messages of a bundle refused for values the forms would refuse (msfood.sync.rules)."""

from msfood.i18n.sync import _refusal

MESSAGES = {
    "bundle.bad_values": _refusal(
        "其中 {count} 处数值不是本软件允许的值（发送方的软件版本不符，或文件被人为编辑过）：",
        "{count} values in it are not ones this app allows (the sender's app differs, or the file "
        "was edited by hand):",
    ),
    "bundle.bad_value_item": (
        "· {table} 记录 {record}（{key}）的“{field}”（{column}）为“{value}”：{why}",
        "· {table} record {record} ({key}): “{field}” ({column}) is “{value}”: {why}",
    ),
    "bundle.bad_values_more": ("· 另有 {count} 处，未一一列出。", "· and {count} more, not listed."),
    "bundle.value_not_choice": ("不是可选的值（{choices}）", "not one of the codes {choices}"),
    "bundle.value_too_long": ("超过 {max} 个字符", "longer than {max} characters"),
    "bundle.value_rest_days": (
        "休息日应写作 1–7 的星期数字（如“67”表示周六、周日）",
        "rest days are weekday digits 1–7 (“67”: Saturday and Sunday)",
    ),
    "bundle.value_period_key": (
        "与类型和日期不符，应为“{expected}”",
        "does not match the kind and date; it should be “{expected}”",
    ),
}
