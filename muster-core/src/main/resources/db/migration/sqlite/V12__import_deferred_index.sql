-- Indexes and constraints a first load into an empty database drops and rebuilds once at the end (like
-- pg_restore): the definition is kept here in the same transaction as the drop, so a crash at any point leaves
-- each one either in place or listed here, and a resumed import rebuilds what is listed.
create table import_deferred_index (
    job_id     bigint not null references import_job (id) on delete cascade,
    position   integer not null,
    name       text   not null,
    table_name text   not null,
    kind       text   not null,
    definition text   not null,
    primary key (job_id, position)
);
