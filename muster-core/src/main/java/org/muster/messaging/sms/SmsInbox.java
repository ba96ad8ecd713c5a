package org.muster.messaging.sms;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.muster.voterfile.Phones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what gateways report. An opt-out reply ({@link StopWords}) withdraws sms consent for every person with
 * that number at once, so a running job skips them at their next commit point, and gets one confirmation text:
 * only the reply that first opts the number out triggers it. Any other reply lands on the timelines of the people
 * with that number as activity {@value #REPLY_ACTIVITY}. Receipts update the recipient's status. Numbers without
 * a country code are read as US numbers.
 */
public final class SmsInbox implements GatewayEvents {

    public static final String REPLY_ACTIVITY = "sms.reply";
    private static final Logger LOG = LoggerFactory.getLogger(SmsInbox.class);

    private final SmsStore store;
    private final long campaignId;
    private final Supplier<SmsGateway> gateway;
    private final String confirmation;
    private final Clock clock;

    public SmsInbox(SmsStore store, long campaignId, Supplier<SmsGateway> gateway, String confirmation, Clock clock) {
        this.store = store;
        this.campaignId = campaignId;
        this.gateway = gateway;
        this.confirmation = confirmation;
        this.clock = clock;
    }

    @Override
    public void receipt(String gatewayId, String state, String error) {
        if (gatewayId == null || gatewayId.isBlank()) return;
        store.recordReceipt(campaignId, gatewayId.strip(), state, error, clock.millis());
    }

    @Override
    public void inbound(String sender, String text) {
        if (sender == null || sender.isBlank()) return;
        // people's phones are stored E.164; a gateway may post national or formatted numbers
        String from = sender.strip().startsWith("+") ? sender.strip() : Objects.requireNonNullElse(Phones.e164(sender, "US"), sender.strip());
        String body = text == null ? "" : text;
        if (!StopWords.isOptOut(body)) {
            store.recordReply(campaignId, from, body, clock.millis());
            return;
        }
        if (!store.optOut(campaignId, from, body, clock.millis())) return;
        // off the gateway's receiving thread: a submit from inside a deliver_sm handler would wait on itself
        Thread.ofVirtual().name("sms-stop-reply").start(() -> confirm(from));
    }

    private void confirm(String to) {
        SmsGateway g = gateway.get();
        if (g == null || confirmation == null || confirmation.isBlank()) return;
        try {
            g.submit(null, to, confirmation);
            store.confirmOptOut(campaignId, to, clock.millis());
        } catch (SmsGatewayException e) {
            LOG.warn("The opt-out confirmation to a number could not be sent: {}", e.getMessage());
        }
    }
}
