-- Voter-file import jobs, sqlite dialect. Keep in step with ../postgresql/V2__imports.sql.
-- A job is resumable: each batch commits together with checkpoint_line/checkpoint_offset (the byte offset after
-- the last line the batch consumed), so a restart seeks there and neither loses nor repeats a row.

create table import_job (
    id                 integer primary key,
    campaign_id        bigint not null references campaign (id),
    format             text   not null,
    file_name          text   not null,
    file_size          bigint not null,
    file_hash          text   not null,
    history_file_name  text,
    history_file_size  bigint,
    history_file_hash  text,
    status             text   not null,
    phase              text   not null,
    checkpoint_line    bigint not null default 0,
    checkpoint_offset  bigint not null default 0,
    rows_new           bigint not null default 0,
    rows_updated       bigint not null default 0,
    rows_unchanged     bigint not null default 0,
    rows_rejected      bigint not null default 0,
    votes_new          bigint not null default 0,
    votes_existing     bigint not null default 0,
    votes_unmatched    bigint not null default 0,
    message            text,
    created_at         bigint not null,
    updated_at         bigint not null,
    finished_at        bigint
);
create index import_job_campaign on import_job (campaign_id, id);

create table import_error (
    id        integer primary key,
    job_id    bigint not null references import_job (id) on delete cascade,
    file      text   not null,
    line      bigint not null,
    field     text,
    reason    text   not null
);
create index import_error_job on import_error (job_id, id);
