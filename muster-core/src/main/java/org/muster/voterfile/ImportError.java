package org.muster.voterfile;

/**
 * One rejected row of an import, as stored and as the downloadable report lists it.
 *
 * @param field the column at fault, or null when the row as a whole is (wrong column count, unreadable bytes)
 */
public record ImportError(String file, long line, String field, String reason) {

    public static ImportError of(BadRow row) {
        return new ImportError(row.file().getFileName().toString(), row.lineNumber(), row.field(), row.reason());
    }
}
