package org.muster.messaging;

/**
 * What an A/B/n test optimises: the share of a variant's test recipients who did it within the attribution window
 * after their message (the send's decision window). Opens, clicks and replies are events of the recipient (the
 * signed pixel and links; a reply in the reply mailbox, found through our Message-ID in its In-Reply-To). Donations
 * and sign-ups are outcomes of the person: a gift recorded for them, or a registration for an event, made after
 * the message was sent and within the window; a person who got several sends in that time counts for each.
 */
public enum Metric {
    OPEN("open"), CLICK("click"), REPLY("reply"), DONATION(null), SIGNUP(null);

    private final String eventKind;

    Metric(String eventKind) {
        this.eventKind = eventKind;
    }

    /** The recipient's tracking event kind that counts as a success, or null for outcomes of the person. */
    public String eventKind() {
        return eventKind;
    }
}
