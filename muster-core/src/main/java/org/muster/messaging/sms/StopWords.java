package org.muster.messaging.sms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises opt-out replies: the first word of the message, case- and accent-insensitive and ignoring
 * punctuation and surrounding space, is one of STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT or ARRET (so
 * "Stop please", " stop! " and "Arrêt" opt out; "don't stop" and "stopping" do not).
 */
public final class StopWords {

    public static final Set<String> WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET");

    private StopWords() {
    }

    public static boolean isOptOut(String message) {
        if (message == null) return false;
        String plain = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}", "").strip().toUpperCase(Locale.ROOT);
        String first = plain.split("[^A-Z]", 2)[0];
        return WORDS.contains(first);
    }
}
