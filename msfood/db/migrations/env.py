"""Alembic environment: runs on the engine msfood hands over (config.attributes["engine"])."""

from alembic import context

from msfood.db import models  # noqa: F401  (registers every table on the metadata)
from msfood.db.base import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
