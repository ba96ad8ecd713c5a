-- Counters of contact-list imports (org.muster.identity.ContactListImporter), PostgreSQL dialect.
-- Keep in step with ../sqlite/V22__contact_list_imports.sql.

-- A contact-list row goes through the person linker: rows_new counts NEW, these the rows that matched an existing
-- person (rows_matched) and the rows created with uncertain pairs queued for review (rows_review). Voter-file jobs
-- leave both at 0.
alter table import_job add column rows_matched bigint not null default 0;
alter table import_job add column rows_review bigint not null default 0;
-- checkpoint_at: epoch ms of the last checkpoint (null before the first). A contact list's linker writes rows as it
-- links them, so the people its job created after this moment are those of the batch a crash interrupted.
alter table import_job add column checkpoint_at bigint;
