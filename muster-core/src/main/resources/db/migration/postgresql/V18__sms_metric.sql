-- The metric an SMS A/B/n test chooses its winner on (org.muster.messaging.sms), PostgreSQL dialect.
-- Keep in step with ../sqlite/V18__sms_metric.sql.

-- metric: an org.muster.messaging.Metric name, REPLY, DONATION or SIGNUP (jobs before V18 chose on replies).
alter table sms_job add column metric text not null default 'REPLY';

-- sent_at: epoch ms the gateway accepted the row (null: not sent); donations and sign-ups count from it, within the
-- job's decide_within, as for email (JooqMessagingStore.results).
alter table sms_recipient add column sent_at bigint;
