"""Messages about the official division codes (统计用区划代码) and the region tree."""

MESSAGES = {
    "regions_official.unknown_code": (
        "{year}年统计用区划代码中没有代码 {value}：请核对（省 2 位或 6 位、市 4 位或 6 位、县 6 位、"
        "乡镇 9 位、村 12 位）",
        "the {year} statistical division codes have no code {value}: check it (province 2 or 6 digits, "
        "city 4 or 6, county 6, township 9, village 12)",
    ),
    "regions_official.unknown_year": (
        "没有 {year} 年的统计用区划代码，本软件自带的年份：{years}",
        "there are no statistical division codes for {year}; the years shipped: {years}",
    ),
    "regions_official.nothing_new": (
        "{name}（{code}）及其上下级区划已全部在库（{count} 个），没有新增。",
        "{name} ({code}) and the regions above and under it are all there already ({count}); nothing added.",
    ),
    "regions_official.loaded": (
        "已载入 {name}（{code}）的 {year} 年统计用区划：新增 {added} 个（{levels}），"
        "已有 {present} 个保持不变。",
        "Loaded the {year} statistical divisions of {name} ({code}): {added} added ({levels}), "
        "{present} already there left as they were.",
    ),
    "regions_official.level.province": ("省级", "provinces"),
    "regions_official.level.city": ("地级", "cities"),
    "regions_official.level.county": ("县级", "counties"),
    "regions_official.level.township": ("乡级", "townships"),
    "regions_official.level.village": ("村级", "villages"),
    "regions_official.source": (
        "数据来源：国家统计局 {year} 年统计用区划代码",
        "Source: National Bureau of Statistics, {year} statistical division codes",
    ),
    "regions_official.init_unknown": (
        "提示：{year} 年统计用区划代码中没有 {value}，未自动添加区划；可用 msfood regions load 载入。",
        "Note: the {year} statistical division codes have no {value}, so no region was added; "
        "msfood regions load adds official ones.",
    ),
    "regions_official.code_not_under": (
        "代码 {value} 不在上级 {parent} 之下：应为上级代码后加 {digits} 位数字",
        "code {value} is not under {parent}: it should be the parent's code followed by {digits} digits",
    ),
}
