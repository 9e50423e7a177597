"""Messages about accounts and sign-in."""

MESSAGES = {
    "user.password_short": ("密码至少需要 {min} 个字符", "the password needs at least {min} characters"),
    "user.exists": ("用户名 {username} 已存在", "the user name {username} is taken"),
    "user.locked": (
        "连续输错密码次数过多，账号已锁定至 {until}（UTC），请稍后再试。",
        "Too many wrong passwords: the account is locked until {until} UTC.",
    ),
}
