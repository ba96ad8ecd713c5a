package org.muster.voterfile;

import java.util.List;

/** One data row of a voter file, values unquoted; empty values read as null. */
public final class Row {

    private final long lineNumber;
    private final Layout layout;
    private final String[] values;

    Row(long lineNumber, Layout layout, String[] values) {
        this.lineNumber = lineNumber;
        this.layout = layout;
        this.values = values;
    }

    /** 1-based line number in the file (the header is line 1). */
    public long lineNumber() {
        return lineNumber;
    }

    public Layout layout() {
        return layout;
    }

    public String get(String column) {
        return get(layout.index(column));
    }

    /** By position, for hot loops that resolved {@link Layout#index} once. */
    public String get(int index) {
        String value = values[index];
        return value.isEmpty() ? null : value;
    }

    /** The row as the file had it, compactly: one "COLUMN: value" line per non-empty value, in file order. */
    public String source() {
        StringBuilder s = new StringBuilder();
        List<String> columns = layout.columns();
        for (int i = 0; i < values.length; i++) {
            if (values[i].isEmpty()) continue;
            if (!s.isEmpty()) s.append('\n');
            s.append(columns.get(i)).append(": ").append(values[i]);
        }
        return s.toString();
    }
}
