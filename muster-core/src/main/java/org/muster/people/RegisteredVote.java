package org.muster.people;

/**
 * A vote as a history file lists it: keyed by the registration it belongs to, not by person, because history rows
 * are joined to people only when they are stored (see {@link PersonStore#addVotes}).
 */
public record RegisteredVote(String state, String registrationId, VoteRecord vote) {
}
