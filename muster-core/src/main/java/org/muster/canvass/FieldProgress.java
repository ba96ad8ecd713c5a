package org.muster.canvass;

/**
 * Field progress for one list and one canvasser: doors knocked or calls made (applied results), contacts
 * (conversations) and IDs (a support level recorded).
 */
public record FieldProgress(long listId, String listName, long userId, String userName, long attempts, long contacts, long ids) {
}
