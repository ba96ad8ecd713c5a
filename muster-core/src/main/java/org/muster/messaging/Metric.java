package org.muster.messaging;

/**
 * What an A/B/n test optimises: the share of a variant's test recipients who did it. Opens and clicks are tracked
 * per recipient; replies, donations and sign-ups are timeline activities of the person after the message was sent.
 */
public enum Metric {
    OPEN("email.open"), CLICK("email.click"), REPLY("email.reply"), DONATION("donation"), SIGNUP("signup");

    private final String activityType;

    Metric(String activityType) {
        this.activityType = activityType;
    }

    /** The timeline activity type that counts as a success. */
    public String activityType() {
        return activityType;
    }

    /** Whether success is a tracking event of the recipient (open, click) rather than a later activity. */
    public boolean tracked() {
        return this == OPEN || this == CLICK;
    }
}
