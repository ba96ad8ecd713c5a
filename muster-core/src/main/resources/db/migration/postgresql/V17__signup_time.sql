-- When a person first registered for an event (postgresql dialect; keep in step with the other one). recorded_at moves
-- with every status change (registered -> attended), so an A/B test's sign-up metric needs the first moment:
-- a registration counts for the message the person got shortly before it, not a later check-in.
alter table event_attendance add column registered_at bigint;
update event_attendance set registered_at = recorded_at;
create index event_attendance_registered on event_attendance (person_id, registered_at);
