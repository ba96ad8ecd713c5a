-- SMS (org.muster.messaging.sms), SQLite dialect. Keep in step with ../postgresql/V10__sms.sql: same tables, columns and indexes.

-- A send to a segment. send_from/send_until: the recipient's local sending hours in minutes after midnight.
create table sms_job (
    id          integer primary key,
    campaign_id bigint  not null references campaign (id),
    name        text    not null,
    filter      text    not null,
    body        text    not null,
    status      text    not null check (status in ('RUNNING', 'DONE', 'CANCELLED')),
    send_from   integer not null,
    send_until  integer not null,
    created_by  bigint,
    created_at  bigint  not null,
    finished_at bigint
);
create index sms_job_campaign on sms_job (campaign_id, created_at);

-- One row per person of the audience, written when the job is created; the row is the journal of that send.
-- PENDING (due at not_before) -> SENDING (committed before the submit: the commit point) -> SENT (gateway id)
-- -> DELIVERED / UNDELIVERED / EXPIRED / REJECTED from receipts; or FAILED, OPTED_OUT, or COVERED (a household
-- member of covered_by shares the phone). in_doubt: a SENDING row found after a crash and sent again.
create table sms_recipient (
    id          integer primary key,
    job_id      bigint  not null references sms_job (id) on delete cascade,
    person_id   bigint  not null references person (id) on delete cascade,
    phone       text    not null,
    zone        text    not null,
    body        text    not null,
    status      text    not null,
    not_before  bigint  not null default 0,
    covered_by  bigint,
    gateway_id  text,
    attempts    integer not null default 0,
    in_doubt    boolean not null default false,
    error       text,
    updated_at  bigint  not null
);
create index sms_recipient_due on sms_recipient (job_id, status, not_before, id);
create index sms_recipient_gateway on sms_recipient (gateway_id);
create index sms_recipient_person on sms_recipient (person_id);

-- Numbers that answered STOP: never texted again by this campaign. confirmed_at: the confirmation reply went out.
create table sms_opt_out (
    campaign_id  bigint not null references campaign (id),
    phone        text   not null,
    message      text,
    opted_out_at bigint not null,
    confirmed_at bigint,
    primary key (campaign_id, phone)
);

-- Delivery receipts by gateway message id, kept even when they arrive before the SENT row commits.
create table sms_receipt (
    gateway_id  text   not null primary key,
    state       text   not null,
    error       text,
    received_at bigint not null
);

-- Every inbound (MO) message: kind STOP (opt-out) or REPLY.
create table sms_inbound (
    id          integer primary key,
    campaign_id bigint not null references campaign (id),
    phone       text   not null,
    body        text   not null,
    kind        text   not null,
    received_at bigint not null
);
create index sms_inbound_campaign on sms_inbound (campaign_id, received_at);
