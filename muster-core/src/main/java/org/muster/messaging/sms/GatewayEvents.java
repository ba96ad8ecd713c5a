package org.muster.messaging.sms;

/** What a gateway reports back: delivery receipts and messages people sent (MO). Implemented by {@link SmsInbox}. */
public interface GatewayEvents {

    /** @param state the receipt's stat: DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED, ACCEPTD, ENROUTE, UNKNOWN */
    void receipt(String gatewayId, String state, String error);

    /** @param from E.164 number of the sender */
    void inbound(String from, String text);
}
