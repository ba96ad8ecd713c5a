package org.muster.people;

import java.time.LocalDate;

/**
 * One vote cast in one election, as recorded by the state's history file.
 *
 * @param method how the vote was cast (IN-PERSON, ABSENTEE, EARLY, PROVISIONAL, ...)
 */
public record VoteRecord(LocalDate electionDate, String electionName, String method, String partyBallot, String county) {
}
