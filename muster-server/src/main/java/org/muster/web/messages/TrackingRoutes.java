package org.muster.web.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.muster.messaging.Channel;
import org.muster.messaging.MessagingStore;
import org.muster.messaging.email.BounceProcessor;
import org.muster.messaging.email.LinkSigner;
import org.muster.web.view.Html;
import org.muster.web.view.Layout;
import org.muster.web.view.PageContext;

/**
 * The links inside messages: the open pixel, tracked clicks (a redirect only to the URL the signature covers, so
 * this is no open redirect), the unsubscribe page and its one-click POST (RFC 8058), and the bounce webhook.
 */
public final class TrackingRoutes {

    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessagingStore store;
    private final LinkSigner signer;
    private final BounceProcessor bounces;
    private final String bounceToken;
    private final String campaignName;
    private final Clock clock;

    public TrackingRoutes(MessagingStore store, LinkSigner signer, BounceProcessor bounces, String bounceToken, String campaignName, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.bounces = bounces;
        this.bounceToken = bounceToken;
        this.campaignName = campaignName;
        this.clock = clock;
    }

    /** Paths open to anyone: authorised by the signature in the link, or the webhook's token. */
    public static boolean isPublic(String path) {
        return path.startsWith("/m/");
    }

    public void register(Javalin app) {
        app.get("/m/o/{recipient}/{signature}", this::open);
        app.get("/m/c/{recipient}/{signature}", this::click);
        app.get("/m/u/{recipient}/{signature}", this::unsubscribePage);
        app.post("/m/u/{recipient}/{signature}", this::unsubscribe);
        app.post("/m/bounces", this::bounce);
    }

    private static long recipient(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("recipient"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    private void open(Context ctx) {
        long id = recipient(ctx);
        String signature = ctx.pathParam("signature").replaceFirst("\\.gif$", "");
        if (signer.verify("o", id, null, signature) && store.tracked(id).isPresent()) store.recordEvent(id, "open", null, clock.instant());
        ctx.contentType("image/gif").result(PIXEL);
    }

    private void click(Context ctx) {
        long id = recipient(ctx);
        String target = ctx.queryParam("u");
        if (target == null || !signer.verify("c", id, target, ctx.pathParam("signature"))
                || !(target.startsWith("https://") || target.startsWith("http://"))) {
            throw new BadRequestResponse("This link is not valid. It may have been changed or cut short.");
        }
        if (store.tracked(id).isPresent()) store.recordEvent(id, "click", target, clock.instant());
        ctx.redirect(target);
    }

    private MessagingStore.Tracked signedRecipient(Context ctx) {
        long id = recipient(ctx);
        Optional<MessagingStore.Tracked> tracked = store.tracked(id);
        if (tracked.isEmpty() || !signer.verify("u", id, null, ctx.pathParam("signature"))) {
            throw new BadRequestResponse("This unsubscribe link is not valid. It may have been changed or cut short.");
        }
        return tracked.get();
    }

    private void unsubscribePage(Context ctx) {
        MessagingStore.Tracked t = signedRecipient(ctx);
        ctx.html(Layout.page(new PageContext(campaignName, null, ""), "Unsubscribe", Html.of("""
                <h1>Unsubscribe</h1>
                <p>Stop all email from %s to <strong>%s</strong>?</p>
                <form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>
                """, campaignName, t.address())).toString());
    }

    /** The page's button and mail programs' one-click POST both end here; doing it twice is harmless. */
    private void unsubscribe(Context ctx) {
        MessagingStore.Tracked t = signedRecipient(ctx);
        store.withdraw(t.id(), Channel.EMAIL, "unsubscribe link of send " + t.sendId(), clock.instant());
        ctx.html(Layout.page(new PageContext(campaignName, null, ""), "Unsubscribed", Html.of("""
                <h1>You are unsubscribed</h1>
                <p><strong>%s</strong> will get no more email from %s, from this message on, in every list.</p>
                """, t.address(), campaignName)).toString());
    }

    /**
     * A bounce pushed by a mail service: a raw DSN (message/rfc822, multipart/report) or JSON
     * {@code {"email": ..., "status": "5.1.1", "diagnostic": ...}}; needs {@code Authorization: Bearer MUSTER_BOUNCE_TOKEN}.
     */
    private void bounce(Context ctx) throws IOException {
        if (bounceToken == null || bounceToken.isBlank()) throw new NotFoundResponse();
        String given = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        if (!MessageDigest.isEqual(("Bearer " + bounceToken).getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedResponse("A bounce needs the bounce token.");
        }
        int marked;
        if (Optional.ofNullable(ctx.contentType()).orElse("").startsWith("application/json")) {
            JsonNode body;
            try {
                body = JSON.readTree(ctx.bodyAsBytes());
            } catch (IOException e) {
                throw new BadRequestResponse("The body is not JSON: " + e.getMessage());
            }
            if (body == null || !body.hasNonNull("email") || !body.hasNonNull("status")) {
                throw new BadRequestResponse("A JSON bounce needs \"email\" and \"status\" (e.g. 5.1.1).");
            }
            marked = bounces.process(body.get("email").asText(), body.get("status").asText(),
                    body.hasNonNull("diagnostic") ? body.get("diagnostic").asText() : null);
        } else {
            marked = bounces.process(ctx.bodyAsBytes());
        }
        ctx.json(java.util.Map.of("undeliverable", marked));
    }
}
