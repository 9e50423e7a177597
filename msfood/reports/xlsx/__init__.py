"""What every sheet of a report workbook shares."""
