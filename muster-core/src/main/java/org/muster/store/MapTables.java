package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** jOOQ names for the maps and turf tables (V6__maps_turf.sql). */
final class MapTables {

    private MapTables() {
    }

    private static <T> Field<T> col(String table, String column, DataType<T> type) {
        return field(name(table, column), type);
    }

    static final class PrecinctShapeTable {
        static final String N = "precinct_shape";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = col(N, "id", SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = col(N, "campaign_id", SQLDataType.BIGINT);
        static final Field<String> PRECINCT = col(N, "precinct", SQLDataType.VARCHAR);
        static final Field<String> NAME = col(N, "name", SQLDataType.VARCHAR);
        static final Field<String> COUNTY = col(N, "county", SQLDataType.VARCHAR);
        static final Field<String> GEOMETRY = col(N, "geometry", SQLDataType.VARCHAR);
        static final Field<Double> MIN_LAT = col(N, "min_lat", SQLDataType.DOUBLE);
        static final Field<Double> MIN_LON = col(N, "min_lon", SQLDataType.DOUBLE);
        static final Field<Double> MAX_LAT = col(N, "max_lat", SQLDataType.DOUBLE);
        static final Field<Double> MAX_LON = col(N, "max_lon", SQLDataType.DOUBLE);
        static final Field<Double> CENTROID_LAT = col(N, "centroid_lat", SQLDataType.DOUBLE);
        static final Field<Double> CENTROID_LON = col(N, "centroid_lon", SQLDataType.DOUBLE);
        static final Field<String> SOURCE = col(N, "source", SQLDataType.VARCHAR);
        static final Field<Long> IMPORTED_AT = col(N, "imported_at", SQLDataType.BIGINT);
    }

    static final class TurfCutTable {
        static final String N = "turf_cut";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = col(N, "id", SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = col(N, "campaign_id", SQLDataType.BIGINT);
        static final Field<String> NAME = col(N, "name", SQLDataType.VARCHAR);
        static final Field<String> FILTER = col(N, "filter", SQLDataType.VARCHAR);
        static final Field<Integer> TARGET_DOORS = col(N, "target_doors", SQLDataType.INTEGER);
        static final Field<Boolean> WITHIN_PRECINCTS = col(N, "within_precincts", SQLDataType.BOOLEAN);
        static final Field<Long> CREATED_BY = col(N, "created_by", SQLDataType.BIGINT);
        static final Field<Long> CREATED_AT = col(N, "created_at", SQLDataType.BIGINT);
    }

    static final class TurfTable {
        static final String N = "turf";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = col(N, "id", SQLDataType.BIGINT);
        static final Field<Long> CUT_ID = col(N, "cut_id", SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = col(N, "campaign_id", SQLDataType.BIGINT);
        static final Field<String> NAME = col(N, "name", SQLDataType.VARCHAR);
        static final Field<String> PRECINCT = col(N, "precinct", SQLDataType.VARCHAR);
        static final Field<Integer> DOORS = col(N, "doors", SQLDataType.INTEGER);
        static final Field<Integer> PEOPLE = col(N, "people", SQLDataType.INTEGER);
        static final Field<Double> ROUTE_METRES = col(N, "route_metres", SQLDataType.DOUBLE);
        static final Field<Double> COMPACTNESS = col(N, "compactness", SQLDataType.DOUBLE);
        static final Field<Long> CREATED_AT = col(N, "created_at", SQLDataType.BIGINT);
    }

    static final class TurfHouseholdTable {
        static final String N = "turf_household";
        static final Table<Record> T = table(name(N));
        static final Field<Long> TURF_ID = col(N, "turf_id", SQLDataType.BIGINT);
        static final Field<Integer> POSITION = col(N, "position", SQLDataType.INTEGER);
        static final Field<Long> HOUSEHOLD_ID = col(N, "household_id", SQLDataType.BIGINT);
        static final Field<Double> LATITUDE = col(N, "latitude", SQLDataType.DOUBLE);
        static final Field<Double> LONGITUDE = col(N, "longitude", SQLDataType.DOUBLE);
    }

    static final class TurfPersonTable {
        static final String N = "turf_person";
        static final Table<Record> T = table(name(N));
        static final Field<Long> TURF_ID = col(N, "turf_id", SQLDataType.BIGINT);
        static final Field<Long> HOUSEHOLD_ID = col(N, "household_id", SQLDataType.BIGINT);
        static final Field<Long> PERSON_ID = col(N, "person_id", SQLDataType.BIGINT);
    }
}
