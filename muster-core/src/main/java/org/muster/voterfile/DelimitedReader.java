package org.muster.voterfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A cursor over one delimited voter file (see {@link Dialect}) that knows the byte offset after every line, so an
 * import can checkpoint it and a resume can seek straight back there. The first line is either a header, which
 * decides the {@link Layout} (or rejects the file), or, for headerless files, already a row of a fixed layout. Rows
 * that cannot be loaded come out as {@link BadRow}s naming line and field, never as exceptions.
 */
public final class DelimitedReader implements AutoCloseable {

    /** Reads a header's column names and returns the layout of the rows, or throws {@link VoterFileFormatException}. */
    @FunctionalInterface
    interface Header {
        Layout layout(Path file, List<String> columns);

        /** The header must be exactly these columns. */
        static Header exactly(Layout layout, String what) {
            return (file, found) -> {
                if (!found.equals(layout.columns())) {
                    List<String> expected = layout.columns();
                    throw new VoterFileFormatException(file.getFileName() + " is not " + what
                            + ": expected a header of " + expected.size() + " columns "
                            + String.join(", ", expected.subList(0, Math.min(4, expected.size()))) + ", ... "
                            + expected.getLast() + ", found " + describe(found));
                }
                return layout;
            };
        }
    }

    /** No voter-file value comes near this; a longer one is a broken row (a missing quote swallowing tabs, junk). */
    static final int MAX_FIELD_CHARS = 500;
    /** Lines longer than this are cut off and rejected rather than buffered whole. */
    private static final int MAX_LINE_BYTES = 1 << 16;

    private final Path file;
    private final Dialect dialect;
    private final CharsetDecoder decoder;
    private Layout layout;
    private final Function<Row, RowProblem> check;
    private final InputStream in;
    private final List<String> fields = new ArrayList<>();
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private boolean truncated;
    private long offset;
    private long lineNumber;
    private Row row;
    private BadRow bad;

    private DelimitedReader(Path file, Dialect dialect, Layout layout, Function<Row, RowProblem> check,
                            InputStream in, long offset, long lineNumber) {
        this.file = file;
        this.dialect = dialect;
        this.decoder = dialect.latin1() ? null : dialect.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.layout = layout;
        this.check = check;
        this.in = in;
        this.offset = offset;
        this.lineNumber = lineNumber;
    }

