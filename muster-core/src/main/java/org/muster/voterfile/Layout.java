package org.muster.voterfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The columns of one voter-file kind, in file order, with their positions looked up once. */
public final class Layout {

    private final String kind;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();

    /** @param kind what the file is, for messages ("ncvoter", "Ohio SWVF", ...) */
    public Layout(String kind, List<String> columns) {
        this.kind = kind;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) index.putIfAbsent(columns.get(i), i);
    }

    public String kind() {
        return kind;
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    /** Position of a column; an unknown name is a programming error. */
    public int index(String column) {
        Integer i = index.get(column);
        if (i == null) throw new IllegalArgumentException("No column " + column + " in the " + kind + " layout");
        return i;
    }

    /** Position of a column, or -1 when the layout has none of that name. */
    public int find(String column) {
        return index.getOrDefault(column, -1);
    }
}
