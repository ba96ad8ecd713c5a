package org.muster.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.postgresql.PGConnection;

/**
 * Rows for one table collected in memory and written as JDBC batches of one prepared insert (SQLite, and small
 * PostgreSQL batches) or as one COPY stream (larger PostgreSQL batches): the fast path for bulk writes. jOOQ renders the statement once; rows are bound with plain JDBC,
 * because jOOQ's per-row binding costs more than SQLite's insert itself. Used inside a transaction; nothing is
 * written before {@link #execute}.
 */
final class Batch {

    private static final int ROWS_PER_BATCH = 2_000;
    /** From this many rows PostgreSQL gets COPY: one stream instead of statements, several times faster. */
    private static final int COPY_FROM_ROWS = 64;

    private final DSLContext tx;
    private final Table<Record> table;
    private final Field<?>[] columns;
    private final List<Object[]> rows = new ArrayList<>();

    Batch(DSLContext tx, Table<Record> table, Field<?>... columns) {
        this.tx = tx;
        this.table = table;
        this.columns = columns;
    }

    void add(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table.getName() + ": " + values.length + " values for "
                    + columns.length + " columns");
        }
        rows.add(values);
    }

    void execute() {
        if (rows.isEmpty()) return;
        if (tx.dialect() == SQLDialect.POSTGRES && rows.size() >= COPY_FROM_ROWS) {
            copy();
            return;
        }
        String sql = tx.render(tx.insertInto(table).columns(columns).values(Arrays.asList(new Object[columns.length])));
        boolean sqlite = tx.dialect() == SQLDialect.SQLITE;
        tx.connection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) bind(insert, i + 1, row[i], sqlite);
                    insert.addBatch();
                    if (++pending == ROWS_PER_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) insert.executeBatch();
            }
        });
        rows.clear();
    }

    /** COPY ... FROM STDIN in text format, inside the caller's transaction like the inserts it replaces. */
    private void copy() {
        StringBuilder columnList = new StringBuilder();
        for (Field<?> column : columns) {
            if (!columnList.isEmpty()) columnList.append(", ");
            columnList.append('"').append(column.getName()).append('"');
        }
        String sql = "copy \"" + table.getName() + "\" (" + columnList + ") from stdin";
        StringBuilder data = new StringBuilder(rows.size() * columns.length * 12);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) data.append('\t');
                appendCopyValue(data, row[i]);
            }
            data.append('\n');
        }
        tx.connection(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table.getName() + " failed: " + e.getMessage(), e);
            }
        });
        rows.clear();
    }

    /** PostgreSQL's text COPY format: \N is null; backslash, tab, newline and carriage return are escaped. */
    static void appendCopyValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value instanceof Boolean b ? (b ? "t" : "f") : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** Binds as jOOQ would: SQLite keeps dates as ISO text (its date functions read them), PostgreSQL as date. */
    private static void bind(PreparedStatement statement, int index, Object value, boolean sqlite) throws SQLException {
        if (value instanceof LocalDate date) {
            if (sqlite) statement.setString(index, date.toString());
            else statement.setDate(index, Date.valueOf(date));
        } else {
            statement.setObject(index, value);
        }
    }
}
