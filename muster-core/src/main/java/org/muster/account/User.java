package org.muster.account;

/** A person who logs in to Muster (staff or volunteer), not to be confused with a person in the database. */
public record User(long id, long campaignId, String email, String displayName, Role role, boolean active) {
}
