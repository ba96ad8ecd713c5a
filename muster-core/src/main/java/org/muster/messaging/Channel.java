package org.muster.messaging;

/** A way of reaching a person; its name is the consent ledger's channel. */
public enum Channel {
    EMAIL("email"), SMS("sms");

    private final String consentChannel;

    Channel(String consentChannel) {
        this.consentChannel = consentChannel;
    }

    /** The channel name in {@code consent.channel}. */
    public String consentChannel() {
        return consentChannel;
    }
}
