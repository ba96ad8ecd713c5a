package org.muster.campaign;

/** A campaign: the tenant every person, user and list belongs to. */
public record Campaign(long id, String name, String state) {
}
