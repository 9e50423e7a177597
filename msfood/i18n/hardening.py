"""Messages for refusals the fuzz tests (tests/fuzz) found unsaid: input no check above them foresaw."""

from msfood.i18n.sync import _refusal

MESSAGES = {
    "bundle.bad_value": _refusal(
        "其中有本库无法保存的值（{reason}）。请让发送方检查其数据后重新导出。",
        "it holds a value this database cannot store ({reason}). Ask the sender to check its data and "
        "export again.",
    ),
}
