package org.muster.canvass;

import java.util.Locale;

/**
 * How a door knock or call ended. A contact is a conversation with the person; a code may also mark the person
 * with a tag (moved, deceased, wrong number) and may leave the door open for another attempt (not home).
 */
public enum ResultCode {
    CONTACTED("Talked to them", true, null, false),
    REFUSED("Refused", true, null, false),
    NOT_HOME("Not home / no answer", false, null, true),
    CALL_BACK("Call back later", false, null, true),
    INACCESSIBLE("Inaccessible", false, null, false),
    MOVED("Moved", false, "moved", false),
    DECEASED("Deceased", false, "deceased", false),
    WRONG_NUMBER("Wrong number", false, "wrong-number", false);

    private final String label;
    private final boolean contact;
    private final String tag;
    private final boolean retry;

    ResultCode(String label, boolean contact, String tag, boolean retry) {
        this.label = label;
        this.contact = contact;
        this.tag = tag;
        this.retry = retry;
    }

    public String label() {
        return label;
    }

    /** A conversation took place: counted as a contact on the dashboard and answers may be recorded. */
    public boolean contact() {
        return contact;
    }

    /** The tag this code puts on the person, or null. */
    public String tag() {
        return tag;
    }

    /** The door stays open on the list for another attempt. */
    public boolean retry() {
        return retry;
    }

    /** Parses a code as sent by a client; the message names the bad value. */
    public static ResultCode parse(String value) {
        try {
            return valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown result code '" + value + "'");
        }
    }
}
