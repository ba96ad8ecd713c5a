-- The "created" timeline entry is no longer stored, PostgreSQL dialect. Keep in step with ../sqlite/V24__created_not_stored.sql.

-- It said no more than person.created_at and the person's origin, from which the profile now derives it. A row
-- per person was one of the five or six rows a voter-file import wrote per voter, and it counted every imported
-- person as contacted in segments (contacted(...) reads the timeline).
delete from activity where type = 'created';
