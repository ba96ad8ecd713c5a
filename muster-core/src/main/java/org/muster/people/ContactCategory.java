package org.muster.people;

/** How a person relates to the campaign: the CNIL categories that decide which contact is lawful. */
public enum ContactCategory {
    MEMBER, REGULAR_CONTACT, OCCASIONAL_CONTACT, PROSPECT
}
