package org.muster.messaging.sms;

import java.time.Duration;

/**
 * How to reach an SMSC over SMPP 3.4: one transceiver bind carries submits, receipts and inbound messages.
 *
 * @param window            submit_sm requests in flight at once (the SMSC's window; also the crash-duplicate bound)
 * @param messagesPerSecond submit rate cap agreed with the SMSC (0: none)
 * @param reconnectMax      longest wait between reconnect attempts (waits double from one second)
 */
public record SmppSettings(String host, int port, String systemId, String password, String systemType, String sourceAddress,
                           int window, int messagesPerSecond, Duration enquireLink, Duration responseTimeout, Duration reconnectMax) {

    public SmppSettings {
        if (window < 1) throw new IllegalArgumentException("SMPP window must be at least 1, not " + window);
        if (messagesPerSecond < 0) throw new IllegalArgumentException("SMPP rate must not be negative");
    }

    public static SmppSettings of(String host, int port, String systemId, String password, String sourceAddress) {
        return new SmppSettings(host, port, systemId, password, "", sourceAddress, 10, 0, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public SmppSettings withWindow(int window, int messagesPerSecond) {
        return new SmppSettings(host, port, systemId, password, systemType, sourceAddress, window, messagesPerSecond,
                enquireLink, responseTimeout, reconnectMax);
    }
}
