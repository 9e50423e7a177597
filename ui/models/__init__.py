"""Qt models over msfood queries: a lazy keyset-paged table model for every list (STYLE.md 5)."""
