"""The report services: Qt-free generators that yield Progress and write the file."""
