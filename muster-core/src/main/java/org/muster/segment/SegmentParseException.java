package org.muster.segment;

/** A filter that does not parse: the message says what was expected, {@link #position()} where (0-based). */
public final class SegmentParseException extends IllegalArgumentException {

    private final int position;
    private final String reason;

    public SegmentParseException(String reason, int position) {
        super("at column " + (position + 1) + ": " + reason);
        this.reason = reason;
        this.position = position;
    }

    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
