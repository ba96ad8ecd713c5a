package org.muster.messaging.email;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.messaging.MessagingStore;

/**
 * Turns bounces into undeliverable addresses. The recipient is found through our signed VERP address (the bounce
 * was sent to {@code bounce+ID.SIG@domain}) and the failed address through the DSN's Final-Recipient; only hard
 * failures (action failed, status 5.x.x) count — a full mailbox or a delay is not a reason to stop writing.
 */
public final class BounceProcessor {

    private static final Pattern VERP = Pattern.compile("bounce\\+[0-9]+\\.[A-Za-z0-9_-]+@[^>\\s,;]+");

    private final MessagingStore store;
    private final LinkSigner signer;
    private final long campaignId;
    private final Clock clock;

    public BounceProcessor(MessagingStore store, LinkSigner signer, long campaignId, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.campaignId = campaignId;
        this.clock = clock;
    }

    /** Handles one raw bounce message; returns how many people's addresses became undeliverable. */
    public int process(byte[] raw) {
        Dsn dsn = Dsn.parse(raw);
        long recipient = verpRecipient(dsn);
        int marked = 0;
        for (Dsn.RecipientStatus r : dsn.recipients()) {
            if (!r.hard()) continue;
            marked += hardBounce(recipient, r.address(), r.status() + (r.diagnostic() == null ? "" : " " + r.diagnostic()));
        }
        return marked;
    }

    /** A bounce reported by a webhook (a sending service's JSON): address, status code, diagnostic. */
    public int process(String address, String status, String diagnostic) {
        if (address == null || address.isBlank() || status == null || !status.strip().startsWith("5")) return 0;
        return hardBounce(-1, address.strip(), status.strip() + (diagnostic == null ? "" : " " + diagnostic));
    }

    private int hardBounce(long recipient, String address, String detail) {
        var tracked = recipient > 0 ? store.tracked(recipient) : java.util.Optional.<MessagingStore.Tracked>empty();
        if (tracked.isPresent() && tracked.get().address().equalsIgnoreCase(address)) {
            store.recordEvent(recipient, "bounce", detail, clock.instant());
        }
        long campaign = tracked.map(MessagingStore.Tracked::campaignId).orElse(campaignId);
        return store.markUndeliverable(campaign, address, detail, clock.instant());
    }

    private long verpRecipient(Dsn dsn) {
        for (String header : List.of("to", "delivered-to", "x-original-to", "envelope-to", "return-path")) {
            String value = dsn.headers().get(header);
            if (value == null) continue;
            Matcher m = VERP.matcher(value.toLowerCase(Locale.ROOT).contains("bounce+") ? value : "");
            while (m.find()) {
                long id = signer.recipientOfBounceAddress(m.group());
                if (id > 0) return id;
            }
        }
        return -1;
    }
}
