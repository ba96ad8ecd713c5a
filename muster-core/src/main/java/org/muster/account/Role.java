package org.muster.account;

/** What a user may do. Read paths check the role and, for volunteers and poll watchers, their turf scope. */
public enum Role {
    ADMIN, ORGANISER, VOLUNTEER, POLL_WATCHER;

    /** Whether the role may search and read the whole people database (others read only their assignments). */
    public boolean readsAllPeople() {
        return this == ADMIN || this == ORGANISER;
    }

    /** Whether the role may see sensitive fields: support level, party, scores. */
    public boolean seesSensitive() {
        return this == ADMIN || this == ORGANISER;
    }
}
