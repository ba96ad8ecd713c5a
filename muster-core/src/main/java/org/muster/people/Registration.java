package org.muster.people;

import java.time.LocalDate;

/**
 * A voter registration as the state publishes it, with the districts that targeting and turf cutting use.
 *
 * @param registrationId the state's key for this registration (NC: county id + voter_reg_num), stable across
 *                       re-imports so a newer file updates the same row
 * @param status         the state's status code (NC: A active, I inactive, R removed, D denied, S temporary)
 * @param reasonCode     the state's reason code (NC: RD deceased, R2 duplicate, RS moved from state, ...)
 */
public record Registration(
        String state,
        String registrationId,
        String stateVoterId,
        String county,
        String status,
        String reasonCode,
        LocalDate registeredOn,
        String party,
        String precinct,
        String ward,
        String municipality,
        String congressionalDistrict,
        String stateSenateDistrict,
        String stateHouseDistrict) {
}
