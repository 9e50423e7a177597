"""通报: a period's ranking and who is behind, its content and its PDF."""
