package org.muster.messaging.sms;

/**
 * Where messages leave Muster: an SMPP connection ({@link SmppGateway}) or an HTTP gateway ({@link HttpGateway}).
 * {@link #submit} is thread-safe and blocks while the gateway's window of in-flight messages is full or its rate
 * limit says wait; receipts and inbound messages reach the {@link GatewayEvents} given to {@link #listen}.
 */
public interface SmsGateway extends AutoCloseable {

    /**
     * Hands one message to the gateway.
     *
     * @param from source address (number, short code or alphanumeric id), null for the gateway's configured one
     * @param to   E.164 number
     * @return the gateway's id for the message, which its delivery receipts quote
     * @throws SmsGatewayException when refused ({@link SmsGatewayException#inDoubt()} false) or when it cannot be
     *                             known whether the gateway took it (true)
     */
    String submit(String from, String to, String text) throws SmsGatewayException;

    /** How many messages the gateway lets be in flight at once: the size of a job's batch. */
    int window();

    void listen(GatewayEvents events);

    @Override
    void close();
}
