"""self-check rollups: bit sets of the days, weeks and months each business has records for

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Kept by triggers on selfchecks (msfood.db.rollups); filled here from the records already there.
"""
from alembic import op
import sqlalchemy as sa

from msfood.db import rollups

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('selfcheck_days',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('business_id', sa.String(length=36).with_variant(sa.String(length=36, collation='C'), 'postgresql'), nullable=False),
    sa.Column('daily', sa.BigInteger(), nullable=False),
    sa.Column('dated', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('month', 'business_id', name=op.f('pk_selfcheck_days')),
    sqlite_with_rowid=False,
    )
    op.create_table('selfcheck_periods',
    sa.Column('year', sa.String(length=4), nullable=False),
    sa.Column('business_id', sa.String(length=36).with_variant(sa.String(length=36, collation='C'), 'postgresql'), nullable=False),
    sa.Column('weeks', sa.BigInteger(), nullable=False),
    sa.Column('months', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('year', 'business_id', name=op.f('pk_selfcheck_periods')),
    sqlite_with_rowid=False,
    )
    conn = op.get_bind()
    # this revision's day columns: the SQL of later revisions writes columns this table lacks
    rollups.rebuild(conn, kinds=rollups.DAY_KINDS_0002)
    rollups.install_triggers(conn, kinds=rollups.DAY_KINDS_0002)
    # The figures read the rollups now: the covering indexes that served their counts only slowed
    # every write. A period's visits are read from a covering index instead.
    op.drop_index('ix_selfchecks_kind_date', table_name='selfchecks')
    op.drop_index('ix_selfchecks_kind_key', table_name='selfchecks')
    op.drop_index('ix_visits_date', table_name='visits')
    op.create_index('ix_visits_date', 'visits', ['visit_date', 'id', 'business_id', 'cadre_id', 'mode', 'deleted'])


def downgrade() -> None:
    op.drop_index('ix_visits_date', table_name='visits')
    op.create_index('ix_visits_date', 'visits', ['visit_date', 'id'])
    op.create_index('ix_selfchecks_kind_key', 'selfchecks', ['kind', 'period_key', 'business_id', 'deleted'])
    op.create_index('ix_selfchecks_kind_date', 'selfchecks', ['kind', 'record_date', 'business_id', 'deleted'])
    conn = op.get_bind()
    rollups.drop_triggers(conn)
    op.drop_table('selfcheck_periods')
    op.drop_table('selfcheck_days')
