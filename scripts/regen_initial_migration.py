"""Regenerate migration 0001 from the models (only while no database outside development exists).

Once a release has shipped, never run this again: add a new revision with
`alembic revision --autogenerate` instead.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from msfood.db.engine import MIGRATIONS_DIR, alembic_config, make_engine

VERSIONS = MIGRATIONS_DIR / "versions"


def main() -> None:
    target = VERSIONS / "0001_initial.py"
    if target.exists():
        target.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'empty.sqlite'}")
        config = alembic_config(engine)
        command.revision(config, message="initial schema", autogenerate=True, rev_id="0001")
        engine.dispose()
    generated = next(VERSIONS.glob("0001_*.py"))
    if generated != target:
        generated.rename(target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
