package org.muster.messaging.email;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One SMTP server to send through. {@code weight}: its share of the connections when there are several.
 * URL form: {@code smtp://user:password@host:587?tls=starttls&weight=3} ({@code tls}: none, starttls — the
 * default when credentials are given — or smtps, which {@code smtps://} also means).
 */
public record SmtpServer(String host, int port, Tls tls, String user, String password, int weight) {

    public enum Tls { NONE, STARTTLS, SMTPS }

    public SmtpServer {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("an SMTP server needs a host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("SMTP port " + port + " is not a port");
        if (weight < 1) throw new IllegalArgumentException("SMTP weight must be at least 1, was " + weight);
    }

    public static SmtpServer plain(String host, int port) {
        return new SmtpServer(host, port, Tls.NONE, null, null, 1);
    }

    public static SmtpServer parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MUSTER_SMTP: \"" + url + "\" is not a URL like smtp://user:pass@host:587");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw new IllegalArgumentException("MUSTER_SMTP: \"" + url + "\" must start with smtp:// or smtps://");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] up = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
            password = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "";
        }
        Tls tls = scheme.equals("smtps") ? Tls.SMTPS : user != null ? Tls.STARTTLS : Tls.NONE;
        int weight = 1;
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                String[] p = kv.split("=", 2);
                String value = p.length > 1 ? p[1] : "";
                switch (p[0]) {
                    case "tls" -> tls = switch (value.toLowerCase(Locale.ROOT)) {
                        case "none" -> Tls.NONE;
                        case "starttls" -> Tls.STARTTLS;
                        case "smtps" -> Tls.SMTPS;
                        default -> throw new IllegalArgumentException("MUSTER_SMTP: tls=" + value + " (none, starttls or smtps)");
                    };
                    case "weight" -> {
                        try {
                            weight = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("MUSTER_SMTP: weight=" + value + " is not a whole number");
                        }
                    }
                    default -> throw new IllegalArgumentException("MUSTER_SMTP: unknown option " + p[0] + " in " + url);
                }
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls == Tls.SMTPS ? 465 : user != null ? 587 : 25;
        return new SmtpServer(uri.getHost(), port, tls, user, password, weight);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + tls.name().toLowerCase(Locale.ROOT) + (user == null ? "" : ", as " + user) + ", weight " + weight + ")";
    }
}
