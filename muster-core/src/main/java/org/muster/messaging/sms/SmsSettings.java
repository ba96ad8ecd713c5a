package org.muster.messaging.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * SMS configuration from the environment. SMPP wins when both are set.
 * <pre>
 * MUSTER_SMPP=host:port           SMSC to bind to as transceiver
 * MUSTER_SMPP_SYSTEM_ID, MUSTER_SMPP_PASSWORD, MUSTER_SMPP_SYSTEM_TYPE
 * MUSTER_SMPP_WINDOW=10           submits in flight (also the batch size)
 * MUSTER_SMPP_RATE=50             messages per second (0: no cap)
 * MUSTER_SMS_HTTP_URL, MUSTER_SMS_HTTP_TOKEN   HTTP gateway: POST url, bearer token
 * MUSTER_SMS_CALLBACK_TOKEN       bearer token the HTTP gateway must send to Muster's receipt/inbound callbacks
 * MUSTER_SMS_FROM                 sender: +E.164 number, short code or alphanumeric id
 * MUSTER_SMS_HOURS=09:00-21:00    recipients' local sending hours
 * MUSTER_SMS_STOP_REPLY           the opt-out confirmation text
 * </pre>
 */
public record SmsSettings(SmppSettings smpp, URI httpUrl, String httpToken, String callbackToken, String from, SendHours hours,
                          String stopReply) {

    public static final String DEFAULT_STOP_REPLY = "You are unsubscribed and will get no more texts from us.";

    public static SmsSettings fromEnv(Map<String, String> env) {
        String from = env.getOrDefault("MUSTER_SMS_FROM", "");
        SmppSettings smpp = null;
        String hostPort = env.get("MUSTER_SMPP");
        if (hostPort != null && !hostPort.isBlank()) {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 1) throw new IllegalArgumentException("MUSTER_SMPP '" + hostPort + "' is not host:port");
            smpp = new SmppSettings(hostPort.substring(0, colon), integer("MUSTER_SMPP", hostPort.substring(colon + 1)),
                    env.getOrDefault("MUSTER_SMPP_SYSTEM_ID", ""), env.getOrDefault("MUSTER_SMPP_PASSWORD", ""),
                    env.getOrDefault("MUSTER_SMPP_SYSTEM_TYPE", ""), from,
                    integer("MUSTER_SMPP_WINDOW", env.getOrDefault("MUSTER_SMPP_WINDOW", "10")),
                    integer("MUSTER_SMPP_RATE", env.getOrDefault("MUSTER_SMPP_RATE", "50")),
                    Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
        String url = env.get("MUSTER_SMS_HTTP_URL");
        URI httpUrl;
        try {
            httpUrl = url == null || url.isBlank() ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MUSTER_SMS_HTTP_URL '" + url + "' is not a URL");
        }
        String hours = env.get("MUSTER_SMS_HOURS");
        return new SmsSettings(smpp, httpUrl, env.get("MUSTER_SMS_HTTP_TOKEN"), env.get("MUSTER_SMS_CALLBACK_TOKEN"), from,
                hours == null || hours.isBlank() ? SendHours.DEFAULT : SendHours.parse("MUSTER_SMS_HOURS", hours),
                env.getOrDefault("MUSTER_SMS_STOP_REPLY", DEFAULT_STOP_REPLY));
    }

    /** The configured gateway, or null when SMS is not set up (jobs can be composed but wait for one). */
    public SmsGateway gateway() {
        if (smpp != null) return new SmppGateway(smpp);
        if (httpUrl != null) return new HttpGateway(httpUrl, httpToken, from, 10);
        return null;
    }

    /** One line for the SMS page: which gateway is configured (never the credentials). */
    public String describe() {
        if (smpp != null) return "SMPP " + smpp.host() + ":" + smpp.port() + " (window " + smpp.window() + ", " + smpp.messagesPerSecond() + "/s)";
        if (httpUrl != null) return "HTTP gateway " + httpUrl.getScheme() + "://" + httpUrl.getHost();
        return "no SMS gateway configured (set MUSTER_SMPP or MUSTER_SMS_HTTP_URL)";
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
        }
    }
}
