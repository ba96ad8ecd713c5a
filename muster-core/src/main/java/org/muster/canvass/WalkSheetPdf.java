package org.muster.canvass;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable walk sheet of a list as PDF (Apache PDFBox): a map of the doors and the route between them drawn as
 * vector graphics on a plain background (no map tiles: nothing to fetch, prints anywhere), the script with its
 * branching and numbered result codes, then every door in walking order with a box for the result and room for
 * notes. People at the same address share a door number, as on the map.
 *
 * <p>Party is printed only when {@code withParty} is set (the caller decides by role); ages come from birth years.
 * Text is set in Helvetica: characters it cannot show lose their accents or become '?', never an error.
 */
public final class WalkSheetPdf {

    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 40;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float MAP_HEIGHT = 250;
    private static final float ROW = 15;
    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** What goes on the sheet. */
    public record Sheet(String campaignName, CanvassList list, Script script, List<Door> doors, boolean withParty, LocalDate printedOn) {
        public Sheet {
            doors = List.copyOf(doors);
            Objects.requireNonNull(printedOn, "printedOn");
        }
    }

    /** A column of the door table: heading, width in points, and the cell of a row. */
    private record Column(String heading, float width, java.util.function.Function<Row, String> cell) {
    }

    /** A door of the table with its door number (shared by the people of one address). */
    private record Row(int doorNumber, Door door) {
    }

    private WalkSheetPdf() {
    }

