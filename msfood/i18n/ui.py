"""Messages the desktop app raises or shows through msfood's catalogue (its widgets use Qt Linguist)."""

MESSAGES = {
    "ui.password_mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "ui.demo_missing": (
        "本版本未包含演示数据生成器。",
        "This version has no demo data generator.",
    ),
    "ui.no_station": (
        "没有可用的数据库：请新建站点数据库或试用演示数据。",
        "No database to open: set up a station or try the demo.",
    ),
    "ui.signin_needed": (
        "截图模式需要设置 MSFOOD_USER 和 MSFOOD_PASSWORD。",
        "The screenshot mode needs MSFOOD_USER and MSFOOD_PASSWORD.",
    ),
}
