package org.muster.messaging.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of an SMS text: GSM 03.38 7-bit when every character is in the GSM alphabet (with its extension
 * table), else UCS-2. Counts characters and segments the way handsets and gateways bill them: one segment holds
 * 160 GSM septets or 70 UCS-2 units, a concatenated part 153 or 67 (the rest is the header), and neither an
 * escape pair nor a surrogate pair is split across parts.
 */
public record SmsText(Encoding encoding, int units, int segments) {

    public enum Encoding {
        GSM7(160, 153, (byte) 0x00), UCS2(70, 67, (byte) 0x08);

        final int single;
        final int part;
        /** SMPP data_coding value. */
        public final byte dataCoding;

        Encoding(int single, int part, byte dataCoding) {
            this.single = single;
            this.part = part;
            this.dataCoding = dataCoding;
        }
    }

    /** The GSM 03.38 default alphabet, indexed by septet value; 0x1B is the escape to the extension table. */
    static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension table characters and the septet that follows the escape. */
    private static final String GSM_EXTENDED = "\f^{}\\[~]|€";
    private static final byte[] GSM_EXTENDED_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    private static final byte ESCAPE = 0x1B;

    public static SmsText of(String text) {
        boolean gsm = text.codePoints().allMatch(c -> c != ESCAPE && (GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENDED.indexOf(c) >= 0));
        Encoding encoding = gsm ? Encoding.GSM7 : Encoding.UCS2;
        int units = 0;
        int segments = 1;
        int inPart = 0;
        int[] widths = text.codePoints().map(c -> gsm ? (GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1) : Character.charCount(c)).toArray();
        for (int w : widths) units += w;
        if (units > encoding.single) {
            // greedy packing into concatenated parts, never splitting one character's units
            for (int w : widths) {
                if (inPart + w > encoding.part) {
                    segments++;
                    inPart = 0;
                }
                inPart += w;
            }
        }
        return new SmsText(encoding, units, segments);
    }

    /** The bytes to put in short_message or message_payload: unpacked septets for GSM, UTF-16BE for UCS-2. */
    public static byte[] encode(String text, Encoding encoding) {
        if (encoding == Encoding.UCS2) return text.getBytes(StandardCharsets.UTF_16BE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        text.codePoints().forEach(c -> {
            int basic = GSM_BASIC.indexOf(c);
            if (basic >= 0 && c != ESCAPE) {
                out.write(basic);
            } else {
                int ext = GSM_EXTENDED.indexOf(c);
                if (ext < 0) throw new IllegalArgumentException("'" + Character.toString(c) + "' is not in the GSM 7-bit alphabet");
                out.write(ESCAPE);
                out.write(GSM_EXTENDED_CODES[ext]);
            }
        });
        return out.toByteArray();
    }

    /** Reads a received message by its SMPP data_coding: 0 GSM septets, 8 UCS-2, 3 Latin-1, else ASCII-compatible. */
    public static String decode(byte[] bytes, byte dataCoding) {
        return switch (dataCoding & 0x0F) {
            case 0x08 -> new String(bytes, StandardCharsets.UTF_16BE);
            case 0x03 -> new String(bytes, StandardCharsets.ISO_8859_1);
            case 0x00 -> decodeGsm(bytes);
            default -> new String(bytes, StandardCharsets.ISO_8859_1);
        };
    }

    private static String decodeGsm(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0x7F;
            if (b == ESCAPE && i + 1 < bytes.length) {
                int next = bytes[++i] & 0x7F;
                int ext = indexOf(GSM_EXTENDED_CODES, next);
                out.append(ext >= 0 ? GSM_EXTENDED.charAt(ext) : ' ');
            } else {
                out.append(GSM_BASIC.charAt(b));
            }
        }
        return out.toString();
    }

    private static int indexOf(byte[] codes, int value) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == value) return i;
        }
        return -1;
    }
}
