"""The PDF machinery every printed document shares: fonts, line-breaking, pages, tables, the chart."""
