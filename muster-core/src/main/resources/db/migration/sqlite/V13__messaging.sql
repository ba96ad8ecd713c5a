-- Messaging (email now, SMS to come): sends, variants, per-recipient rows, tracking events, the signing key.
-- SQLite dialect; keep in step with ../postgresql/V7__messaging.sql: same tables, columns and indexes.

-- One send to a segment. status: DRAFT, SCHEDULED, SENDING, WAITING_FOR_WINNER, DONE, CANCELLED.
-- rules: the audience rules in AudienceRules' text form; test_fraction 1 means no A/B test (every variant gets its
-- share of everyone). winner_variant_id and decision are set when the sequential test (or its deadline) decides.
create table message_send (
    id                integer primary key,
    campaign_id       bigint  not null references campaign (id),
    name              text    not null,
    channel           text    not null,
    filter            text    not null,
    rules             text    not null,
    state_origin      boolean not null default true,
    test_fraction     double precision not null default 1,
    metric            text    not null default 'OPEN',
    seed              bigint  not null,
    decide_within_ms  bigint  not null default 86400000,
    status            text    not null default 'DRAFT',
    scheduled_at      bigint,
    resolved_at       bigint,
    test_sent_at      bigint,
    winner_variant_id bigint,
    decision          text,
    finished_at       bigint,
    created_by        bigint,
    created_at        bigint  not null
);
create index message_send_campaign on message_send (campaign_id, created_at);
create index message_send_due on message_send (status, scheduled_at);

-- A variant may differ from the others in any part: subject, sender, body, send time (send_at: not before).
create table message_variant (
    id        integer primary key,
    send_id   bigint not null references message_send (id) on delete cascade,
    label     text   not null,
    sender    text   not null,
    subject   text   not null,
    body_html text   not null,
    body_text text,
    send_at   bigint,
    unique (send_id, label)
);

-- One row per person the segment named. status: PENDING (to send), HELD (waits for the A/B winner), SENT (the
-- commit point passed: the final dot was released after this row committed), FAILED, SKIPPED (rules said no; reason).
-- phase: TEST (part of the A/B test fraction) or REST. confirmed_at: the server's 250 after the dot was recorded.
create table message_recipient (
    id           integer primary key,
    send_id      bigint  not null references message_send (id) on delete cascade,
    person_id    bigint  not null references person (id) on delete cascade,
    variant_id   bigint  references message_variant (id),
    address      text,
    phase        text    not null default 'REST',
    status       text    not null,
    reason       text,
    attempts     integer not null default 0,
    sent_at      bigint,
    confirmed_at bigint,
    unique (send_id, person_id)
);
create index message_recipient_work on message_recipient (send_id, status, id);
create index message_recipient_person on message_recipient (person_id);

-- Opens, clicks, bounces, unsubscribes of one recipient (url for clicks, detail for bounces).
create table message_event (
    id           integer primary key,
    recipient_id bigint not null references message_recipient (id) on delete cascade,
    kind         text   not null,
    at           bigint not null,
    detail       text
);
create index message_event_recipient on message_event (recipient_id, kind);

-- The key that signs tracking and unsubscribe links: made once per database, so links outlive restarts.
create table message_key (
    id     integer primary key,
    secret text not null
);
