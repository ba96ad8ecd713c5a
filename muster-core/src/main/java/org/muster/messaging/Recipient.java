package org.muster.messaging;

/** A recipient row with what personalisation needs. {@code origin} is the person's data origin, or null. */
public record Recipient(long id, long sendId, long personId, long variantId, String address, String firstName,
                        String lastName, String origin) {
}
