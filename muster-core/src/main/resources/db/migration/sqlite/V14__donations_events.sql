-- Donations and events, sqlite dialect. Keep in step with ../postgresql/V5__donations_events.sql.
-- Both hang from person (moved by merges, see MatchTables.PERSON_CHILDREN) and are what the segment clauses
-- donated(...) and attended(...) test. Amounts are integer cents so sums and comparisons are exact.
create table donation (
    id           integer primary key,
    person_id    bigint not null references person (id) on delete cascade,
    amount_cents bigint not null check (amount_cents > 0),
    currency     text   not null default 'USD',
    donated_at   bigint not null,
    source       text,
    external_id  text
);
create index donation_person on donation (person_id, donated_at);
create index donation_at on donation (donated_at);

create table event (
    id          integer primary key,
    campaign_id bigint not null references campaign (id),
    name        text   not null,
    starts_at   bigint not null,
    location    text,
    created_at  bigint not null
);
create index event_campaign on event (campaign_id, starts_at);

-- One row per person and event; status moves registered -> attended or no-show.
create table event_attendance (
    id          integer primary key,
    event_id    bigint not null references event (id) on delete cascade,
    person_id   bigint not null references person (id) on delete cascade,
    status      text   not null check (status in ('registered', 'attended', 'no-show')),
    recorded_at bigint not null,
    unique (event_id, person_id)
);
create index event_attendance_person on event_attendance (person_id);

-- Segment clauses on message engagement read activity by type and time.
create index activity_type_at on activity (type, at);
