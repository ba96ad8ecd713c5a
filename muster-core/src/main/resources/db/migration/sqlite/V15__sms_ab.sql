-- A/B/n tests of SMS jobs (org.muster.messaging.sms), SQLite dialect. Keep in step with ../postgresql/V15__sms_ab.sql.

-- The variants' templates of a job; variant 0 is also sms_job.body.
create table sms_variant (
    job_id  bigint  not null references sms_job (id) on delete cascade,
    variant integer not null,
    body    text    not null,
    primary key (job_id, variant)
);

-- test_fraction: the share of the audience in the test groups (null: one variant, or the variants share everyone);
-- seed: of the reproducible split; decide_within: ms after the test went out before the best observed rate wins;
-- winner / decision: the chosen variant and why, once decided.
alter table sms_job add column test_fraction real;
alter table sms_job add column seed bigint not null default 0;
alter table sms_job add column decide_within bigint not null default 0;
alter table sms_job add column test_sent_at bigint;
alter table sms_job add column winner integer;
alter table sms_job add column decision text;

-- variant: the variant the row was sent (null: a one-variant job, or a HELD row waiting for the winner);
-- in_test: the row is in a test group, so its replies count for its variant.
alter table sms_recipient add column variant integer;
alter table sms_recipient add column in_test boolean not null default false;