    public static void write(Sheet sheet, OutputStream out) {
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(clean(sheet.list().name() + " - walk sheet"));
            info.setCreator("Muster");
            new Writer(pdf, sheet).draw();
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The street part of a one-line address ("12 ELM ST, APT 3" of "12 ELM ST, APT 3, Raleigh, NC 27601"): a turf is one place. */
    static String street(String address) {
        if (address == null) return "";
        String[] parts = address.split(", ");
        return parts.length < 3 ? address : String.join(", ", java.util.Arrays.asList(parts).subList(0, parts.length - 2));
    }

    /** Door numbers along the list: a new number whenever the address changes. */
    static List<Row> rows(List<Door> doors) {
        List<Row> rows = new ArrayList<>(doors.size());
        int number = 0;
        String last = null;
        for (Door d : doors) {
            String address = d.address() == null ? "#" + d.personId() : d.address();
            if (!address.equals(last)) number++;
            last = address;
            rows.add(new Row(number, d));
        }
        return rows;
    }

    /** Draws page after page, moving down a cursor and starting a new page when the next block does not fit. */
    private static final class Writer {
        private final PDDocument pdf;
        private final Sheet sheet;
        private final List<Row> rows;
        private final List<Column> columns;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument pdf, Sheet sheet) {
            this.pdf = pdf;
            this.sheet = sheet;
            this.rows = rows(sheet.doors());
            int year = sheet.printedOn().getYear();
            List<Column> cols = new ArrayList<>(List.of(
                    new Column("Door", 30, r -> Integer.toString(r.doorNumber())),
                    new Column("#", 24, r -> Integer.toString(r.door().position())),
                    new Column("Address", 150, r -> street(r.door().address())),
                    new Column("Name", 120, r -> r.door().name()),
                    new Column("Age", 26, r -> r.door().birthYear() == null ? "" : Integer.toString(year - r.door().birthYear()))));
            if (sheet.withParty()) cols.add(new Column("Party", 34, r -> Objects.requireNonNullElse(r.door().party(), "")));
            cols.add(new Column("Result", 38, r -> r.door().open() ? "" : "done"));
            float used = (float) cols.stream().mapToDouble(Column::width).sum();
            cols.add(new Column("Answers / notes", WIDTH - used, r -> ""));
            this.columns = cols;
        }

        void draw() throws IOException {
            newPage();
            text(BOLD, 16, MARGIN, y - 16, sheet.list().name());
            y -= 30;
            long located = sheet.doors().stream().filter(d -> d.latitude() != null).count();
            text(REGULAR, 9, MARGIN, y, sheet.campaignName() + " - " + (rows.isEmpty() ? 0 : rows.getLast().doorNumber()) + " doors, "
                    + sheet.doors().size() + " people - printed " + sheet.printedOn() + " - return this sheet to the organiser");
            y -= 10;
            drawMap(located);
            drawScript();
            drawTable();
            page.close();
        }

        private void newPage() throws IOException {
            if (page != null) page.close();
            PDPage p = new PDPage(PAGE);
            pdf.addPage(p);
            page = new PDPageContentStream(pdf, p);
            y = PAGE.getHeight() - MARGIN;
        }

        /** The doors on a local flat projection, fitted into the box with the same scale both ways. */
        private void drawMap(long located) throws IOException {
            float top = y;
            float bottom = top - MAP_HEIGHT;
            page.setStrokingColor(0.75f, 0.75f, 0.75f);
            page.setLineWidth(0.8f);
            page.addRect(MARGIN, bottom, WIDTH, MAP_HEIGHT);
            page.stroke();
            List<float[]> points = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            int lastNumber = 0;
            double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            double cos = Math.cos(Math.toRadians(sheet.doors().stream().filter(d -> d.latitude() != null)
                    .mapToDouble(Door::latitude).average().orElse(0)));
            for (Row r : rows) {
                if (r.door().latitude() == null || r.doorNumber() == lastNumber) continue;
                lastNumber = r.doorNumber();
                double x = r.door().longitude() * cos;
                double yy = r.door().latitude();
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, yy);
                maxY = Math.max(maxY, yy);
                points.add(new float[] {(float) x, (float) yy});
                numbers.add(r.doorNumber());
            }
            if (located == 0) {
                text(REGULAR, 10, MARGIN + 12, top - 24, "No door on this list has a located address to draw.");
            } else {
                float pad = 18;
                double scaleX = maxX > minX ? (WIDTH - 2 * pad) / (maxX - minX) : Double.MAX_VALUE;
                double scaleY = maxY > minY ? (MAP_HEIGHT - 2 * pad) / (maxY - minY) : Double.MAX_VALUE;
                double scale = Math.min(scaleX, scaleY) == Double.MAX_VALUE ? 0 : Math.min(scaleX, scaleY);
                float offsetX = (float) (MARGIN + (WIDTH - (maxX - minX) * scale) / 2);
                float offsetY = (float) (bottom + (MAP_HEIGHT - (maxY - minY) * scale) / 2);
                List<float[]> at = new ArrayList<>();
                for (float[] p : points) {
                    at.add(new float[] {(float) (offsetX + (p[0] - minX) * scale), (float) (offsetY + (p[1] - minY) * scale)});
                }
                page.setStrokingColor(0.35f, 0.45f, 0.75f);
                page.setLineWidth(1.2f);
                page.moveTo(at.getFirst()[0], at.getFirst()[1]);
                for (float[] p : at.subList(1, at.size())) page.lineTo(p[0], p[1]);
                page.stroke();
                // Doors too close to an already numbered one get a small dot: overlapping numbers help no one.
                List<float[]> labelled = new ArrayList<>();
                boolean crowded = false;
                for (int i = 0; i < at.size(); i++) {
                    float[] p = at.get(i);
                    boolean room = i == 0 || labelled.stream().noneMatch(q -> Math.hypot(q[0] - p[0], q[1] - p[1]) < 14);
                    if (i == 0) page.setNonStrokingColor(0.1f, 0.45f, 0.2f);
                    else page.setNonStrokingColor(room ? 1f : 0.2f, room ? 1f : 0.2f, room ? 1f : 0.2f);
                    page.setStrokingColor(0.1f, 0.1f, 0.1f);
                    page.setLineWidth(0.6f);
                    circle(p[0], p[1], room ? 6.5f : 1.8f);
                    page.fillAndStroke();
                    if (!room) {
                        crowded = true;
                        continue;
                    }
                    labelled.add(p);
                    String label = Integer.toString(numbers.get(i));
                    float size = label.length() > 2 ? 5 : 6.5f;
                    float w = REGULAR.getStringWidth(label) / 1000 * size;
                    page.setNonStrokingColor(i == 0 ? 1f : 0f, i == 0 ? 1f : 0f, i == 0 ? 1f : 0f);
                    text(REGULAR, size, p[0] - w / 2, p[1] - size * 0.35f, label);
                }
                page.setNonStrokingColor(0f, 0f, 0f);
                text(REGULAR, 7.5f, MARGIN + 4, bottom + 4, "Start at the green door 1 and follow the line."
                        + (crowded ? " Small dots: doors too close together to number (the table has every door in order)." : "")
                        + (sheet.doors().size() - located > 0 ? " " + (sheet.doors().size() - located) + " people without a located address are not drawn." : ""));
            }
            page.setStrokingColor(0f, 0f, 0f);
            page.setNonStrokingColor(0f, 0f, 0f);
            y = bottom - 16;
        }

