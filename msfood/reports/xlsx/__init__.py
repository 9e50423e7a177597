"""What every sheet of a report workbook shares (`sheets`).

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
