"""Unit-of-work functions, one subpackage per aggregate. The UI and the CLI call these; nothing else writes.

writing/ is the write path every other subpackage uses (the unit of work, its guards, the roles);
records/ is what a record is and how one is cleaned and saved; roster/, work/, rules/, periods/,
accounts/, backups/, history/, setup/ and queries/ build on those two (docs/architecture.md).
"""
