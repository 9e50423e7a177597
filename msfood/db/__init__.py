"""The database: engine and pragmas, mapped classes, migrations. Only msfood's own layers import it."""
