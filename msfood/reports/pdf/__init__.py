"""The PDF machinery every printed document shares: fonts, line-breaking, pages, tables, the chart.

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
