-- Muster schema, SQLite dialect. Keep in step with ../postgresql/V1__schema.sql: same tables, columns and indexes.
-- Times are UTC epoch milliseconds (BIGINT) so both dialects compare and index them identically.
-- search_* columns hold lower-case ASCII keys for prefix search by index range (see PeopleSearch).

create table campaign (
    id          integer primary key,
    name        text    not null,
    state       text,
    created_at  bigint  not null
);

create table data_origin (
    id          integer primary key,
    campaign_id bigint  not null references campaign (id),
    name        text    not null,
    created_at  bigint  not null,
    unique (campaign_id, name)
);

create table household (
    id          integer primary key,
    campaign_id bigint  not null references campaign (id),
    address_key text    not null,
    unique (campaign_id, address_key)
);

create table person (
    id               integer primary key,
    campaign_id      bigint   not null references campaign (id),
    first_name       text,
    middle_name      text,
    last_name        text,
    suffix           text,
    birth_date       date,
    birth_year       integer,
    gender           text,
    party            text,
    support_level    smallint check (support_level between 1 and 5),
    household_id     bigint   references household (id),
    contact_category text     not null default 'PROSPECT',
    origin_id        bigint   references data_origin (id),
    search_last      text     not null default '',
    search_first     text     not null default '',
    created_at       bigint   not null,
    updated_at       bigint   not null
);
create index person_search_last on person (campaign_id, search_last, search_first);
create index person_search_first on person (campaign_id, search_first);
create index person_household on person (household_id);

create table person_email (
    id           integer primary key,
    person_id    bigint not null references person (id) on delete cascade,
    email        text   not null,
    search_email text   not null,
    status       text   not null default 'OK'
);
create index person_email_person on person_email (person_id);
create index person_email_search on person_email (search_email);

create table person_phone (
    id           integer primary key,
    person_id    bigint not null references person (id) on delete cascade,
    number_e164  text   not null,
    search_phone text   not null
);
create index person_phone_person on person_phone (person_id);
create index person_phone_search on person_phone (search_phone);

create table person_address (
    id             integer primary key,
    person_id      bigint not null references person (id) on delete cascade,
    kind           text   not null default 'home',
    line1          text,
    line2          text,
    city           text,
    state          text,
    zip            text,
    country        text,
    latitude       double precision,
    longitude      double precision,
    search_address text   not null default ''
);
create index person_address_person on person_address (person_id);
create index person_address_search on person_address (search_address);

create table voter_registration (
    id                     integer primary key,
    person_id              bigint not null references person (id) on delete cascade,
    campaign_id            bigint not null references campaign (id),
    state                  text   not null,
    registration_id        text   not null,
    state_voter_id         text,
    county                 text,
    status                 text,
    reason_code            text,
    registered_on          date,
    party                  text,
    precinct               text,
    ward                   text,
    municipality           text,
    congressional_district text,
    state_senate_district  text,
    state_house_district   text,
    unique (campaign_id, state, registration_id)
);
create index voter_registration_person on voter_registration (person_id);
create index voter_registration_precinct on voter_registration (campaign_id, precinct);

create table vote_history (
    id            integer primary key,
    person_id     bigint not null references person (id) on delete cascade,
    election_date date   not null,
    election_name text,
    method        text,
    party_ballot  text,
    county        text
);
create index vote_history_person on vote_history (person_id, election_date);
create index vote_history_election on vote_history (election_date);

create table tag (
    id          integer primary key,
    campaign_id bigint not null references campaign (id),
    name        text   not null,
    unique (campaign_id, name)
);

create table tagging (
    person_id  bigint not null references person (id) on delete cascade,
    tag_id     bigint not null references tag (id) on delete cascade,
    created_at bigint not null,
    primary key (person_id, tag_id)
);
create index tagging_tag on tagging (tag_id);

create table custom_field (
    id          integer primary key,
    campaign_id bigint not null references campaign (id),
    name        text   not null,
    data_type   text   not null,
    unique (campaign_id, name)
);

create table custom_field_value (
    person_id bigint not null references person (id) on delete cascade,
    field_id  bigint not null references custom_field (id) on delete cascade,
    value     text,
    primary key (person_id, field_id)
);

create table score (
    person_id   bigint           not null references person (id) on delete cascade,
    name        text             not null,
    value       double precision not null,
    computed_at bigint           not null,
    primary key (person_id, name)
);

create table activity (
    id        integer primary key,
    person_id bigint not null references person (id) on delete cascade,
    at        bigint not null,
    type      text   not null,
    summary   text,
    actor     text
);
create index activity_person on activity (person_id, at);

create table consent (
    id          integer primary key,
    person_id   bigint not null references person (id) on delete cascade,
    channel     text   not null,
    status      text   not null,
    source      text,
    recorded_at bigint not null
);
create index consent_person on consent (person_id, channel, recorded_at);

create table app_user (
    id            integer primary key,
    campaign_id   bigint  not null references campaign (id),
    email         text    not null unique,
    display_name  text    not null,
    role          text    not null,
    password_hash text    not null,
    active        boolean not null default true,
    created_at    bigint  not null
);

create table audit_log (
    id      integer primary key,
    at      bigint not null,
    user_id bigint,
    action  text   not null,
    target  text,
    detail  text
);
create index audit_log_at on audit_log (at);

create table outbox_event (
    id           integer primary key,
    at           bigint not null,
    aggregate    text   not null,
    aggregate_id bigint not null,
    type         text   not null,
    payload      text,
    processed_at bigint
);
create index outbox_event_pending on outbox_event (processed_at, id);
