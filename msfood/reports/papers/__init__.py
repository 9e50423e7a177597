"""The working papers, 督导任务单 and 整改通知书: their content (`content`) and their PDF (`pdf`).

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
