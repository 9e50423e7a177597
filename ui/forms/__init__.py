"""Record forms: one generic dialog (record_form) over a FormSpec per kind (kinds), with undo (undo)."""
