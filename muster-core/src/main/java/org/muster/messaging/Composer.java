package org.muster.messaging;

/** Turns a variant and a recipient into the channel's wire form (email: MIME with tracking and footer). */
public interface Composer {

    Outgoing compose(Recipient recipient, Variant variant);
}
