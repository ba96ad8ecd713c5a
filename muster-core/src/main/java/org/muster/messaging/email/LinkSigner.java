package org.muster.messaging.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the links a message carries (open pixel, tracked clicks, unsubscribe, bounce address) with
 * HMAC-SHA256 under the database's key, so nobody can forge an open, a click to an arbitrary site through our
 * redirect, or an unsubscription of someone else. Thread-safe.
 */
public final class LinkSigner {

    private final SecretKeySpec key;
    private final String publicUrl;
    private final ThreadLocal<Mac> macs;

    /** @param publicUrl where the server is reached from the internet, without a trailing slash */
    public LinkSigner(byte[] key, String publicUrl) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(this.key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Where the server is reached from the internet, without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    /** 96 bits of the HMAC, base64url: 16 characters. */
    public String sign(String purpose, long recipientId, String data) {
        Mac mac = macs.get();
        mac.update((purpose + ":" + recipientId + ":" + (data == null ? "" : data)).getBytes(StandardCharsets.UTF_8));
        byte[] full = mac.doFinal();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 12));
    }

    public boolean verify(String purpose, long recipientId, String data, String signature) {
        if (signature == null) return false;
        return MessageDigest.isEqual(sign(purpose, recipientId, data).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    public String openUrl(long recipientId) {
        return publicUrl + "/m/o/" + recipientId + "/" + sign("o", recipientId, null) + ".gif";
    }

    public String clickUrl(long recipientId, String target) {
        return publicUrl + "/m/c/" + recipientId + "/" + sign("c", recipientId, target) + "?u="
                + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    public String unsubscribeUrl(long recipientId) {
        return publicUrl + "/m/u/" + recipientId + "/" + sign("u", recipientId, null);
    }

    /** VERP envelope sender: a bounce to it names the recipient even when the bounce itself is unreadable. */
    public String bounceAddress(long recipientId, String mailDomain) {
        return "bounce+" + recipientId + "." + sign("b", recipientId, null) + "@" + mailDomain;
    }

    /** The recipient id of a bounce address this signer made, or -1. */
    public long recipientOfBounceAddress(String address) {
        return signedRecipient(address, "bounce+", "b");
    }

    /**
     * The Message-ID (without angle brackets) of the message to a recipient: a reply names it in In-Reply-To, which
     * ties the reply to the recipient and so to the variant they got.
     */
    public String messageId(long recipientId, String mailDomain) {
        return "m" + recipientId + "." + sign("m", recipientId, null) + "@" + mailDomain;
    }

    /** The recipient id of a Message-ID this signer made, or -1. */
    public long recipientOfMessageId(String messageId) {
        return signedRecipient(messageId, "m", "m");
    }

    /** {@code <prefix>ID.SIG@domain}, angle brackets optional, checked against the purpose's signature. */
    private long signedRecipient(String address, String prefix, String purpose) {
        String a = address.strip();
        if (a.startsWith("<")) a = a.substring(1, a.length() - (a.endsWith(">") ? 1 : 0));
        if (!a.startsWith(prefix)) return -1;
        int dot = a.indexOf('.', prefix.length());
        int at = a.indexOf('@');
        if (dot < 0 || at < dot) return -1;
        try {
            long id = Long.parseLong(a.substring(prefix.length(), dot));
            return verify(purpose, id, null, a.substring(dot + 1, at)) ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
