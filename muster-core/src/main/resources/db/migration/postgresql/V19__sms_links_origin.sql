-- Tracked links and the data-origin line of SMS jobs (org.muster.messaging.sms.SmsLinks, SmsJob.Options), PostgreSQL dialect.
-- Keep in step with ../sqlite/V19__sms_links_origin.sql.

-- state_origin: texts end with a line naming where the person's details came from; track_links: links are shortened
-- and tracked. Jobs before V19 sent their texts as written.
alter table sms_job add column state_origin boolean not null default false;
alter table sms_job add column track_links boolean not null default false;

-- clicked_at: epoch ms of the row's first click on one of its tracked links (null: none); the click metric counts it.
alter table sms_recipient add column clicked_at bigint;
