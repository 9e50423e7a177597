"""Messages of the command line."""

MESSAGES = {
    "cli.description": (
        "食安包保：包保督导、企业自查、抽检快检的数据管理与统计（命令行）",
        "msfood: food-safety supervision records and figures (command line)",
    ),
    "cli.usage_error": ("用法错误：{message}", "Usage error: {message}"),
    "cli.unexpected": (
        "发生了意外错误，数据未改动。详细信息已写入日志：{log}",
        "An unexpected error occurred; nothing was changed. Details are in the log: {log}",
    ),
    "cli.user_needed": (
        "请用 --user 或环境变量 MSFOOD_USER 指定操作用户。",
        "Give the acting user with --user or the MSFOOD_USER variable.",
    ),
    "cli.password_needed": (
        "没有终端可输入密码：请设置环境变量 {variable}。",
        "No terminal to ask for the password: set the {variable} variable.",
    ),
    "cli.password_prompt": ("用户 {user} 的密码：", "Password for {user}: "),
    "cli.new_password_prompt": ("新密码：", "New password: "),
    "cli.init_done": (
        "已创建{kind}数据库 {path}（单位代码 {code}，密钥指纹 {fingerprint}）。",
        "Created the {kind} database {path} (unit code {code}, key fingerprint {fingerprint}).",
    ),
    "cli.kind_station": ("监管所", "station"),
    "cli.kind_bureau": ("市局", "bureau"),
    "cli.admin_needed": (
        "请用 --admin 指定第一个管理员账号。",
        "Name the first admin account with --admin.",
    ),
}
