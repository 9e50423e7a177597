"""What every report holds and how its figures are shown, in no file format (no reportlab, no openpyxl).

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
