package org.muster.voterfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The NCSBE file convention shared by ncvoter and ncvhis: Latin-1, tab-delimited, every value in double quotes.
 * A cursor over one file that knows the byte offset after every line, so an import can checkpoint it and a resume
 * can seek straight back there. Rows that cannot be loaded come out as {@link BadRow}s, never as exceptions.
 */
final class NcDelimitedReader implements AutoCloseable {

    /** No NCSBE value comes near this; a longer one is a broken row (a missing quote swallowing tabs, binary junk). */
    static final int MAX_FIELD_CHARS = 500;
    /** Lines longer than this are cut off and rejected rather than buffered whole. */
    private static final int MAX_LINE_BYTES = 1 << 16;

    private final Path file;
    private final NcLayout layout;
    private final Function<NcRow, RowProblem> check;
    private final InputStream in;
    private final List<String> fields;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private boolean truncated;
    private long offset;
    private long lineNumber;
    private NcRow row;
    private BadRow bad;

    private NcDelimitedReader(Path file, NcLayout layout, Function<NcRow, RowProblem> check, InputStream in,
                              long offset, long lineNumber) {
        this.file = file;
        this.layout = layout;
        this.check = check;
        this.in = in;
        this.offset = offset;
        this.lineNumber = lineNumber;
        this.fields = new ArrayList<>(layout.size());
    }

    /**
     * Opens {@code file}, checks its header against {@code layout}, and positions the cursor after the header, or
     * at {@code offset} (the byte after line {@code lineNumber}) when resuming.
     *
     * @param check returns why a row of the right shape is unusable, or null when it is fine
     * @throws VoterFileFormatException when the header is not the layout's
     */
    static NcDelimitedReader open(Path file, NcLayout layout, Function<NcRow, RowProblem> check, long offset,
                                  long lineNumber) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        NcDelimitedReader reader = new NcDelimitedReader(file, layout, check,
                Channels.newInputStream(channel), 0, 0);
        try {
            String header = reader.readLine() ? reader.text() : null;
            checkHeader(file, layout, header);
            if (offset > reader.offset) {
                channel.position(offset);
                return new NcDelimitedReader(file, layout, check,
                        Channels.newInputStream(channel), offset, lineNumber);
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Streams the rows of {@code file} from the start.
     *
     * @return the number of good rows delivered
     */
    static long read(Path file, NcLayout layout, Function<NcRow, RowProblem> check, Consumer<NcRow> rows,
                     Consumer<BadRow> badRows) throws IOException {
        long good = 0;
        try (NcDelimitedReader reader = open(file, layout, check, 0, 1)) {
            while (reader.next()) {
                if (reader.row() != null) {
                    rows.accept(reader.row());
                    good++;
                } else {
                    badRows.accept(reader.bad());
                }
            }
        }
        return good;
    }

    /** Moves to the next non-empty line; then exactly one of {@link #row()} and {@link #bad()} is non-null. */
    boolean next() throws IOException {
        while (readLine()) {
            if (length > 0) {
                parse();
                return true;
            }
        }
        return false;
    }

    /** The current good row, or null when the current line was rejected. */
    NcRow row() {
        return row;
    }

    /** The current rejected line, or null. */
    BadRow bad() {
        return bad;
    }

    /** The line number of the current line (the header is line 1). */
    long lineNumber() {
        return lineNumber;
    }

    /** The byte offset just after the current line: where reading resumes after it. */
    long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the next line's bytes (without CR/LF) into {@link #line}; false at end of file. */
    private boolean readLine() throws IOException {
        length = 0;
        truncated = false;
        int b = read();
        if (b < 0) return false;
        while (b >= 0) {
            offset++;
            if (b == '\n') break;
            if (length == MAX_LINE_BYTES) {
                truncated = true;
            } else {
                if (length == line.length) line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
                line[length++] = (byte) b;
            }
            b = read();
        }
        if (length > 0 && line[length - 1] == '\r') length--;
        lineNumber++;
        return true;
    }

    /** One byte from our own buffer: BufferedInputStream.read() takes a lock per byte. */
    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xFF;
    }

    private String text() {
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    private void parse() {
        row = null;
        bad = null;
        if (truncated) {
            bad = new BadRow(file, lineNumber, null, "line longer than " + MAX_LINE_BYTES + " bytes");
            return;
        }
        String encoding = encodingProblem(line, length);
        if (encoding != null) {
            bad = new BadRow(file, lineNumber, null, encoding);
            return;
        }
        split(text(), fields);
        if (fields.size() != layout.size()) {
            bad = new BadRow(file, lineNumber, null, "expected " + layout.size() + " columns, found " + fields.size());
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).length() > MAX_FIELD_CHARS) {
                bad = new BadRow(file, lineNumber, layout.columns().get(i),
                        "longer than " + MAX_FIELD_CHARS + " characters");
                return;
            }
        }
        NcRow candidate = new NcRow(lineNumber, layout, fields.toArray(String[]::new));
        RowProblem problem = check.apply(candidate);
        if (problem != null) {
            bad = new BadRow(file, lineNumber, problem.field(), problem.reason());
        } else {
            row = candidate;
        }
    }

    /**
     * NCSBE files are Latin-1. Control bytes (other than tab) are not text in any encoding; a UTF-8 multi-byte
     * sequence ("Ã©" read as Latin-1) means the file was re-saved as UTF-8, and loading it would store mojibake.
     */
    static String encodingProblem(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F || b == '\t') continue;
            if (b < 0xA0) return "invalid byte 0x" + Integer.toHexString(b).toUpperCase() + " at column " + (i + 1);
            if (b >= 0xC2 && b <= 0xF4 && i + 1 < length && (bytes[i + 1] & 0xC0) == 0x80) {
                return "UTF-8 bytes in a Latin-1 file at column " + (i + 1);
            }
        }
        return null;
    }

    private static void checkHeader(Path file, NcLayout layout, String header) {
        List<String> found = new ArrayList<>();
        if (header != null) split(header, found);
        if (!found.equals(layout.columns())) {
            List<String> expected = layout.columns();
            throw new VoterFileFormatException(file.getFileName() + " is not an NC " + layout.kind()
                    + " file: expected a tab-delimited header of " + expected.size() + " columns "
                    + String.join(", ", expected.subList(0, 4)) + ", ... " + expected.getLast()
                    + " (NCSBE layout), found " + (header == null ? "an empty file" : describe(found)));
        }
    }

    private static String describe(List<String> found) {
        String shown = String.join(", ", found.subList(0, Math.min(4, found.size())));
        if (shown.length() > 120) shown = shown.substring(0, 120) + "...";
        return found.size() + " column(s) starting " + shown;
    }

    /** Splits on tabs and removes the surrounding quotes; a doubled quote inside a value stands for one quote. */
    static void split(String line, List<String> out) {
        out.clear();
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            int end = tab < 0 ? line.length() : tab;
            out.add(unquote(line, start, end));
            if (tab < 0) return;
            start = tab + 1;
        }
    }

    private static String unquote(String line, int start, int end) {
        if (end - start >= 2 && line.charAt(start) == '"' && line.charAt(end - 1) == '"') {
            String inner = line.substring(start + 1, end - 1);
            return inner.indexOf('"') < 0 ? inner : inner.replace("\"\"", "\"");
        }
        return line.substring(start, end).strip();
    }
}
