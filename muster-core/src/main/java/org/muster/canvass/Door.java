package org.muster.canvass;

/**
 * One person on a list as the canvasser sees them: position in walking or calling order, name, address, phone,
 * and whether the door is still open (with the last result code, if any). Where the home is (null when not
 * geocoded), the birth year and the party are there for maps and printed sheets; the party is sensitive, and the
 * views show it only to roles that see sensitive data.
 */
public record Door(long listId, int position, long personId, String name, String address, String phone, boolean open,
        String resultCode, int attempts, Double latitude, Double longitude, Integer birthYear, String party) {
}
