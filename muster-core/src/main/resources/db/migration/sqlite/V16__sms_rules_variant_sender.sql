-- SMS jobs under the shared audience rules, and A/B variants that differ in sender and send time
-- (org.muster.messaging.sms), SQLite dialect. Keep in step with ../postgresql/V16__sms_rules_variant_sender.sql.

-- rules: the job's org.muster.messaging.AudienceRules in their text form (null: consent required, no origin excluded);
-- sender: source address of a one-text job (null: the gateway's MUSTER_SMS_FROM);
-- send_at: epoch ms before which a one-text job sends nothing (null: at once).
alter table sms_job add column rules text;
alter table sms_job add column sender text;
alter table sms_job add column send_at bigint;

-- Per variant: its source address (null: the gateway's) and the time before which its rows are not sent (null: at once).
alter table sms_variant add column sender text;
alter table sms_variant add column send_at bigint;
