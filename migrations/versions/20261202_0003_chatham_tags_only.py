"""Only Chatham House contributions keep an author tag: on a named item the tag sat
beside the company in clear, so it named the author of every Chatham House item that
carried the same tag (from the database alone, even after close).

Revision ID: 20261202_0003
Revises: 20261127_0002
Create Date: 2026-12-02 19:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "20261202_0003"
down_revision = "20261127_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.alter_column("author_tag", existing_type=sa.String(length=64), nullable=True)
    op.execute("UPDATE contributions SET author_tag = NULL WHERE company_id IS NOT NULL")


def downgrade() -> None:
    # The old schema needs a value; named items were never looked up by it.
    op.execute("UPDATE contributions SET author_tag = 'named' WHERE author_tag IS NULL")
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.alter_column("author_tag", existing_type=sa.String(length=64), nullable=False)
