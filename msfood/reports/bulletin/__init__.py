"""通报: a period's ranking and who is behind (`content`), and its PDF (`pdf`).

Only a docstring on purpose: importing the package loads nothing, so reportlab and openpyxl load with
the module that needs them.
"""
