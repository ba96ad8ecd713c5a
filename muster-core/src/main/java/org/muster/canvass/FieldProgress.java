package org.muster.canvass;

/**
 * Field progress for one list and one canvasser: doors knocked or calls made (applied results), contacts
 * (conversations) and IDs (a support level recorded). A list made from a turf names it ({@code turfId} and
 * {@code turfName} are null otherwise).
 */
public record FieldProgress(long listId, String listName, Long turfId, String turfName, long userId, String userName, long attempts,
        long contacts, long ids) {
}
