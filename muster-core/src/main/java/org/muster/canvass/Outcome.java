package org.muster.canvass;

/**
 * What the server did with a submission. Every submission is kept; only APPLIED ones changed the person. The
 * others are conflicts the canvasser is shown: someone else got there first, or the list was taken back.
 */
public enum Outcome {
    APPLIED("Saved"),
    ALREADY_CANVASSED("This person already has a result on this list (from someone else, or from another device); yours was kept but not applied"),
    NOT_ASSIGNED("This list is no longer assigned to you; your result was kept but not applied"),
    NOT_ON_LIST("This person is not on the list; your result was kept but not applied");

    private final String message;

    Outcome(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
