package org.muster.canvass;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.muster.segment.SegmentCsv;

/** A list's people as CSV, in list order, with the same cell quoting and formula defusing as segment exports. */
public final class DoorCsv {

    public static final String HEADER = "position,person_id,name,address,phone,status,result";

    private DoorCsv() {
    }

    public static void write(Writer out, List<Door> doors) throws IOException {
        out.write(HEADER + "\r\n");
        for (Door d : doors) {
            out.write(String.join(",", String.valueOf(d.position()), String.valueOf(d.personId()), SegmentCsv.cell(d.name()),
                    SegmentCsv.cell(d.address()), SegmentCsv.cell(d.phone()), d.open() ? "open" : "done",
                    d.resultCode() == null ? "" : d.resultCode()) + "\r\n");
        }
    }
}
