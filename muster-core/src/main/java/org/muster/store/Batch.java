package org.muster.store;

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

/**
 * Rows for one table collected in memory and written as JDBC batches of one prepared insert: the fast path for
 * bulk writes on both SQLite and PostgreSQL. jOOQ renders the statement once; rows are bound with plain JDBC,
 * because jOOQ's per-row binding costs more than SQLite's insert itself. Used inside a transaction; nothing is
 * written before {@link #execute}.
 */
final class Batch {

    private static final int ROWS_PER_BATCH = 2_000;

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
