package org.muster.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Rows for one table collected in memory and written as JDBC batches of one prepared insert: the fast path for
 * bulk writes on both SQLite and PostgreSQL. Used inside a transaction; nothing is written before {@link #execute}.
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
        Object[] placeholders = new Object[columns.length];
        for (int from = 0; from < rows.size(); from += ROWS_PER_BATCH) {
            BatchBindStep step = tx.batch(tx.insertInto(table).columns(columns).values(Arrays.asList(placeholders)));
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_BATCH))) {
                step = step.bind(row);
            }
            step.execute();
        }
        rows.clear();
    }
}
