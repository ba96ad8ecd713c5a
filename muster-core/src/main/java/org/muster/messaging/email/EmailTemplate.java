package org.muster.messaging.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template with placeholders: {@code {{first_name}}}, or with a fallback for people who lack the value,
 * {@code {{first_name|friend}}}. The template's own text is the author's (trusted HTML); every value put in is
 * escaped for the output it lands in, so a person named {@code <script>} reaches nobody as markup.
 * Parsed once per variant; rendering is a walk over the parts.
 */
public final class EmailTemplate {

    /** The placeholders a template may use. */
    public static final Set<String> NAMES = Set.of("first_name", "last_name", "full_name", "email", "data_origin", "unsubscribe_url");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z_]+)\\s*(?:\\|([^}]*))?}}");

    private final List<Object> parts;

    private record Slot(String name, String fallback) {
    }

    private EmailTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /**
     * @param what names the template in errors, e.g. "subject of variant A"
     * @throws IllegalArgumentException naming an unknown placeholder or an unclosed {@code {{}
     */
    public static EmailTemplate parse(String text, String what) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) parts.add(text.substring(at, m.start()));
            String name = m.group(1);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown placeholder {{" + name + "}} in the " + what + "; known: "
                        + String.join(", ", NAMES.stream().sorted().toList()) + ".");
            }
            parts.add(new Slot(name, m.group(2) == null ? "" : m.group(2).strip()));
            at = m.end();
        }
        if (at < text.length()) parts.add(text.substring(at));
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.contains("{{")) throw new IllegalArgumentException("The " + what + " has a {{ that does not close as a placeholder.");
        return new EmailTemplate(List.copyOf(parts));
    }

    /** Renders with values escaped for HTML. */
    public String html(Map<String, String> values) {
        return render(values, true);
    }

    /** Renders with values as they are (plain text, subjects). */
    public String text(Map<String, String> values) {
        return render(values, false);
    }

    private String render(Map<String, String> values, boolean html) {
        StringBuilder out = new StringBuilder(256);
        for (Object p : parts) {
            if (p instanceof Slot s) {
                String v = values.get(s.name());
                String value = v == null || v.isBlank() ? s.fallback() : v;
                out.append(html ? escape(value) : value);
            } else {
                out.append((String) p);
            }
        }
        return out.toString();
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href\\s*=\\s*\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>|</(p|div|h[1-6]|li|tr)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    /** The plain-text alternative of rendered HTML: links as "text (url)", blocks as lines, tags dropped. */
    public static String plainText(String html) {
        String s = LINK.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2).equals(m.group(1)) ? m.group(1) : m.group(2) + " (" + m.group(1) + ")"));
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ")
                .replace("&amp;", "&");
        return s.lines().map(String::strip).reduce((a, b) -> a.isEmpty() && b.isEmpty() ? a : a + "\n" + b).orElse("").strip();
    }
}
