"""What every list page is built from: ListPage (search, filters, count, forms), its output (copy, print,
export), the table actions and their keys, the filter widgets, and a page of lists in tabs.

No page of its own, so nothing is re-exported: the main window imports `actions` at start, and that must
not pull in ListPage (the lists load with the first list page)."""
