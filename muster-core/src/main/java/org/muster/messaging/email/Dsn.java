package org.muster.messaging.email;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delivery status notification (RFC 3464): a multipart/report whose message/delivery-status part holds one
 * block of fields per recipient. Only what bounce handling needs is read: the top-level headers (to find our
 * VERP address) and per recipient Final-Recipient, Action, Status and Diagnostic-Code.
 */
public record Dsn(Map<String, String> headers, List<RecipientStatus> recipients) {

    /** One recipient's fate. {@code status} like 5.1.1; hard when the action is failed and the class is 5. */
    public record RecipientStatus(String address, String action, String status, String diagnostic) {
        public boolean hard() {
            return "failed".equalsIgnoreCase(action) && status != null && status.startsWith("5");
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    /** Reads a raw message; one that is not a DSN gives no recipients (and its headers). */
    public static Dsn parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int split = text.indexOf("\n\n");
        Map<String, String> headers = fields(split < 0 ? text : text.substring(0, split));
        String body = split < 0 ? "" : text.substring(split + 2);
        List<RecipientStatus> out = new ArrayList<>();
        String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        Matcher b = BOUNDARY.matcher(headers.getOrDefault("content-type", ""));
        if (type.startsWith("multipart/") && b.find()) {
            for (String part : body.split("\n--" + Pattern.quote(b.group(1)))) {
                String p = part.startsWith("--" + b.group(1)) ? part.substring(2 + b.group(1).length()) : part;
                p = p.startsWith("\n") ? p.substring(1) : p;
                int ps = p.indexOf("\n\n");
                if (ps < 0) continue;
                Map<String, String> partHeaders = fields(p.substring(0, ps));
                if (partHeaders.getOrDefault("content-type", "").toLowerCase(Locale.ROOT).startsWith("message/delivery-status")) {
                    recipients(p.substring(ps + 2), out);
                }
            }
        }
        return new Dsn(headers, out);
    }

    private static void recipients(String status, List<RecipientStatus> out) {
        String[] blocks = status.strip().split("\n\\s*\n");
        // The first block is about the message; each later one about a recipient.
        for (int i = 1; i < blocks.length; i++) {
            Map<String, String> f = fields(blocks[i]);
            String recipient = f.getOrDefault("final-recipient", f.get("original-recipient"));
            if (recipient == null) continue;
            String address = recipient.contains(";") ? recipient.substring(recipient.indexOf(';') + 1).strip() : recipient.strip();
            String code = f.get("status");
            out.add(new RecipientStatus(address.replaceAll("[<>]", ""), f.getOrDefault("action", "").strip(),
                    code == null ? null : code.strip().split("\\s")[0], f.get("diagnostic-code")));
        }
    }

    /** Header-style fields, lower-case names, continuation lines unfolded; the first of a repeated name wins. */
    static Map<String, String> fields(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : block.split("\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) out.putIfAbsent(name, value.toString().strip());
            int colon = line.indexOf(':');
            if (colon <= 0) {
                name = null;
                continue;
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            value = new StringBuilder(line.substring(colon + 1));
        }
        if (name != null) out.putIfAbsent(name, value.toString().strip());
        return out;
    }
}
