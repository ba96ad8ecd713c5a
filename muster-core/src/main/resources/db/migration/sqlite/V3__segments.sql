-- Saved segments, SQLite dialect. Keep in step with ../postgresql/V3__segments.sql.
-- The filter is kept as its text form (org.muster.segment grammar) so a saved segment reads as it was typed.
create table saved_segment (
    id          integer primary key,
    campaign_id bigint  not null references campaign (id),
    name        text    not null,
    filter      text    not null,
    created_by  bigint,
    created_at  bigint  not null,
    updated_at  bigint  not null,
    unique (campaign_id, name)
);
