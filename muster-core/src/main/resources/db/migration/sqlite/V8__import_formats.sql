-- Voter-file formats, sqlite dialect. Keep in step with ../postgresql/V8__import_formats.sql.
-- Saved column mappings: how a delimited file of no known layout is loaded (see org.muster.voterfile.ColumnMapping,
-- whose text form is stored), named and reusable per campaign.

create table column_mapping (
    id           integer primary key,
    campaign_id  bigint not null references campaign (id),
    name         text   not null,
    mapping      text   not null,
    created_by   bigint references app_user (id),
    created_at   bigint not null,
    updated_at   bigint not null
);
create unique index column_mapping_name on column_mapping (campaign_id, name);

-- The source row of a registration as a voter file gave it (one "COLUMN: value" line per non-empty value), kept for
-- audit: written only when it differs from the registration's last stored source, so re-importing an unchanged file
-- adds nothing. Unique per (job, line): a resumed import rewrites the rows past its checkpoint without doubling them.
create table registration_source (
    id               integer primary key,
    campaign_id      bigint not null references campaign (id),
    job_id           bigint not null references import_job (id) on delete cascade,
    line             bigint not null,
    state            text   not null,
    registration_id  text   not null,
    source           text   not null,
    created_at       bigint not null
);
create unique index registration_source_line on registration_source (job_id, line);
create index registration_source_registration on registration_source (campaign_id, state, registration_id, id);
