package org.muster.messaging.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.messaging.Composer;
import org.muster.messaging.Outgoing;
import org.muster.messaging.Recipient;
import org.muster.messaging.Variant;

/**
 * Composes one personalised MIME message per recipient: multipart/alternative with a plain-text part (the
 * variant's, or derived from the HTML) and the HTML part, links rewritten to signed click-tracking URLs, an open
 * pixel, a footer with the data origin (when the send states it) and an unsubscribe link, and the List-Unsubscribe
 * and List-Unsubscribe-Post headers (RFC 8058 one-click). Parts are base64, so no line of the result starts with a
 * dot and the bytes go on the wire as they are. Thread-safe.
 */
public final class EmailComposer implements Composer {

    private static final Pattern HREF = Pattern.compile("href=\"(https?://[^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Base64.Encoder MIME_BASE64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});

    private final LinkSigner signer;
    private final String mailDomain;
    private final boolean stateOrigin;
    private final Map<Long, Parsed> templates = new ConcurrentHashMap<>();

    private record Parsed(EmailTemplate subject, EmailTemplate html, EmailTemplate text, String fromHeader) {
    }

    public EmailComposer(LinkSigner signer, String mailDomain, boolean stateOrigin) {
        this.signer = signer;
        this.mailDomain = mailDomain;
        this.stateOrigin = stateOrigin;
    }

    /** Checks a variant's templates and sender, naming what is wrong. */
    public static void validate(Variant v) {
        parse(v);
    }

    private static Parsed parse(Variant v) {
        String what = "variant " + v.label();
        if (v.sender() == null || !v.sender().contains("@")) {
            throw new IllegalArgumentException("The sender of " + what + " must be an address, e.g. Campaign <news@example.org>.");
        }
        if (v.subject() == null || v.subject().isBlank()) throw new IllegalArgumentException("The subject of " + what + " is empty.");
        if (v.html() == null || v.html().isBlank()) throw new IllegalArgumentException("The body of " + what + " is empty.");
        return new Parsed(EmailTemplate.parse(v.subject(), "subject of " + what), EmailTemplate.parse(v.html(), "body of " + what),
                v.text() == null || v.text().isBlank() ? null : EmailTemplate.parse(v.text(), "text of " + what), fromHeader(v.sender()));
    }

    @Override
    public Outgoing compose(Recipient r, Variant v) {
        Parsed t = templates.computeIfAbsent(v.id(), id -> parse(v));
        String unsubscribe = signer.unsubscribeUrl(r.id());
        Map<String, String> values = new HashMap<>(8);
        values.put("first_name", r.firstName());
        values.put("last_name", r.lastName());
        values.put("full_name", ((r.firstName() == null ? "" : r.firstName()) + " " + (r.lastName() == null ? "" : r.lastName())).strip());
        values.put("email", r.address());
        values.put("data_origin", r.origin());
        values.put("unsubscribe_url", unsubscribe);

        String html = t.html().html(values);
        String footerText = footer(r.origin(), unsubscribe);
        String text = (t.text() == null ? EmailTemplate.plainText(html) : t.text().text(values)) + "\n\n-- \n" + footerText;
        html = tracked(html, r.id(), unsubscribe) + "\n<hr><p style=\"font-size:small;color:#555\">"
                + EmailTemplate.escape(footerText).replace("\n", "<br>") + "</p><img src=\"" + signer.openUrl(r.id())
                + "\" width=\"1\" height=\"1\" alt=\"\">";
        String boundary = "=_m" + r.id();
        StringBuilder h = new StringBuilder(1024);
        h.append("From: ").append(t.fromHeader()).append("\r\n");
        h.append("To: <").append(r.address()).append(">\r\n");
        h.append("Subject: ").append(encodeHeader(t.subject().text(values).replaceAll("[\\r\\n]+", " "))).append("\r\n");
        h.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        h.append("Message-ID: <").append(messageId(r)).append(">\r\n");
        h.append("MIME-Version: 1.0\r\n");
        h.append("List-Unsubscribe: <").append(unsubscribe).append(">\r\n");
        h.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        h.append("X-Muster-Recipient: ").append(r.id()).append("\r\n");
        h.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + text.length() * 2 + html.length() * 2);
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        part(out, boundary, "text/plain", text);
        part(out, boundary, "text/html", html);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Outgoing(r.id(), r.address(), signer.bounceAddress(r.id(), mailDomain), out.toByteArray());
    }

    public String messageId(Recipient r) {
        return signer.messageId(r.id(), mailDomain);
    }

    private String footer(String origin, String unsubscribe) {
        String line = stateOrigin && origin != null && !origin.isBlank()
                ? "You receive this message because your details came to us from: " + origin + ".\n" : "";
        return line + "Unsubscribe: " + unsubscribe;
    }

    private String tracked(String html, long recipientId, String unsubscribe) {
        Matcher m = HREF.matcher(html);
        return m.replaceAll(match -> {
            String url = match.group(1).replace("&amp;", "&");
            if (url.equals(unsubscribe)) return Matcher.quoteReplacement(match.group());
            return Matcher.quoteReplacement("href=\"" + EmailTemplate.escape(signer.clickUrl(recipientId, url)) + "\"");
        });
    }

    private static void part(ByteArrayOutputStream out, String boundary, String type, String body) {
        out.writeBytes(("--" + boundary + "\r\nContent-Type: " + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(MIME_BASE64.encode(body.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    /** "Name <addr>" with the name RFC 2047-encoded when it is not plain ASCII. */
    private static String fromHeader(String sender) {
        String s = sender.strip().replaceAll("[\\r\\n]+", " ");
        int lt = s.lastIndexOf('<');
        if (lt <= 0) return s.startsWith("<") ? s : "<" + s + ">";
        String name = s.substring(0, lt).strip().replace("\"", "");
        return encodeHeader(name) + " " + s.substring(lt);
    }

    static String encodeHeader(String value) {
        if (value.chars().allMatch(c -> c >= 32 && c < 127)) return value;
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** The envelope sender address of a variant's From ("Name <a@b>" gives a@b). */
    public static String address(String sender) {
        String s = sender.strip();
        int lt = s.lastIndexOf('<');
        return lt >= 0 ? s.substring(lt + 1, s.indexOf('>', lt) < 0 ? s.length() : s.indexOf('>', lt)) : s;
    }
}
