package org.muster.messaging.email;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How this installation sends email, from the environment:
 * <ul>
 * <li>{@code MUSTER_SMTP}: comma-separated SMTP server URLs (see {@link SmtpServer}); default smtp://127.0.0.1:25</li>
 * <li>{@code MUSTER_SMTP_CONNECTIONS} (per sending thread, default 4), {@code MUSTER_SMTP_THREADS} (default 2),
 *     {@code MUSTER_SMTP_RATE} (messages per second over all connections, 0 = unlimited)</li>
 * <li>{@code MUSTER_PUBLIC_URL}: where people's mail programs reach the server (tracking and unsubscribe links)</li>
 * <li>{@code MUSTER_MAIL_DOMAIN}: domain of Message-IDs and of the bounce (VERP) envelope sender</li>
 * <li>{@code MUSTER_BOUNCE_DIR}: a maildir (or plain folder of .eml files) to read bounces from;
 *     {@code MUSTER_BOUNCE_POP3}: pop3://user:pass@host:110, {@code MUSTER_BOUNCE_IMAP}: imap://user:pass@host:143/INBOX
 *     to read them from ({@link Mailbox}); {@code MUSTER_BOUNCE_TOKEN}: the bearer token the bounce webhook
 *     (POST /m/bounces) requires</li>
 * <li>{@code MUSTER_REPLY_MAILBOX}: a folder path or a POP3/IMAP URL where replies to sends arrive (the REPLY metric
 *     of A/B tests); read messages are removed, so point it at a mailbox that gets a copy</li>
 * </ul>
 */
public record MailSettings(List<SmtpServer> servers, int connectionsPerThread, int threads, double ratePerSecond,
                           String publicUrl, String mailDomain, List<String> bounceMailboxes, String replyMailbox, String bounceToken) {

    public MailSettings {
        servers = List.copyOf(servers);
        bounceMailboxes = List.copyOf(bounceMailboxes);
        if (servers.isEmpty()) throw new IllegalArgumentException("MUSTER_SMTP names no server");
        if (connectionsPerThread < 1 || threads < 1) throw new IllegalArgumentException("SMTP connections and threads must be at least 1");
        if (ratePerSecond < 0) throw new IllegalArgumentException("MUSTER_SMTP_RATE must not be negative");
    }

    /** The environment, where a JVM system property of the same name (-DMUSTER_SMTP=...) wins. */
    public static MailSettings fromSystem() {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("MUSTER_")) env.put(k.toString(), v.toString());
        });
        return fromEnvironment(env);
    }

    public static MailSettings fromEnvironment(Map<String, String> env) {
        List<SmtpServer> servers = Arrays.stream(env.getOrDefault("MUSTER_SMTP", "smtp://127.0.0.1:25").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(SmtpServer::parse).toList();
        List<String> bounces = java.util.stream.Stream.of("MUSTER_BOUNCE_DIR", "MUSTER_BOUNCE_POP3", "MUSTER_BOUNCE_IMAP")
                .map(env::get).filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        String replies = env.get("MUSTER_REPLY_MAILBOX");
        return new MailSettings(servers, number(env, "MUSTER_SMTP_CONNECTIONS", 4), number(env, "MUSTER_SMTP_THREADS", 2),
                decimal(env, "MUSTER_SMTP_RATE", 0), env.getOrDefault("MUSTER_PUBLIC_URL", "http://127.0.0.1:8080"),
                env.getOrDefault("MUSTER_MAIL_DOMAIN", "localhost"), bounces, replies == null || replies.isBlank() ? null : replies.strip(),
                env.get("MUSTER_BOUNCE_TOKEN"));
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a whole number");
        }
    }

    private static double decimal(Map<String, String> env, String name, double fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a number");
        }
    }
}
