package org.muster.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Fills an empty, migrated Muster database with {@code copies} copies of a loaded campaign, inside the database
 * ({@code insert ... select} from the source schema or attached file), ids offset per copy exactly as the benchmark's
 * index copies are: person ids by {@code stride}, household ids by {@code householdStride}. Ten copies of a million
 * people take minutes this way, where the importer took about 45 minutes for SQLite and PostgreSQL together.
 *
 * <p>Copied are the tables segment clauses read and the rows they hang from. Campaign-level rows (the campaign,
 * its tags, custom fields, events, data origins) are copied once, unchanged, so every copy's people share them; the
 * per-person rows are copied {@code copies} times. Columns under a unique key with the campaign get the copy
 * number appended, so the copies are distinct rows rather than duplicates.
 */
final class SqlCopies {

    private record Spec(String table, boolean perPerson) {
    }

    /** In foreign-key order: a row's parents are copied before it. */
    private static final List<Spec> TABLES = List.of(
            new Spec("campaign", false), new Spec("data_origin", false), new Spec("household", true), new Spec("person", true),
            new Spec("person_address", true), new Spec("voter_registration", true), new Spec("vote_history", true),
            new Spec("tag", false), new Spec("tagging", true), new Spec("custom_field", false), new Spec("custom_field_value", true),
            new Spec("score", true), new Spec("activity", true), new Spec("consent", true), new Spec("donation", true),
            new Spec("event", false), new Spec("event_attendance", true));

    /** Text columns unique within a campaign, made distinct per copy. */
    private static final Map<String, Set<String>> UNIQUE_TEXT = Map.of("household", Set.of("address_key"),
            "voter_registration", Set.of("registration_id"));

    private SqlCopies() {
    }

    /**
     * Copies from tables named {@code source + "." + table}, visible on {@code target} (an attached SQLite file, or
     * another schema of the same PostgreSQL database), into the target's own tables.
     */
    static void fill(Connection target, String source, int copies, long stride, long householdStride) throws SQLException {
        boolean postgres = target.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (Statement s = target.createStatement()) {
            for (Spec spec : TABLES) {
                long started = System.nanoTime();
                // Secondary indexes are built once afterwards, by sorting, instead of updated row by row.
                Map<String, String> indexes = secondaryIndexes(s, spec.table(), postgres);
                for (String index : indexes.keySet()) s.execute("drop index " + index);
                List<String> columns = columns(s, source + "." + spec.table());
                long idStride = switch (spec.table()) {
                    case "person" -> stride;
                    case "household" -> householdStride;
                    default -> columns.contains("id") ? 1 + maxId(s, source + "." + spec.table()) : 0;
                };
                long rows = 0;
                for (int k = 0; k < (spec.perPerson() ? copies : 1); k++) {
                    List<String> values = new ArrayList<>();
                    for (String c : columns) values.add(k == 0 ? quote(c) : offset(spec.table(), c, k, idStride, stride, householdStride));
                    rows += s.executeUpdate("insert into " + spec.table() + " (" + String.join(", ", quoted(columns)) + ") select "
                            + String.join(", ", values) + " from " + source + "." + spec.table());
                }
                for (String definition : indexes.values()) s.execute(definition);
                System.err.printf("  %s: %,d rows in %.1f s%n", spec.table(), rows, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /**
     * Copies the same tables, once and unchanged, from a SQLite database into an empty, migrated PostgreSQL schema
     * through {@code COPY}: the SQLite campaign in PostgreSQL in a minute or two, where the importer took many.
     * Doubles go as Java's shortest exact text, so coordinates compare exactly as in SQLite.
     */
    static void copyToPostgres(Connection sqlite, Connection postgres) throws SQLException, java.io.IOException {
        CopyManager copy = postgres.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = sqlite.createStatement()) {
            for (Spec spec : TABLES) {
                long started = System.nanoTime();
                List<String> columns = columns(s, spec.table());
                CopyIn in = copy.copyIn("copy " + spec.table() + " (" + String.join(", ", quoted(columns)) + ") from stdin");
                long rows = 0;
                try (ResultSet rs = s.executeQuery("select " + String.join(", ", quoted(columns)) + " from " + spec.table())) {
                    StringBuilder buffer = new StringBuilder();
                    while (rs.next()) {
                        for (int c = 1; c <= columns.size(); c++) {
                            if (c > 1) buffer.append('\t');
                            Object v = rs.getObject(c);
                            if (v == null) buffer.append("\\N");
                            else if (v instanceof Number n) buffer.append(n);
                            else escape(v.toString(), buffer);
                        }
                        buffer.append('\n');
                        rows++;
                        if (buffer.length() > 1 << 20) flush(in, buffer);
                    }
                    flush(in, buffer);
                    in.endCopy();
                } finally {
                    if (in.isActive()) in.cancelCopy();
                }
                System.err.printf("  %s: %,d rows in %.1f s%n", spec.table(), rows, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static void flush(CopyIn in, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** COPY's text format: backslash escapes for the delimiter, line ends and the backslash itself. */
    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    private static String offset(String table, String column, int k, long idStride, long stride, long householdStride) {
        return switch (column) {
            case "id" -> "id + " + k * idStride;
            case "person_id" -> "person_id + " + k * stride;
            case "household_id" -> "household_id + " + k * householdStride;
            default -> UNIQUE_TEXT.getOrDefault(table, Set.of()).contains(column) ? column + " || '#" + k + "'" : quote(column);
        };
    }

    /** Name to definition of the table's indexes that no constraint (primary key, unique) owns. */
    private static Map<String, String> secondaryIndexes(Statement s, String table, boolean postgres) throws SQLException {
        String query = postgres
                ? "select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = '" + table + "' "
                        + "and indexname not in (select conname from pg_constraint where connamespace = current_schema()::regnamespace)"
                : "select name, sql from sqlite_master where type = 'index' and tbl_name = '" + table + "' and sql is not null";
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    private static List<String> columns(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) out.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            return out;
        }
    }

    private static long maxId(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> quoted(List<String> columns) {
        return columns.stream().map(SqlCopies::quote).toList();
    }

    /** Some column names ({@code at}) are keywords somewhere. */
    private static String quote(String column) {
        return "\"" + column + "\"";
    }
}
