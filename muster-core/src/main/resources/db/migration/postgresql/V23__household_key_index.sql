-- The household key as a named unique index, PostgreSQL dialect. Keep in step with ../sqlite/V23__household_key_index.sql.

-- The household key under the name SQLite's schema gives it (a first load defers and rebuilds it by that name),
-- and an index for the foreign key from turf_person, which SQLite needs when households are deleted.
alter table household rename constraint household_campaign_id_address_key_key to household_key;
create index turf_person_household on turf_person (household_id);
