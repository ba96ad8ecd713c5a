package org.muster.voterfile;

import java.nio.file.Path;

/**
 * A row that was skipped, with the reason a data director can act on.
 *
 * @param field the column at fault, or null when the row as a whole is (wrong column count, unreadable bytes)
 */
public record BadRow(Path file, long lineNumber, String field, String reason) {

    @Override
    public String toString() {
        return file.getFileName() + " line " + lineNumber + (field == null ? "" : " (" + field + ")") + ": " + reason;
    }
}
