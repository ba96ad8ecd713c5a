package org.muster.voterfile;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as files carry them: trimmed and lower-cased; anything that is not an address is dropped. */
public final class Emails {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private Emails() {
    }

    /** "  Ann.Lee@Example.ORG " to "ann.lee@example.org"; null when the text is not an address. */
    public static String normalise(String raw) {
        if (raw == null) return null;
        String email = raw.strip().toLowerCase(Locale.ROOT);
        return ADDRESS.matcher(email).matches() ? email : null;
    }
}