    /**
     * Opens {@code file}, reads its header into the layout, and positions the cursor after the header, or at
     * {@code offset} (the byte after line {@code lineNumber}) when resuming.
     *
     * @param check returns why a row of the right shape is unusable, or null when it is fine
     * @throws VoterFileFormatException when the header is not one {@code header} accepts
     */
    static DelimitedReader open(Path file, Dialect dialect, Header header, Function<Row, RowProblem> check,
                                long offset, long lineNumber) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        DelimitedReader reader = new DelimitedReader(file, dialect, null, check, Channels.newInputStream(channel), 0, 0);
        try {
            List<String> found = new ArrayList<>();
            if (reader.readLine()) {
                String text = reader.headerText();
                if (text != null) reader.split(text.startsWith("\uFEFF") ? text.substring(1) : text, found);
            }
            reader.layout = header.layout(file, found);
            if (offset > reader.offset) {
                channel.position(offset);
                return new DelimitedReader(file, dialect, reader.layout, check, Channels.newInputStream(channel),
                        offset, lineNumber);
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Opens a file without a header, whose every line is a row of {@code layout}; offset 0 is its first line. */
    static DelimitedReader openHeaderless(Path file, Dialect dialect, Layout layout, Function<Row, RowProblem> check,
                                          long offset, long lineNumber) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
            return new DelimitedReader(file, dialect, layout, check, Channels.newInputStream(channel), offset,
                    offset == 0 ? 0 : lineNumber);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Streams the rows from the reader's position to the end of its file, then closes it.
     *
     * @return the number of good rows delivered
     */
    static long read(DelimitedReader reader, Consumer<Row> rows, Consumer<BadRow> badRows) throws IOException {
        long good = 0;
        try (reader) {
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

    /** The layout of the rows (from the header, or the fixed one). */
    Layout layout() {
        return layout;
    }
    /** Moves to the next non-empty line; then exactly one of {@link #row()} and {@link #bad()} is non-null. */
    public boolean next() throws IOException {
        while (readLine()) {
            if (length > 0) {
                parse();
                return true;
            }
        }
        return false;
    }

    /** The current good row, or null when the current line was rejected. */
    public Row row() {
        return row;
    }

    /** The current rejected line, or null. */
    public BadRow bad() {
        return bad;
    }

    /** The line number of the current line (the header is line 1). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The byte offset just after the current line: where reading resumes after it. */
    public long offset() {
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

    /** The header line as text, or null when it is not text in the file's encoding. */
    private String headerText() {
        if (encodingProblem() != null) return null;
        return text();
    }

    private String text() {
        if (decoder == null) return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        try {
            return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("checked by encodingProblem", e);
        }
    }

    /** Why the current line is not text in the file's encoding, or null. */
    private String encodingProblem() {
        if (decoder == null) return encodingProblem(line, length);
        for (int i = 0; i < length; i++) {
            int b = line[i] & 0xFF;
            if (b < 0x20 && b != '\t' || b == 0x7F) {
                return "invalid byte 0x" + Integer.toHexString(b).toUpperCase() + " at column " + (i + 1);
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CoderResult result = decoder.reset().decode(bytes, CharBuffer.allocate(length), true);
        if (!result.isError()) return null;
        return "bytes that are not " + dialect.charset().name() + " at byte " + (bytes.position() + 1)
                + " (choose the file's encoding)";
    }

    private void parse() {
        row = null;
        bad = null;
        if (truncated) {
            bad = new BadRow(file, lineNumber, null, "line longer than " + MAX_LINE_BYTES + " bytes");
            return;
        }
        String encoding = encodingProblem();
        if (encoding != null) {
            bad = new BadRow(file, lineNumber, null, encoding);
            return;
        }
        boolean closed = split(text(), fields);
        if (fields.size() != layout.size()) {
            bad = new BadRow(file, lineNumber, null, "expected " + layout.size() + " columns, found " + fields.size());
            return;
        }
        if (!closed) {
            bad = new BadRow(file, lineNumber, null, "a quoted value is not closed");
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).length() > MAX_FIELD_CHARS) {
                bad = new BadRow(file, lineNumber, layout.columns().get(i),
                        "longer than " + MAX_FIELD_CHARS + " characters");
                return;
            }
        }
        Row candidate = new Row(lineNumber, layout, fields.toArray(String[]::new));
        RowProblem problem = check.apply(candidate);
        if (problem != null) {
            bad = new BadRow(file, lineNumber, problem.field(), problem.reason());
        } else {
            row = candidate;
        }
    }

    /**
     * For Latin-1 files (NCSBE, Ohio, Florida). Control bytes (other than tab) are not text in any encoding; a UTF-8 multi-byte
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

    private static String describe(List<String> found) {
        String shown = String.join(", ", found.subList(0, Math.min(4, found.size())));
        if (shown.length() > 120) shown = shown.substring(0, 120) + "...";
        return found.size() + " column(s) starting " + shown;
    }

    /**
     * Splits on the delimiter. A value that starts with a double quote runs to its closing quote (and may hold the
     * delimiter; a doubled quote inside stands for one); other values are stripped of surrounding blanks.
     *
     * @return false when a quoted value is not closed (the rest of the line is then its last value)
     */
    boolean split(String text, List<String> out) {
        return split(text, dialect.delimiter(), out);
    }

    static boolean split(String text, char delimiter, List<String> out) {
        out.clear();
        int start = 0;
        int n = text.length();
        while (true) {
            if (start < n && text.charAt(start) == '"') {
                int from = start + 1;
                int close = text.indexOf('"', from);
                boolean doubled = false;
                while (close >= 0 && close + 1 < n && text.charAt(close + 1) == '"') {
                    doubled = true;
                    close = text.indexOf('"', close + 2);
                }
                if (close < 0) {
                    out.add(text.substring(from));
                    return false;
                }
                String inner = text.substring(from, close);
                int next = close + 1;
                if (next < n && text.charAt(next) != delimiter) {
                    // Junk after the closing quote: keep the value whole rather than guess.
                    int d = text.indexOf(delimiter, next);
                    int end = d < 0 ? n : d;
                    out.add(text.substring(start, end).strip());
                    if (d < 0) return true;
                    start = d + 1;
                    continue;
                }
                out.add(doubled ? inner.replace("\"\"", "\"") : inner);
                if (next >= n) return true;
                start = next + 1;
            } else {
                int d = text.indexOf(delimiter, start);
                int end = d < 0 ? n : d;
                out.add(text.substring(start, end).strip());
                if (d < 0) return true;
                start = d + 1;
            }
        }
    }
}
