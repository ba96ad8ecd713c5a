package org.muster.messaging.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMS body with placeholders: {@code {{first_name}}}, {@code {{last_name}}}, {@code {{data_origin}}} (where the
 * person's details came from), optionally with a fallback for people without that value, {@code {{first_name|friend}}}. SMS is plain text, so nothing is escaped; an unknown
 * placeholder is an error naming it.
 */
public final class SmsTemplate {

    public static final List<String> FIELDS = List.of("first_name", "last_name", "data_origin");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z_]+)\\s*(?:\\|([^}]*))?}}");

    private final String body;

    public SmsTemplate(String body) {
        if (body == null || body.isBlank()) throw new IllegalArgumentException("message: the message is empty");
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) unknown.add(m.group(1));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("message: unknown placeholder {{" + unknown.getFirst() + "}}; known: "
                    + String.join(", ", FIELDS));
        }
        this.body = body;
    }

    public String body() {
        return body;
    }

    public String render(Map<String, String> values) {
        return PLACEHOLDER.matcher(body).replaceAll(m -> {
            String value = values.get(m.group(1));
            String text = value == null || value.isBlank() ? (m.group(2) == null ? "" : m.group(2)) : value;
            return Matcher.quoteReplacement(text);
        });
    }
}
