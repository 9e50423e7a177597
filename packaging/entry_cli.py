"""The frozen `msfood` command (PyInstaller runs this file as a script, so no relative imports)."""

from msfood.cli import main

raise SystemExit(main())
