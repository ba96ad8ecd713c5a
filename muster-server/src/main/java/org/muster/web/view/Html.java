package org.muster.web.view;

import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A piece of markup that is safe to send to a browser. Values only ever enter markup through {@link #of},
 * which escapes everything that is not already {@code Html}, so forgetting to escape is not possible.
 */
public final class Html {

    public static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Markup written in this code base. Never pass data read from a request or a store here. */
    public static Html raw(String trustedMarkup) {
        return new Html(Objects.requireNonNull(trustedMarkup));
    }

    /**
     * Fills each {@code %s} of the template with the next argument: {@code Html} as is, anything else escaped,
     * null as nothing. Other {@code %} characters are left alone, so CSS and percentages need no doubling.
     */
    public static Html of(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
        int next = 0;
        int from = 0;
        for (int at = template.indexOf("%s"); at >= 0; at = template.indexOf("%s", from)) {
            if (next == args.length) throw new IllegalArgumentException("More %s than arguments in: " + template);
            out.append(template, from, at);
            Object arg = args[next++];
            out.append(arg instanceof Html html ? html.markup : escape(arg));
            from = at + 2;
        }
        if (next != args.length) throw new IllegalArgumentException("More arguments than %s in: " + template);
        return new Html(out.append(template, from, template.length()).toString());
    }

    /** Escapes a value for use in element content and in quoted attribute values; null becomes "". */
    public static String escape(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
                out.append(entity);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Concatenates fragments, e.g. table rows produced by a stream. */
    public static Collector<Html, ?, Html> joining() {
        return Collectors.collectingAndThen(
                Collectors.mapping(h -> h.markup, Collectors.joining()), Html::new);
    }

    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Html other && other.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }
}
