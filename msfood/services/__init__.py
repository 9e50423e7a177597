"""Unit-of-work functions, one module per aggregate. The UI and the CLI call these; nothing else writes."""
