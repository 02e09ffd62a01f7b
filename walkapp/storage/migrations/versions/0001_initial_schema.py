"""Initial schema: walks, people, visits, notes, commitments, action items and logs.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-27 13:12:21.579015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('app_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('people',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_name_key'), ['name_key'], unique=False)

    op.create_table('walks',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('walk_date', sa.Date(), nullable=False),
    sa.Column('school', sa.String(length=300), nullable=True),
    sa.Column('focus', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('protocol_id', sa.String(length=100), nullable=False),
    sa.Column('protocol_version', sa.String(length=40), nullable=False),
    sa.Column('protocol_hash', sa.String(length=80), nullable=False),
    sa.Column('protocol_snapshot', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('current_phase', sa.String(length=40), nullable=False),
    sa.Column('current_step', sa.Integer(), nullable=False),
    sa.Column('visit_minutes', sa.Integer(), nullable=False),
    sa.Column('corridor_minutes', sa.Integer(), nullable=False),
    sa.Column('show_teacher_names', sa.Boolean(), nullable=False),
    sa.Column('attribute_commitments', sa.Boolean(), nullable=False),
    sa.Column('include_visit_details', sa.Boolean(), nullable=False),
    sa.Column('local_mode', sa.String(length=16), nullable=False),
    sa.Column('local_participant_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("local_mode IN ('facilitator', 'walker')", name=op.f('ck_walks_local_mode')),
    sa.CheckConstraint("status IN ('planned', 'running', 'closed')", name=op.f('ck_walks_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_walks'))
    )
    with op.batch_alter_table('walks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_walks_walk_date'), ['walk_date'], unique=False)

    op.create_table('action_items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_walk_id', sa.String(length=36), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner_name', sa.String(length=200), nullable=False),
    sa.Column('owner_person_id', sa.String(length=36), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'done', 'dropped')", name=op.f('ck_action_items_status')),
    sa.ForeignKeyConstraint(['origin_walk_id'], ['walks.id'], name=op.f('fk_action_items_origin_walk_id_walks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_person_id'], ['people.id'], name=op.f('fk_action_items_owner_person_id_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_items'))
    )
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_items_origin_walk_id'), ['origin_walk_id'], unique=False)

    op.create_table('groups',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_groups_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_groups'))
    )
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_groups_walk_id'), ['walk_id'], unique=False)

    op.create_table('look_fors',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_look_fors_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_look_fors'))
    )
    with op.batch_alter_table('look_fors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_look_fors_walk_id'), ['walk_id'], unique=False)

    op.create_table('next_steps',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_next_steps_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_next_steps'))
    )
    with op.batch_alter_table('next_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_next_steps_walk_id'), ['walk_id'], unique=False)

    op.create_table('norms',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=1000), nullable=False),
    sa.Column('agreed', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_norms_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_norms'))
    )
    with op.batch_alter_table('norms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_norms_walk_id'), ['walk_id'], unique=False)

    op.create_table('patterns',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('describe', 'analyse', 'predict', 'next_level')", name=op.f('ck_patterns_kind')),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_patterns_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patterns'))
    )
    with op.batch_alter_table('patterns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patterns_walk_id'), ['walk_id'], unique=False)

    op.create_table('phase_logs',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('phase', sa.String(length=40), nullable=False),
    sa.Column('step_index', sa.Integer(), nullable=False),
    sa.Column('step_key', sa.String(length=100), nullable=False),
    sa.Column('step_title', sa.String(length=300), nullable=False),
    sa.Column('planned_seconds', sa.Integer(), nullable=False),
    sa.Column('extended_seconds', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('active_seconds', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.CheckConstraint("outcome IN ('running', 'paused', 'done', 'skipped')", name=op.f('ck_phase_logs_outcome')),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_phase_logs_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phase_logs'))
    )
    with op.batch_alter_table('phase_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phase_logs_walk_id'), ['walk_id'], unique=False)

    op.create_table('step_responses',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('step_key', sa.String(length=100), nullable=False),
    sa.Column('prompt_key', sa.String(length=100), nullable=False),
    sa.Column('author_key', sa.String(length=36), nullable=False),
    sa.Column('value_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_step_responses_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_step_responses')),
    sa.UniqueConstraint('walk_id', 'step_key', 'prompt_key', 'author_key', name=op.f('uq_step_responses_walk_id'))
    )
    with op.batch_alter_table('step_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_responses_walk_id'), ['walk_id'], unique=False)

    op.create_table('visits',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('room', sa.String(length=200), nullable=True),
    sa.Column('grade', sa.String(length=100), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('teacher_name', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_visits_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_walk_id'), ['walk_id'], unique=False)

    op.create_table('action_follow_ups',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('action_item_id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['action_item_id'], ['action_items.id'], name=op.f('fk_action_follow_ups_action_item_id_action_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_action_follow_ups_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_follow_ups'))
    )
    with op.batch_alter_table('action_follow_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_follow_ups_action_item_id'), ['action_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_follow_ups_walk_id'), ['walk_id'], unique=False)

    op.create_table('participants',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('facilitator', 'walker')", name=op.f('ck_participants_role')),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_participants_group_id_groups'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_participants_person_id_people'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_participants_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participants'))
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participants_walk_id'), ['walk_id'], unique=False)

    op.create_table('commitments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('review_note', sa.Text(), nullable=False),
    sa.Column('carried_from_id', sa.String(length=36), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'tried', 'dropped')", name=op.f('ck_commitments_status')),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_commitments_participant_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_commitments_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitments'))
    )
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitments_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitments_walk_id'), ['walk_id'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('author_id', sa.String(length=36), nullable=True),
    sa.Column('question_key', sa.String(length=100), nullable=False),
    sa.Column('question', sa.String(length=1000), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['participants.id'], name=op.f('fk_feedback_author_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_feedback_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_walk_id'), ['walk_id'], unique=False)

    op.create_table('notes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('author_id', sa.String(length=36), nullable=True),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('phase', sa.String(length=40), nullable=True),
    sa.Column('stem', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('conflict_of', sa.String(length=36), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['participants.id'], name=op.f('fk_notes_author_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_notes_visit_id_visits'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_notes_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_notes_walk_visit', ['walk_id', 'visit_id'], unique=False)

    op.create_table('reflections',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('walk_id', sa.String(length=36), nullable=False),
    sa.Column('author_id', sa.String(length=36), nullable=True),
    sa.Column('prompt', sa.String(length=1000), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['participants.id'], name=op.f('fk_reflections_author_id_participants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['walk_id'], ['walks.id'], name=op.f('fk_reflections_walk_id_walks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reflections'))
    )
    with op.batch_alter_table('reflections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reflections_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reflections_walk_id'), ['walk_id'], unique=False)

    op.create_table('note_look_fors',
    sa.Column('note_id', sa.String(length=36), nullable=False),
    sa.Column('look_for_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['look_for_id'], ['look_fors.id'], name=op.f('fk_note_look_fors_look_for_id_look_fors'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['note_id'], ['notes.id'], name=op.f('fk_note_look_fors_note_id_notes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('note_id', 'look_for_id', name=op.f('pk_note_look_fors'))
    )
    with op.batch_alter_table('note_look_fors', schema=None) as batch_op:
        batch_op.create_index('ix_note_look_fors_look_for_id', ['look_for_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('note_look_fors', schema=None) as batch_op:
        batch_op.drop_index('ix_note_look_fors_look_for_id')

    op.drop_table('note_look_fors')
    with op.batch_alter_table('reflections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reflections_walk_id'))
        batch_op.drop_index(batch_op.f('ix_reflections_author_id'))

    op.drop_table('reflections')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index('ix_notes_walk_visit')
        batch_op.drop_index(batch_op.f('ix_notes_author_id'))

    op.drop_table('notes')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_walk_id'))

    op.drop_table('feedback')
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitments_walk_id'))
        batch_op.drop_index(batch_op.f('ix_commitments_participant_id'))

    op.drop_table('commitments')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_walk_id'))
        batch_op.drop_index(batch_op.f('ix_participants_person_id'))

    op.drop_table('participants')
    with op.batch_alter_table('action_follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_follow_ups_walk_id'))
        batch_op.drop_index(batch_op.f('ix_action_follow_ups_action_item_id'))

    op.drop_table('action_follow_ups')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_walk_id'))

    op.drop_table('visits')
    with op.batch_alter_table('step_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_responses_walk_id'))

    op.drop_table('step_responses')
    with op.batch_alter_table('phase_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phase_logs_walk_id'))

    op.drop_table('phase_logs')
    with op.batch_alter_table('patterns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patterns_walk_id'))

    op.drop_table('patterns')
    with op.batch_alter_table('norms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_norms_walk_id'))

    op.drop_table('norms')
    with op.batch_alter_table('next_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_next_steps_walk_id'))

    op.drop_table('next_steps')
    with op.batch_alter_table('look_fors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_look_fors_walk_id'))

    op.drop_table('look_fors')
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_groups_walk_id'))

    op.drop_table('groups')
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_items_origin_walk_id'))

    op.drop_table('action_items')
    with op.batch_alter_table('walks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_walks_walk_date'))

    op.drop_table('walks')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_name_key'))

    op.drop_table('people')
    op.drop_table('app_meta')

