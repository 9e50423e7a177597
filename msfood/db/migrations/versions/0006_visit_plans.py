"""issue 14 item 6: the visit schedule (排期), a local table of planned visits

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

One new table, visit_plans: local working notes of this database (no sync columns; bundles and
workbooks skip it, msfood.db.models.synced_tables). Nothing existing changes, so bundles of schema
0005 merge as they are (msfood.sync.upgrade).
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

ID = sa.String(length=36).with_variant(sa.String(length=36, collation='C'), 'postgresql')


def upgrade() -> None:
    op.create_table('visit_plans',
    sa.Column('id', ID, nullable=False),
    sa.Column('period_key', sa.String(length=10), nullable=False),
    sa.Column('cadre_id', ID, nullable=False),
    sa.Column('business_id', ID, nullable=False),
    sa.Column('rule_period_key', sa.String(length=10), nullable=False),
    sa.Column('plan_date', sa.Date(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('edited_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['business_id'], ['businesses.id'], name=op.f('fk_visit_plans_business_id_businesses'), initially='IMMEDIATE', deferrable=True),
    sa.ForeignKeyConstraint(['cadre_id'], ['cadres.id'], name=op.f('fk_visit_plans_cadre_id_cadres'), initially='IMMEDIATE', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_plans'))
    )
    with op.batch_alter_table('visit_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_plans_business_id'), ['business_id'], unique=False)
        batch_op.create_index('ix_visit_plans_period_cadre_date', ['period_key', 'cadre_id', 'plan_date'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visit_plans', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_plans_period_cadre_date')
        batch_op.drop_index(batch_op.f('ix_visit_plans_business_id'))
    op.drop_table('visit_plans')
