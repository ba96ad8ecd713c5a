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
