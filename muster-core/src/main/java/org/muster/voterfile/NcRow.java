package org.muster.voterfile;

/** One data row of an NC file, values unquoted; empty values read as null. */
public final class NcRow {

    private final long lineNumber;
    private final NcLayout layout;
    private final String[] values;

    NcRow(long lineNumber, NcLayout layout, String[] values) {
        this.lineNumber = lineNumber;
        this.layout = layout;
        this.values = values;
    }

    /** 1-based line number in the file (the header is line 1). */
    public long lineNumber() {
        return lineNumber;
    }

    public NcLayout layout() {
        return layout;
    }

    public String get(String column) {
        return get(layout.index(column));
    }

    /** By position, for hot loops that resolved {@link NcLayout#index} once. */
    public String get(int index) {
        String value = values[index];
        return value.isEmpty() ? null : value;
    }
}
