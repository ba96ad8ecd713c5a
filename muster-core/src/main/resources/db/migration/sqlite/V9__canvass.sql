-- Canvassing (walk lists, call lists, scripts, assignments, results), SQLite dialect.
-- Keep in step with ../postgresql/V9__canvass.sql: same tables, columns and indexes.

-- A script is immutable once written (results refer to its question and answer numbers); the body is the text
-- form parsed by org.muster.canvass.Script.
create table canvass_script (
    id          integer primary key,
    campaign_id bigint not null references campaign (id),
    name        text   not null,
    body        text   not null,
    created_at  bigint not null,
    unique (campaign_id, name)
);

-- turf_id links a list to a cut turf (org.muster.turf); no foreign key so the two features merge independently.
create table canvass_list (
    id          integer primary key,
    campaign_id bigint not null references campaign (id),
    name        text   not null,
    kind        text   not null check (kind in ('WALK', 'PHONE')),
    script_id   bigint not null references canvass_script (id),
    source      text   not null,
    turf_id     bigint,
    created_by  bigint,
    created_at  bigint not null
);
create index canvass_list_campaign on canvass_list (campaign_id, created_at);

-- One door (walk) or call (phone) per person, in walking/calling order. A claim is a phone caller's lease.
create table canvass_list_entry (
    list_id     bigint  not null references canvass_list (id) on delete cascade,
    position    integer not null,
    person_id   bigint  not null references person (id) on delete cascade,
    status      text    not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    result_code text,
    done_by     bigint,
    done_at     bigint,
    attempts    integer not null default 0,
    claimed_by  bigint,
    claim_until bigint,
    primary key (list_id, person_id),
    unique (list_id, position)
);
create index canvass_list_entry_open on canvass_list_entry (list_id, status, attempts, position);
create index canvass_list_entry_person on canvass_list_entry (person_id);

-- Assignment of a list to a user; unassigned_at set ends it (kept for the record).
create table canvass_assignment (
    id            integer primary key,
    list_id       bigint not null references canvass_list (id) on delete cascade,
    user_id       bigint not null references app_user (id),
    due_on        date,
    assigned_by   bigint,
    assigned_at   bigint not null,
    unassigned_at bigint
);
create index canvass_assignment_user on canvass_assignment (user_id, unassigned_at);
create index canvass_assignment_list on canvass_assignment (list_id, unassigned_at);

-- Every submission that reached the server, applied or not, once per client-generated idempotency key.
create table canvass_result (
    id              integer primary key,
    campaign_id     bigint not null references campaign (id),
    idempotency_key text   not null,
    list_id         bigint not null references canvass_list (id) on delete cascade,
    person_id       bigint,
    user_id         bigint not null,
    result_code     text   not null,
    answers         text   not null default '',
    support_level   smallint,
    note            text,
    outcome         text   not null,
    recorded_at     bigint not null,
    received_at     bigint not null,
    unique (campaign_id, idempotency_key)
);
create index canvass_result_list on canvass_result (list_id, received_at);
create index canvass_result_campaign on canvass_result (campaign_id, id);

-- People met at the door who are not on the list: held until identity resolution decides match / review / new.
create table canvass_new_person (
    id          integer primary key,
    result_id   bigint not null references canvass_result (id) on delete cascade,
    first_name  text,
    last_name   text,
    phone       text,
    email       text,
    address     text,
    status      text   not null default 'PENDING',
    person_id   bigint,
    created_at  bigint not null
);
create index canvass_new_person_status on canvass_new_person (status, id);
