"""issue 14: the self-check record counts and issues found without reading every record

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

selfcheck_days gains a day column per remaining kind (`weekly`, `monthly`: the days with a record of
that kind), so a window's records of each kind are masked bit counts like its 日管控 days; the
triggers are reinstalled to keep them (msfood.db.rollups) and the rollups rebuilt from the records.
The issues found (自查发现问题数) come from a partial covering index of the few records that found
any (deleted is among its columns so that every SQLite reads it alone). No synced table changes (the
rollups are derived, never synced): an 0004 bundle merges as it is (msfood.sync.upgrade, "0004").
"""
from alembic import op
import sqlalchemy as sa

from msfood.db import rollups
from msfood.db.maintenance import refresh_statistics

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rollups.drop_triggers(conn)
    op.add_column('selfcheck_days', sa.Column('weekly', sa.BigInteger(), server_default='0', nullable=False))
    op.add_column('selfcheck_days', sa.Column('monthly', sa.BigInteger(), server_default='0', nullable=False))
    rollups.rebuild(conn, kinds=rollups.DAY_KINDS)
    rollups.install_triggers(conn, kinds=rollups.DAY_KINDS)
    op.create_index(
        'ix_selfchecks_issues', 'selfchecks', ['record_date', 'business_id', 'issues_found', 'deleted'],
        sqlite_where=sa.text('deleted = 0 AND issues_found > 0'),
        postgresql_where=sa.text('NOT deleted AND issues_found > 0'),
    )
    if conn.exec_driver_sql("SELECT 1 FROM selfchecks LIMIT 1").first() is not None:
        # the planner learns the new index's size at once; a new, empty database keeps no statistics
        # (statistics of empty tables would have it plan as if they stayed empty after a big merge)
        refresh_statistics(conn)


def downgrade() -> None:
    conn = op.get_bind()
    op.drop_index('ix_selfchecks_issues', table_name='selfchecks')
    rollups.drop_triggers(conn)
    op.drop_column('selfcheck_days', 'monthly')
    op.drop_column('selfcheck_days', 'weekly')
    # daily and dated are what revision 0002 keeps: only its triggers come back
    rollups.install_triggers(conn, kinds=rollups.DAY_KINDS_0002)
