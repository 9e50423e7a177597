"""the figures of issue 15: a sample's 送达 date and a case's approved extension; chain stores

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

Only new nullable columns: every existing row keeps its meaning (no 送达 date entered, no
extension, not part of a chain), so nothing is filled in. Plain ALTER TABLE ADD/DROP COLUMN on both
SQLite (3.35 or later) and PostgreSQL: no table is rebuilt, so the references other tables hold to
businesses and samplings are never in the way. Bundles of schema 0002 upgrade by taking NULL for the
new columns (msfood.sync.upgrade).
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

ID = sa.String(length=36).with_variant(sa.String(length=36, collation='C'), 'postgresql')
BUSINESS_COLUMNS = (
    ('chain_role', sa.String(length=16)),
    ('chain_hq_id', ID),
    ('chain_branch_id', ID),
)
SAMPLING_COLUMNS = (
    ('served_date', sa.Date()),
    ('extended_deadline', sa.Date()),
    ('extension_approver', sa.String(length=64)),
    ('extension_approved_on', sa.Date()),
)


def upgrade() -> None:
    for name, kind in BUSINESS_COLUMNS:
        op.add_column('businesses', sa.Column(name, kind, nullable=True))
    for name, kind in SAMPLING_COLUMNS:
        op.add_column('samplings', sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    for name, _kind in reversed(SAMPLING_COLUMNS):
        op.drop_column('samplings', name)
    for name, _kind in reversed(BUSINESS_COLUMNS):
        op.drop_column('businesses', name)
