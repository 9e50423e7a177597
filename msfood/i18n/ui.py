"""Messages the desktop app raises or shows through msfood's catalogue (its widgets use Qt Linguist)."""

MESSAGES = {
    "ui.password_mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "ui.signin_needed": (
        "截图模式需要设置 MSFOOD_USER 和 MSFOOD_PASSWORD。",
        "The screenshot mode needs MSFOOD_USER and MSFOOD_PASSWORD.",
    ),
}
