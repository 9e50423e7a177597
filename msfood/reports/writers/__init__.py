"""The report writers: Qt-free generators that yield Progress and write the file (callers reach them
through msfood.reports' lazy public face).

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
