package org.muster.messaging.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.messaging.email.LinkSigner;

/**
 * Short tracked links for texts. Every http(s) link in a text a job sends is replaced, when the text is submitted,
 * by {@code <public url>/s/<token>}: the token is the recipient row (base 36), the link's place in the row's text
 * (one base-36 digit, so the first 36 links) and 8 characters of the row's HMAC ({@link LinkSigner}). The target
 * is not in the link: the click handler reads the row's stored text and takes its n-th link, so the link stays
 * short (an SMS segment is 160 characters) and can only ever lead where the text itself pointed.
 *
 * <p>48 bits of signature are enough here: a forged token can at worst count a click for a row, never redirect
 * anywhere the campaign did not write.
 */
public final class SmsLinks {

    /** The timeline activity of a person's first click on a text's link. */
    public static final String CLICK_ACTIVITY = "sms.click";

    /** A link ends at white space; trailing punctuation belongs to the sentence, not the URL. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)'\\]]");
    private static final int MAX_LINKS = 36;
    private static final int SIGNATURE = 8;
    private static final String PURPOSE = "s";

    private final LinkSigner signer;
    private final String prefix;

    public SmsLinks(LinkSigner signer) {
        this.signer = signer;
        this.prefix = signer.publicUrl() + "/s/";
    }

    /** A click on a tracked link: the recipient row and the place of the link in its text (0-based). */
    public record Click(long recipientId, int link) {
    }

    /** The links of a text, in order. */
    public static List<String> urls(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The text as sent to the recipient row {@code recipientId}: its first 36 links replaced by tracked ones. */
    public String track(long recipientId, String text) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int n = 0;
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(n < MAX_LINKS ? prefix + token(recipientId, n) : m.group()));
            n++;
        }
        return m.appendTail(out).toString();
    }

    /** The click a token names, or null when it is malformed or its signature does not hold. */
    public Click parse(String token) {
        if (token == null || token.length() < SIGNATURE + 2 || token.length() > SIGNATURE + 14) return null;
        int link = Character.digit(token.charAt(token.length() - SIGNATURE - 1), 36);
        String row = token.substring(0, token.length() - SIGNATURE - 1);
        long recipientId;
        try {
            recipientId = Long.parseLong(row, 36);
        } catch (NumberFormatException e) {
            return null;
        }
        if (link < 0 || recipientId <= 0 || !row.equals(Long.toString(recipientId, 36))) return null;
        byte[] expected = token(recipientId, link).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII)) ? new Click(recipientId, link) : null;
    }

    private String token(long recipientId, int link) {
        return Long.toString(recipientId, 36) + Character.forDigit(link, 36)
                + signer.sign(PURPOSE, recipientId, Integer.toString(link)).substring(0, SIGNATURE);
    }
}
