"""The import workbook (INTERFACES.md section 2): its layout, the template, import and export.

- `schema`: sheets, headers and fields; `readers`: .xlsx, .xls and CSV folders as rows;
- `importer.import_workbook(db, path, actor=, clock=, dry_run=)`: a generator of Progress returning an
  ImportResult, or raising WorkbookRefused listing every bad cell; nothing is written unless all is well;
- `template.write_template(path)`; `export.export_workbook(db, path, actor=, period=, region=)` (a
  generator too) and `export.export_view(rows, headers, path)`.
"""
