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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one table collected in memory and written as JDBC batches of one prepared insert (SQLite, and small
 * PostgreSQL batches) or as one COPY stream (larger PostgreSQL batches): the fast path for bulk writes. jOOQ
 * renders the statement once; rows are bound with plain JDBC, because jOOQ's per-row binding costs more than
 * SQLite's insert itself. Used inside a transaction; nothing is written before {@link #execute}.
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

    /**
     * COPY ... FROM STDIN in text format, inside the caller's transaction like the inserts it replaces. The rows are
     * encoded straight to UTF-8 and sent in chunks as they are encoded, so the server inserts the first rows while
     * this thread encodes the rest (the whole batch was formatted into one string before it sent a byte).
     */
    private void copy() {
        StringBuilder columnList = new StringBuilder();
        for (Field<?> column : columns) {
            if (!columnList.isEmpty()) columnList.append(", ");
            columnList.append('"').append(column.getName()).append('"');
        }
        String sql = "copy \"" + table.getName() + "\" (" + columnList + ") from stdin";
        tx.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                CopyText text = new CopyText(copy);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) text.tab();
                        text.value(row[i]);
                    }
                    text.newline();
                }
                text.send();
                copy.endCopy();
            } finally {
                if (copy.isActive()) copy.cancelCopy();
            }
        });
        rows.clear();
    }

    /**
     * PostgreSQL's text COPY format written as UTF-8 (the driver's client encoding) into a buffer that is sent
     * whenever it fills: \N is null; backslash, tab, newline and carriage return are escaped.
     */
    private static final class CopyText {

        private static final int CHUNK = 1 << 16;
        /** Room for the longest thing written without a check: a 4-byte character, or an escape. */
        private static final int SLACK = 8;

        private final CopyIn copy;
        private final byte[] buffer = new byte[CHUNK];
        private int length;

        CopyText(CopyIn copy) {
            this.copy = copy;
        }

        void tab() throws SQLException {
            ascii('\t');
        }

        void newline() throws SQLException {
            ascii('\n');
        }

        void value(Object value) throws SQLException {
            switch (value) {
                case null -> {
                    ascii('\\');
                    ascii('N');
                }
                case Long l -> number(l);
                case Integer i -> number(i);
                case Short s -> number(s);
                case Boolean b -> ascii(b ? 't' : 'f');
                case String s -> text(s);
                default -> text(value.toString());
            }
        }

        private void number(long n) throws SQLException {
            if (length + 20 > CHUNK) send();
            if (n < 0) {
                if (n == Long.MIN_VALUE) {
                    text(Long.toString(n));
                    return;
                }
                buffer[length++] = '-';
                n = -n;
            }
            int digits = 1;
            for (long rest = n / 10; rest > 0; rest /= 10) digits++;
            for (int i = length + digits - 1; i >= length; i--) {
                buffer[i] = (byte) ('0' + n % 10);
                n /= 10;
            }
            length += digits;
        }

        private void text(String s) throws SQLException {
            for (int i = 0; i < s.length(); i++) {
                if (length + SLACK > CHUNK) send();
                char c = s.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> escaped('\\');
                        case '\t' -> escaped('t');
                        case '\n' -> escaped('n');
                        case '\r' -> escaped('r');
                        default -> buffer[length++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    buffer[length++] = (byte) (0xC0 | c >> 6);
                    buffer[length++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buffer[length++] = (byte) (0xF0 | cp >> 18);
                    buffer[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buffer[length++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    buffer[length++] = '?'; // an unpaired surrogate, as String.getBytes(UTF_8) writes it
                } else {
                    buffer[length++] = (byte) (0xE0 | c >> 12);
                    buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buffer[length++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }

        private void escaped(char c) {
            buffer[length++] = '\\';
            buffer[length++] = (byte) c;
        }

        private void ascii(char c) throws SQLException {
            if (length == CHUNK) send();
            buffer[length++] = (byte) c;
        }

        void send() throws SQLException {
            if (length == 0) return;
            copy.writeToCopy(buffer, 0, length);
            length = 0;
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
