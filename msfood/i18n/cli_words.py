"""Names of the command line's own inputs, as people say them (the rest are record fields in fields.py)."""

MESSAGES = {
    "field.as_of": ("截至日期", "as-of date"),
}
