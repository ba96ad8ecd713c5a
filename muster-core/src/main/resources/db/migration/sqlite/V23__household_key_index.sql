-- The household key as a named unique index, SQLite dialect. Keep in step with ../postgresql/V23__household_key_index.sql.

-- The household key becomes a named unique index instead of a table constraint (whose index SQLite cannot drop),
-- so that a first load can build it once after the voter file, like the secondary indexes (DeferredIndexes).
-- The table is rebuilt: its rows go back under the same ids, and the foreign keys that name household (person,
-- turf_household, turf_person) are deferred until the commit, by which time every reference holds again.
create index turf_person_household on turf_person (household_id);

pragma defer_foreign_keys = on;
create temporary table household_copy as select id, campaign_id, address_key from household;
drop table household;
create table household (
    id          integer primary key,
    campaign_id bigint  not null references campaign (id),
    address_key text    not null
);
insert into household (id, campaign_id, address_key) select id, campaign_id, address_key from household_copy;
drop table household_copy;
create unique index household_key on household (campaign_id, address_key);
