package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.muster.messaging.email.LinkSigner;

/** Short tracked links in texts: which links are found, how they are rewritten, and that only our tokens parse. */
class SmsLinksTest {

    private static final LinkSigner SIGNER = new LinkSigner("a key of this database".getBytes(StandardCharsets.UTF_8), "https://muster.example/");
    private static final SmsLinks LINKS = new SmsLinks(SIGNER);
    private static final Pattern TRACKED = Pattern.compile("https://muster\\.example/s/([0-9a-z]+[0-9a-z][A-Za-z0-9_-]{8})");

    @Test
    void linksEndBeforeTheSentencesPunctuation() {
        assertThat(SmsLinks.urls("Vote early (https://vote.example/nc?src=sms). Or see http://a.example/x, then https://b.example/y!"))
                .containsExactly("https://vote.example/nc?src=sms", "http://a.example/x", "https://b.example/y");
        assertThat(SmsLinks.urls("No link here, just www.example.com and ftp://files.example")).isEmpty();
    }

    @Test
    void eachLinkBecomesAShortTokenThatNamesTheRowAndThePlace() {
        String text = "Hi Ann, vote early: https://vote.example/nc?src=sms&utm=1. Donate: https://give.example/ada. Reply STOP to opt out";
        String sent = LINKS.track(123_456, text);
        assertThat(sent).startsWith("Hi Ann, vote early: https://muster.example/s/").contains(". Donate: https://muster.example/s/")
                .endsWith(". Reply STOP to opt out").doesNotContain("vote.example", "give.example");
        List<String> tokens = tokens(sent);
        assertThat(tokens).hasSize(2);
        assertThat(tokens.getFirst()).hasSizeLessThanOrEqualTo(Long.toString(123_456, 36).length() + 1 + 8);
        assertThat(LINKS.parse(tokens.get(0))).isEqualTo(new SmsLinks.Click(123_456, 0));
        assertThat(LINKS.parse(tokens.get(1))).isEqualTo(new SmsLinks.Click(123_456, 1));
        assertThat(LINKS.track(123_456, text)).as("a resend after a crash carries the same links").isEqualTo(sent);
        assertThat(LINKS.track(123_457, text)).as("another row, other tokens").isNotEqualTo(sent);
        assertThat(LINKS.track(1, "Plain text, no link")).isEqualTo("Plain text, no link");
    }

    @Test
    void onlyTokensThisServerMadeParse() {
        String token = tokens(LINKS.track(98_765, "https://vote.example")).getFirst();
        String row = Long.toString(98_765, 36);
        assertThat(LINKS.parse(Long.toString(98_766, 36) + token.substring(row.length()))).as("another row's id under this signature").isNull();
        assertThat(LINKS.parse(token.substring(0, row.length()) + "1" + token.substring(row.length() + 1))).as("another place").isNull();
        char last = token.charAt(token.length() - 1);
        assertThat(LINKS.parse(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).as("a changed signature").isNull();
        assertThat(LINKS.parse(token.substring(0, token.length() - 1))).as("cut short").isNull();
        assertThat(new SmsLinks(new LinkSigner("another key".getBytes(StandardCharsets.UTF_8), "https://muster.example")).parse(token))
                .as("another database's key").isNull();
        assertThat(LINKS.parse("0" + token)).as("a leading zero is not the same row").isNull();
        for (String junk : List.of("", "abc", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "-1x12345678", "!!!!!!!!!!!!")) assertThat(LINKS.parse(junk)).as(junk).isNull();
    }

    @Test
    void linksAfterTheThirtySixthGoAsWritten() {
        String text = IntStream.range(0, 38).mapToObj(i -> "https://l" + i + ".example").collect(Collectors.joining(" "));
        String sent = LINKS.track(5, text);
        assertThat(tokens(sent)).hasSize(36);
        assertThat(sent).endsWith(" https://l36.example https://l37.example");
    }

    private static List<String> tokens(String text) {
        Matcher m = TRACKED.matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }
}
