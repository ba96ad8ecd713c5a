package org.muster.voterfile;

import java.nio.file.Path;

/** A row that was skipped, with the reason a data director can act on. */
public record BadRow(Path file, long lineNumber, String reason) {

    @Override
    public String toString() {
        return file.getFileName() + " line " + lineNumber + ": " + reason;
    }
}
