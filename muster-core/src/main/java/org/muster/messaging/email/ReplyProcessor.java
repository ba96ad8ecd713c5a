package org.muster.messaging.email;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.messaging.MessagingStore;

/**
 * Turns mail in the reply mailbox into {@code reply} events of the recipient it answers, which is what the REPLY
 * metric of an A/B test counts. The recipient is found through our signed Message-ID in the reply's In-Reply-To or
 * References (mail programs keep it), else through the sender's address: the campaign's latest message sent to it.
 * Automatic answers (RFC 3834 {@code Auto-Submitted}, out-of-office {@code Precedence}) and delivery reports are
 * not replies and are left out.
 */
public final class ReplyProcessor {

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private final MessagingStore store;
    private final LinkSigner signer;
    private final long campaignId;
    private final Clock clock;

    public ReplyProcessor(MessagingStore store, LinkSigner signer, long campaignId, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.campaignId = campaignId;
        this.clock = clock;
    }

    /** Handles one raw message; returns the recipient it was counted as a reply of, or -1. */
    public long process(byte[] raw) {
        Dsn parsed = Dsn.parse(raw);
        Map<String, String> h = parsed.headers();
        if (!parsed.recipients().isEmpty() || automatic(h)) return -1;
        long recipient = answered(h);
        if (recipient < 0) return -1;
        String subject = h.get("subject");
        store.recordEvent(recipient, "reply", subject == null ? null : "Replied: " + subject, clock.instant());
        return recipient;
    }

    private long answered(Map<String, String> h) {
        for (String header : List.of("in-reply-to", "references")) {
            String value = h.get(header);
            if (value == null) continue;
            Matcher m = MESSAGE_ID.matcher(value);
            while (m.find()) {
                long id = signer.recipientOfMessageId(m.group(1));
                if (id > 0 && store.tracked(id).filter(t -> t.campaignId() == campaignId).isPresent()) return id;
            }
        }
        String from = h.get("from");
        if (from == null || !from.contains("@")) return -1;
        Optional<Long> latest = store.latestSentTo(campaignId, EmailComposer.address(from));
        return latest.orElse(-1L);
    }

    private static boolean automatic(Map<String, String> h) {
        String auto = h.getOrDefault("auto-submitted", "no").strip().toLowerCase(Locale.ROOT);
        String precedence = h.getOrDefault("precedence", "").strip().toLowerCase(Locale.ROOT);
        return !auto.startsWith("no") || precedence.equals("auto_reply") || precedence.equals("bulk") || precedence.equals("junk")
                || h.getOrDefault("content-type", "").toLowerCase(Locale.ROOT).startsWith("multipart/report");
    }
}
