"""督导提醒, each cadre's obligations not met: the content (`content`) and the PDF (`pdf`).

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
