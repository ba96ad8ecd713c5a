package org.muster.canvass;

/** Whether a list is walked door to door or called from a phone bank. */
public enum ListKind {
    WALK, PHONE
}
