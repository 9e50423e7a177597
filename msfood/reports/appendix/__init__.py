"""The 指标口径 appendix of the completion report: its text (`methodology`, which the ui imports
directly), the rule line and rows (`content`), the PDF pages (`pdf`) and the sheet (`sheet`).

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
