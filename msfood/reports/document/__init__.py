"""What every report holds and how its figures are shown, in no file format."""
