"""The 指标口径 appendix of the completion report: its text, the rule line, the PDF pages and the sheet."""
