package org.muster.voterfile;

import java.util.ArrayList;
import java.util.List;

/** Test helper: one value of a delimited line, split as the importer splits it. */
final class DelimitedReaderSplit {

    private DelimitedReaderSplit() {
    }

    static String field(String line, char delimiter, int index) {
        List<String> out = new ArrayList<>();
        DelimitedReader.split(line, delimiter, out);
        return out.get(index);
    }
}
