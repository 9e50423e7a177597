"""Pure domain code: no I/O, no database, no Qt."""
