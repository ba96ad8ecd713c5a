package org.muster.messaging.sms;

/**
 * A submit that did not return a message id. {@code inDoubt}: the request may have reached the gateway (time-out,
 * broken connection), so sending again may duplicate it; otherwise the gateway refused it and nothing was sent.
 * {@code retryable}: a refusal that may pass later (throttled, queue full).
 */
public final class SmsGatewayException extends Exception {

    private final boolean inDoubt;
    private final boolean retryable;

    public SmsGatewayException(String message, boolean inDoubt, boolean retryable, Throwable cause) {
        super(message, cause);
        this.inDoubt = inDoubt;
        this.retryable = retryable;
    }

    public boolean inDoubt() {
        return inDoubt;
    }

    public boolean retryable() {
        return retryable;
    }
}
