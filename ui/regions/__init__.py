"""Regions in the ui: the region editor (区划管理: the tree, loading official divisions, adding, renaming,
retiring, deleting), its dialogs, and the cascading picker of official divisions the editor and the first
start use. Nothing is re-exported: each is imported where it is opened.
"""