        /** A circle from four Bezier curves (PDF has no circle operator). */
        private void circle(float cx, float cy, float r) throws IOException {
            float k = 0.5523f * r;
            page.moveTo(cx + r, cy);
            page.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            page.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            page.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            page.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            page.closePath();
        }

        private void drawScript() throws IOException {
            heading("Script");
            for (String line : sheet.script().intro().split("\n")) paragraph(REGULAR, 9, 0, line);
            int n = 0;
            for (Script.Question q : sheet.script().questions()) {
                n++;
                paragraph(BOLD, 9, 0, n + ". " + q.prompt());
                int a = 0;
                List<String> answers = new ArrayList<>();
                for (Script.Answer answer : q.answers()) answers.add((char) ('a' + a++) + ") " + answer.printed());
                paragraph(REGULAR, 9, 14, String.join("   ", answers));
            }
            y -= 4;
            List<String> codes = new ArrayList<>();
            int c = 0;
            for (ResultCode code : ResultCode.values()) codes.add(++c + " " + code.label());
            paragraph(BOLD, 9, 0, "Result codes (write the number in the Result box):");
            paragraph(REGULAR, 9, 14, String.join("   ", codes));
            y -= 8;
        }

        private void heading(String title) throws IOException {
            ensure(24);
            text(BOLD, 11, MARGIN, y - 11, title);
            y -= 17;
        }

        /** Wrapped text at the cursor; moves the cursor down. */
        private void paragraph(PDFont font, float size, float indent, String value) throws IOException {
            for (String line : wrap(font, size, WIDTH - indent, clean(value))) {
                ensure(size + 3);
                text(font, size, MARGIN + indent, y - size, line);
                y -= size + 3;
            }
        }

        private void drawTable() throws IOException {
            ensure(2 * ROW + 10);
            tableHeader();
            for (Row r : rows) {
                if (y - ROW < MARGIN) {
                    newPage();
                    tableHeader();
                }
                float x = MARGIN;
                for (Column col : columns) {
                    text(REGULAR, 8.5f, x + 2, y - ROW + 4, fit(REGULAR, 8.5f, col.width() - 4, clean(col.cell().apply(r))));
                    x += col.width();
                }
                page.setStrokingColor(0.8f, 0.8f, 0.8f);
                page.setLineWidth(0.5f);
                page.moveTo(MARGIN, y - ROW);
                page.lineTo(MARGIN + WIDTH, y - ROW);
                page.stroke();
                y -= ROW;
            }
        }

        private void tableHeader() throws IOException {
            float x = MARGIN;
            for (Column col : columns) {
                text(BOLD, 8.5f, x + 2, y - ROW + 4, col.heading());
                x += col.width();
            }
            page.setStrokingColor(0f, 0f, 0f);
            page.setLineWidth(0.8f);
            page.moveTo(MARGIN, y - ROW);
            page.lineTo(MARGIN + WIDTH, y - ROW);
            page.stroke();
            y -= ROW;
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN) newPage();
        }

        private void text(PDFont font, float size, float x, float baseline, String value) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, baseline);
            page.showText(clean(value));
            page.endText();
        }
    }

    /** Words onto lines no wider than {@code width}; a word longer than a line is cut to fit. */
    private static List<String> wrap(PDFont font, float size, float width, String value) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : value.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
            } else {
                if (!line.isEmpty()) lines.add(line.toString());
                line.setLength(0);
                line.append(fit(font, size, width, word));
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** The text, cut with "..." when it is wider than {@code width}. */
    private static String fit(PDFont font, float size, float width, String value) throws IOException {
        if (width(font, size, value) <= width) return value;
        String cut = value;
        while (!cut.isEmpty() && width(font, size, cut + "...") > width) cut = cut.substring(0, cut.length() - 1);
        return cut + "...";
    }

    private static float width(PDFont font, float size, String value) throws IOException {
        return font.getStringWidth(value) / 1000 * size;
    }

    /** What Helvetica (WinAnsi) can print: accents dropped where the letter is not there, '?' for the rest, no control characters. */
    static String clean(String value) {
        if (value == null) return "";
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            if (!printable(ch)) {
                String bare = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                ch = !bare.isEmpty() && printable(bare) ? bare : "?";
            }
            out.append(ch);
        }
        return out.toString();
    }

    private static boolean printable(String ch) {
        try {
            REGULAR.encode(ch);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
