"""The completion report: its content, its sections' tables, its PDF and its workbook."""
