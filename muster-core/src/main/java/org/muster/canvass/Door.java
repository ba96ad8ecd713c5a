package org.muster.canvass;

/**
 * One person on a list as the canvasser sees them: position in walking or calling order, name, address, phone,
 * and whether the door is still open (with the last result code, if any).
 */
public record Door(long listId, int position, long personId, String name, String address, String phone, boolean open,
        String resultCode, int attempts) {
}
