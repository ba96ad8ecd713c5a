package org.muster.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes delimited rows straight to Latin-1 bytes: the generator's hot loop, so no String.format and no encoder.
 * NC files quote every value and separate with tabs; the side CSVs use commas and no quotes.
 */
final class Latin1RowWriter implements Closeable {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final byte separator;
    private final boolean quote;
    private int position;
    private boolean rowStarted;

    Latin1RowWriter(Path file, char separator, boolean quote) throws IOException {
        this.out = Files.newOutputStream(file);
        this.separator = (byte) separator;
        this.quote = quote;
    }

    Latin1RowWriter field(String value) throws IOException {
        startField();
        int length = value.length();
        if (position + length > buffer.length) flush();
        if (length > buffer.length) throw new IllegalArgumentException("field longer than the write buffer");
        byte[] bytes = buffer;
        int at = position;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            // Every name the generator makes is Latin-1; anything else would be a bug, shown as '?' like an encoder.
            bytes[at++] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        position = at;
        return endField();
    }

    Latin1RowWriter field(long value) throws IOException {
        startField();
        digits(value, 1);
        return endField();
    }

    /** Zero-padded to {@code width} digits, e.g. voter_reg_num. */
    Latin1RowWriter field(long value, int width) throws IOException {
        startField();
        digits(value, width);
        return endField();
    }

    /** A coordinate with five decimals (about one metre). */
    Latin1RowWriter degrees(double value) throws IOException {
        startField();
        long scaled = Math.round(value * 100_000);
        if (scaled < 0) {
            put((byte) '-');
            scaled = -scaled;
        }
        digits(scaled / 100_000, 1);
        put((byte) '.');
        digits(scaled % 100_000, 5);
        return endField();
    }

    void endRow() throws IOException {
        put((byte) '\n');
        rowStarted = false;
    }

    private void startField() throws IOException {
        if (rowStarted) put(separator);
        rowStarted = true;
        if (quote) put((byte) '"');
    }

    private Latin1RowWriter endField() throws IOException {
        if (quote) put((byte) '"');
        return this;
    }

    private void digits(long value, int width) throws IOException {
        if (position + 20 > buffer.length) flush();
        int length = 1;
        for (long v = value / 10; v > 0; v /= 10) length++;
        for (int pad = width - length; pad > 0; pad--) put((byte) '0');
        if (position + length > buffer.length) flush();
        for (int i = position + length - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += length;
    }

    private void put(byte b) throws IOException {
        if (position == buffer.length) flush();
        buffer[position++] = b;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flush();
        }
    }
}
