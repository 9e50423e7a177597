"""issue 13: a region retired with an end date (撤销日期) instead of deleted

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

One new nullable column, regions.retired_on: the last day a division is in use. Every existing row
keeps its meaning (in use, no end date), so nothing is filled in. Plain ALTER TABLE ADD/DROP COLUMN
on both SQLite (3.35 or later) and PostgreSQL: no table is rebuilt, so the references businesses,
cadres and sampling plans hold to regions are never in the way. Bundles of schema 0003 upgrade by
taking NULL for the new column (msfood.sync.upgrade).
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('regions', sa.Column('retired_on', sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column('regions', 'retired_on')
