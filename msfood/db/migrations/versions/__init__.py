"""Migration revisions. KNOWN lists every revision this app can read, oldest first; HEAD is the last.

Update both when adding a revision (tests/migrations checks they match the files).
"""

KNOWN = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD = KNOWN[-1]
