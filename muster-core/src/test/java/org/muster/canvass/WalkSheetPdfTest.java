package org.muster.canvass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class WalkSheetPdfTest {

    private static final CanvassList LIST = new CanvassList(1, 1, "Oak St turf 1", ListKind.WALK, 1, "turf", 5L, Instant.EPOCH, 0, 0);
    private static final LocalDate PRINTED = LocalDate.of(2026, 11, 26);

    /** Doors down a street: two people share each address; names say where they are on the route. */
    private static List<Door> doors(int addresses) {
        List<Door> doors = new ArrayList<>();
        int position = 0;
        for (int a = 0; a < addresses; a++) {
            for (String first : List.of("Ann", "Bob")) {
                position++;
                doors.add(new Door(1, position, position, "Route" + String.format("%03d", position) + " " + first,
                        (900 - 2 * a) + " OAK ST, Raleigh, NC 27601", null, position != 3, position == 3 ? "CONTACTED" : null, 0,
                        35.78, -78.64 + a * 0.0003, 1980 + a % 40, a % 2 == 0 ? "DEM" : "REP"));
            }
        }
        return doors;
    }

    private static String text(WalkSheetPdf.Sheet sheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WalkSheetPdf.write(sheet, out);
        assertThat(out.toByteArray()).startsWith("%PDF-".getBytes());
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "walk-sheet-" + sheet.doors().size() + ".pdf"), out.toByteArray());  // to look at
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void doorsComeInRouteOrderOverSeveralPagesWithTheScriptAndResultCodes() throws IOException {
        List<Door> doors = doors(60);
        String text = text(new WalkSheetPdf.Sheet("Friends of Ada", LIST, Script.parse(CanvassFixtures.SCRIPT), doors, true, PRINTED));
        int last = -1;
        for (Door d : doors) {
            int at = text.indexOf(d.name());
            assertThat(at).as(d.name() + " after the door before it").isGreaterThan(last);
            last = at;
        }
        assertThat(text).contains("Oak St turf 1", "Friends of Ada", "60 doors, 120 people", "Will you vote for Ada?",
                "Undecided (go to 3)", "No (end)", "1 Talked to them", "3 Not home / no answer", "Party", "DEM", "REP");
        assertThat(text).as("ages from birth years, the street without city and ZIP").contains("900 OAK ST Route001 Ann 46")
                .doesNotContain("Raleigh");
        assertThat(text).as("doors 27 m apart on a 60-door street are too close to number them all")
                .contains("Start at the green door 1", "Small dots: doors too close together to number");
    }

    @Test
    void partyIsLeftOutWhenTheReaderMayNotSeeItAndOddCharactersDoNotBreakTheSheet() throws IOException {
        List<Door> doors = new ArrayList<>(doors(2));
        doors.add(new Door(1, 5, 5, "Zoë Łukasz 李", null, null, true, null, 0, null, null, null, "DEM"));
        String text = text(new WalkSheetPdf.Sheet("Friends\tof Ada", LIST, Script.parse(CanvassFixtures.SCRIPT), doors, false, PRINTED));
        assertThat(text).doesNotContain("Party", "DEM", "REP").contains("Zoë ?ukasz ?", "Route004 Bob");
        assertThat(text).contains("1 people without a located address are not drawn");
    }

    @Test
    void aListWithoutLocatedDoorsSaysSoInsteadOfAMap() throws IOException {
        List<Door> doors = List.of(new Door(1, 1, 1, "Solo Person", "1 ELM ST", null, true, null, 0, null, null, null, null));
        assertThat(text(new WalkSheetPdf.Sheet("C", LIST, Script.parse("Hello\nQ: Vote?\n- Yes\n- No"), doors, true, PRINTED)))
                .contains("No door on this list has a located address to draw.", "Solo Person");
    }
}
