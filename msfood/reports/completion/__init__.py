"""The completion report: its content and its sections' tables (`content`, `supervision`, `checks`,
`ranking`), its PDF (`pdf`) and the workbook writer (`workbook`).

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
