package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The schema as jOOQ sees it: hand-written typed names for the tables in {@code db/migration/*}/V*.sql, so that
 * queries are checked by the compiler without a code generator (which would need a live database at build time).
 * Keep in step with the migrations.
 */
final class Tables {

    private Tables() {
    }

    private static <T> Field<T> col(String table, String column, DataType<T> type) {
        return field(name(table, column), type);
    }

    private static Field<Long> id(String table) {
        return col(table, "id", SQLDataType.BIGINT);
    }

    private static Field<String> text(String table, String column) {
        return col(table, column, SQLDataType.VARCHAR);
    }

    private static Field<Long> bigint(String table, String column) {
        return col(table, column, SQLDataType.BIGINT);
    }

    private static Field<LocalDate> date(String table, String column) {
        return col(table, column, SQLDataType.LOCALDATE);
    }

    static final class CampaignTable {
        static final Table<Record> T = table(name("campaign"));
        static final Field<Long> ID = id("campaign");
        static final Field<String> NAME = text("campaign", "name");
        static final Field<String> STATE = text("campaign", "state");
        static final Field<Long> CREATED_AT = bigint("campaign", "created_at");
    }

    static final class DataOriginTable {
        static final Table<Record> T = table(name("data_origin"));
        static final Field<Long> ID = id("data_origin");
        static final Field<Long> CAMPAIGN_ID = bigint("data_origin", "campaign_id");
        static final Field<String> NAME = text("data_origin", "name");
        static final Field<Long> CREATED_AT = bigint("data_origin", "created_at");
    }

    static final class HouseholdTable {
        static final Table<Record> T = table(name("household"));
        static final Field<Long> ID = id("household");
        static final Field<Long> CAMPAIGN_ID = bigint("household", "campaign_id");
        static final Field<String> ADDRESS_KEY = text("household", "address_key");
    }

    static final class PersonTable {
        static final String N = "person";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = id(N);
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> FIRST_NAME = text(N, "first_name");
        static final Field<String> MIDDLE_NAME = text(N, "middle_name");
        static final Field<String> LAST_NAME = text(N, "last_name");
        static final Field<String> SUFFIX = text(N, "suffix");
        static final Field<LocalDate> BIRTH_DATE = date(N, "birth_date");
        static final Field<Integer> BIRTH_YEAR = col(N, "birth_year", SQLDataType.INTEGER);
        static final Field<String> GENDER = text(N, "gender");
        static final Field<String> PARTY = text(N, "party");
        static final Field<Integer> SUPPORT_LEVEL = col(N, "support_level", SQLDataType.INTEGER);
        static final Field<Long> HOUSEHOLD_ID = bigint(N, "household_id");
        static final Field<String> CONTACT_CATEGORY = text(N, "contact_category");
        static final Field<Long> ORIGIN_ID = bigint(N, "origin_id");
        static final Field<String> SEARCH_LAST = text(N, "search_last");
        static final Field<String> SEARCH_FIRST = text(N, "search_first");
        static final Field<Long> CREATED_AT = bigint(N, "created_at");
        static final Field<Long> UPDATED_AT = bigint(N, "updated_at");
    }

    static final class PersonEmailTable {
        static final String N = "person_email";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = id(N);
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<String> EMAIL = text(N, "email");
        static final Field<String> SEARCH_EMAIL = text(N, "search_email");
    }

    static final class PersonPhoneTable {
        static final String N = "person_phone";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = id(N);
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<String> NUMBER_E164 = text(N, "number_e164");
        static final Field<String> SEARCH_PHONE = text(N, "search_phone");
    }

    static final class PersonAddressTable {
        static final String N = "person_address";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = id(N);
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<String> KIND = text(N, "kind");
        static final Field<String> LINE1 = text(N, "line1");
        static final Field<String> LINE2 = text(N, "line2");
        static final Field<String> CITY = text(N, "city");
        static final Field<String> STATE = text(N, "state");
        static final Field<String> ZIP = text(N, "zip");
        static final Field<String> COUNTRY = text(N, "country");
        static final Field<Double> LATITUDE = col(N, "latitude", SQLDataType.DOUBLE);
        static final Field<Double> LONGITUDE = col(N, "longitude", SQLDataType.DOUBLE);
        static final Field<String> SEARCH_ADDRESS = text(N, "search_address");
        static final Field<?>[] READ = {ID, PERSON_ID, KIND, LINE1, LINE2, CITY, STATE, ZIP, COUNTRY, LATITUDE, LONGITUDE};
    }

    static final class VoterRegistrationTable {
        static final String N = "voter_registration";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = id(N);
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> STATE = text(N, "state");
        static final Field<String> REGISTRATION_ID = text(N, "registration_id");
        static final Field<String> STATE_VOTER_ID = text(N, "state_voter_id");
        static final Field<String> COUNTY = text(N, "county");
        static final Field<String> STATUS = text(N, "status");
        static final Field<String> REASON_CODE = text(N, "reason_code");
        static final Field<LocalDate> REGISTERED_ON = date(N, "registered_on");
        static final Field<String> PARTY = text(N, "party");
        static final Field<String> PRECINCT = text(N, "precinct");
        static final Field<String> WARD = text(N, "ward");
        static final Field<String> MUNICIPALITY = text(N, "municipality");
        static final Field<String> CONGRESSIONAL_DISTRICT = text(N, "congressional_district");
        static final Field<String> STATE_SENATE_DISTRICT = text(N, "state_senate_district");
        static final Field<String> STATE_HOUSE_DISTRICT = text(N, "state_house_district");
        static final Field<?>[] READ = {ID, STATE, REGISTRATION_ID, STATE_VOTER_ID, COUNTY, STATUS, REASON_CODE,
                REGISTERED_ON, PARTY, PRECINCT, WARD, MUNICIPALITY, CONGRESSIONAL_DISTRICT, STATE_SENATE_DISTRICT,
                STATE_HOUSE_DISTRICT};
    }

    static final class VoteHistoryTable {
        static final String N = "vote_history";
        static final Table<Record> T = table(name(N));
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<LocalDate> ELECTION_DATE = date(N, "election_date");
        static final Field<String> ELECTION_NAME = text(N, "election_name");
        static final Field<String> METHOD = text(N, "method");
        static final Field<String> PARTY_BALLOT = text(N, "party_ballot");
        static final Field<String> COUNTY = text(N, "county");
        static final Field<?>[] READ = {ELECTION_DATE, ELECTION_NAME, METHOD, PARTY_BALLOT, COUNTY};
    }

    static final class TagTable {
        static final Table<Record> T = table(name("tag"));
        static final Field<Long> ID = id("tag");
        static final Field<Long> CAMPAIGN_ID = bigint("tag", "campaign_id");
        static final Field<String> NAME = text("tag", "name");
    }

    static final class TaggingTable {
        static final Table<Record> T = table(name("tagging"));
        static final Field<Long> PERSON_ID = bigint("tagging", "person_id");
        static final Field<Long> TAG_ID = bigint("tagging", "tag_id");
        static final Field<Long> CREATED_AT = bigint("tagging", "created_at");
    }

    static final class ActivityTable {
        static final Table<Record> T = table(name("activity"));
        static final Field<Long> ID = id("activity");
        static final Field<Long> PERSON_ID = bigint("activity", "person_id");
        static final Field<Long> AT = bigint("activity", "at");
        static final Field<String> TYPE = text("activity", "type");
        static final Field<String> SUMMARY = text("activity", "summary");
        static final Field<String> ACTOR = text("activity", "actor");
    }

    static final class ConsentTable {
        static final Table<Record> T = table(name("consent"));
        static final Field<Long> ID = id("consent");
        static final Field<Long> PERSON_ID = bigint("consent", "person_id");
        static final Field<String> CHANNEL = text("consent", "channel");
        static final Field<String> STATUS = text("consent", "status");
        static final Field<String> SOURCE = text("consent", "source");
        static final Field<Long> RECORDED_AT = bigint("consent", "recorded_at");
    }

    static final class AppUserTable {
        static final String N = "app_user";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = id(N);
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> EMAIL = text(N, "email");
        static final Field<String> DISPLAY_NAME = text(N, "display_name");
        static final Field<String> ROLE = text(N, "role");
        static final Field<String> PASSWORD_HASH = text(N, "password_hash");
        static final Field<Boolean> ACTIVE = col(N, "active", SQLDataType.BOOLEAN);
        static final Field<Long> CREATED_AT = bigint(N, "created_at");
        static final Field<?>[] READ = {ID, CAMPAIGN_ID, EMAIL, DISPLAY_NAME, ROLE, PASSWORD_HASH, ACTIVE};
    }

    static final class AuditLogTable {
        static final Table<Record> T = table(name("audit_log"));
        static final Field<Long> ID = id("audit_log");
        static final Field<Long> AT = bigint("audit_log", "at");
        static final Field<Long> USER_ID = bigint("audit_log", "user_id");
        static final Field<String> ACTION = text("audit_log", "action");
        static final Field<String> TARGET = text("audit_log", "target");
        static final Field<String> DETAIL = text("audit_log", "detail");
    }

    static final class OutboxEventTable {
        static final Table<Record> T = table(name("outbox_event"));
        static final Field<Long> ID = id("outbox_event");
        static final Field<Long> AT = bigint("outbox_event", "at");
        static final Field<String> AGGREGATE = text("outbox_event", "aggregate");
        static final Field<Long> AGGREGATE_ID = bigint("outbox_event", "aggregate_id");
        static final Field<String> TYPE = text("outbox_event", "type");
        static final Field<String> PAYLOAD = text("outbox_event", "payload");
        static final Field<Long> PROCESSED_AT = bigint("outbox_event", "processed_at");
    }
}
