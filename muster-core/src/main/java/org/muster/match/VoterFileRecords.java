package org.muster.match;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muster.voterfile.NcVoterFile;

/** Reads an NC ncvoter file into match records, one per registration, identified by the registration key. */
public final class VoterFileRecords {

    private VoterFileRecords() {
    }

    public static List<MatchRecord> readNc(Path ncvoter) throws IOException {
        List<MatchRecord> records = new ArrayList<>();
        NcVoterFile.read(ncvoter, row -> {
            MatchRecord.Builder b = MatchRecord.builder(NcVoterFile.registrationKey(row.get("county_id"),
                    row.get("voter_reg_num")))
                    .first(row.get("first_name")).middle(row.get("middle_name")).last(row.get("last_name"))
                    .address(row.get("res_street_address")).city(row.get("res_city_desc"))
                    .zip(row.get("zip_code")).state(row.get("state_cd")).phone(row.get("full_phone_number"));
            String year = row.get("birth_year");
            if (year != null) b.birthYear(Integer.parseInt(year.strip()));
            records.add(b.build());
        }, bad -> { });
        return records;
    }
}
