package org.muster.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.muster.generate.DemoCampaignGenerator.Fate;
import org.muster.generate.DemoCampaignGenerator.Residence;
import org.muster.generate.DemoCampaignGenerator.Voter;

/**
 * The two outside lists a campaign checks its voter file against, written beside it: a death list (the planted
 * deceased, as a death index records them) and another state's voter file (the planted movers at their new address),
 * each with decoys who are not in the voter file, among them namesakes born the same year, and each with its truth.
 * <p>
 * Everything here draws from its own random stream (seeded from the generator's seed), never the generator's: the
 * voter file and its side files stay byte-identical to what they were before these lists existed.
 */
final class FlagLists implements Closeable {

    static final String DEATHS_FILE = "deaths_demo.csv";
    static final String DEATHS_TRUTH_FILE = "deaths_truth.csv";
    static final String OTHER_STATE_FILE = "other_state_demo.csv";
    static final String OTHER_STATE_TRUTH_FILE = "other_state_truth.csv";

    /** Share of living voters who get a namesake (same names, same birth year, elsewhere) on each list. */
    static final double NAMESAKE_RATE = 0.004;
    /** Share of voters for whom each list gets an unrelated person as well: most of a real list is nobody we know. */
    static final double STRANGER_RATE = 0.01;

    /**
     * Out-of-state cities people move to, with one ZIP each (from the zipcodes list of shared/data/us_geo). Phones
     * there use the cities' own area codes with 555 exchanges, so a decoy's phone never equals a North Carolina one.
     */
    private static final String[][] PLACES = {
        {"SC", "COLUMBIA", "29201", "803"}, {"SC", "CHARLESTON", "29401", "843"},
        {"SC", "GREENVILLE", "29601", "864"}, {"SC", "MYRTLE BEACH", "29577", "843"},
        {"SC", "ROCK HILL", "29730", "803"}, {"VA", "RICHMOND", "23219", "804"},
        {"VA", "NORFOLK", "23510", "757"}, {"VA", "VIRGINIA BEACH", "23451", "757"},
        {"VA", "ARLINGTON", "22201", "703"}, {"VA", "ROANOKE", "24011", "540"},
        {"GA", "ATLANTA", "30305", "404"}, {"TN", "NASHVILLE", "37203", "615"}};
    /** Recent residences kept to lend a decoy an in-state address that is not its namesake's. */
    private static final int RECENT = 64;

    private final SplittableRandom random;
    private final NamePool names;
    private final Weighted<String> streetSuffixes;
    private final BufferedWriter deaths;
    private final BufferedWriter deathsTruth;
    private final BufferedWriter otherState;
    private final BufferedWriter otherStateTruth;
    private final Residence[] recent = new Residence[RECENT];
    private long seen;
    private long deathRows;
    private long otherStateRows;

    FlagLists(Path dir, long seed, NamePool names, Weighted<String> streetSuffixes) throws IOException {
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.names = names;
        this.streetSuffixes = streetSuffixes;
        deaths = Files.newBufferedWriter(dir.resolve(DEATHS_FILE), StandardCharsets.UTF_8);
        deathsTruth = Files.newBufferedWriter(dir.resolve(DEATHS_TRUTH_FILE), StandardCharsets.UTF_8);
        otherState = Files.newBufferedWriter(dir.resolve(OTHER_STATE_FILE), StandardCharsets.UTF_8);
        otherStateTruth = Files.newBufferedWriter(dir.resolve(OTHER_STATE_TRUTH_FILE), StandardCharsets.UTF_8);
        row(deaths, "id", "first_name", "middle_name", "last_name", "birth_date", "death_date", "street_address",
                "city", "state", "zip");
        row(otherState, "voter_id", "first_name", "middle_name", "last_name", "name_suffix", "birth_year",
                "street_address", "city", "state", "zip", "phone", "registration_date");
        for (BufferedWriter truth : List.of(deathsTruth, otherStateTruth)) {
            row(truth, "list_id", "kind", "registration_key", "true_person_id", "detail");
        }
    }

    /** Called once per original registration, after it was written (its key is known). */
    void voter(Voter v) throws IOException {
        if (v.fate == Fate.DECEASED) {
            death(v);
        } else if (v.fate == Fate.MOVED) {
            mover(v);
        } else {
            if (random.nextDouble() < NAMESAKE_RATE) namesakeDeath(v);
            if (random.nextDouble() < NAMESAKE_RATE) namesakeElsewhere(v);
        }
        if (random.nextDouble() < STRANGER_RATE) strangerDeath(v);
        if (random.nextDouble() < STRANGER_RATE) strangerElsewhere(v);
        recent[(int) (seen++ % RECENT)] = v.residence;
    }

    /** A death index entry: full birth date, the name as the family reported it, often the last address. */
    private void death(Voter v) throws IOException {
        StringBuilder detail = new StringBuilder();
        String first = v.firstName;
        double r = random.nextDouble();
        if (r < 0.1) {
            String nickname = names.nickname(first, random);
            if (nickname != null && !nickname.equals(first)) {
                first = nickname;
                detail.append("nickname; ");
            }
        } else if (r < 0.15) {
            first = NamePool.dropLetter(first, random);
            detail.append("first name typo; ");
        }
        String last = v.lastName;
        if (random.nextDouble() < 0.05) {
            String transposed = NamePool.transpose(last, random);
            if (transposed != null) {
                last = transposed;
                detail.append("last name typo; ");
            }
        }
        String middle = v.middleName;
        double m = random.nextDouble();
        if (m < 0.4 && middle.length() > 1) {
            middle = middle.substring(0, 1);
            detail.append("middle initial; ");
        } else if (m > 0.85 && !middle.isEmpty()) {
            middle = "";
            detail.append("no middle name; ");
        }
        double a = random.nextDouble();
        Residence home = v.residence;
        String id = "D" + ++deathRows;
        String birth = birthDate(v.birthYear);
        String died = LocalDate.ofEpochDay(v.fateDay).toString();
        if (a < 0.65) {
            detail.append("last address");
            row(deaths, id, first, middle, last, birth, died, home.street, home.zip.city(), "NC", home.zip.zip());
        } else if (a < 0.85) {
            detail.append("last ZIP only");
            row(deaths, id, first, middle, last, birth, died, "", "", "NC", home.zip.zip());
        } else {
            detail.append("no address");
            row(deaths, id, first, middle, last, birth, died, "", "", "", "");
        }
        row(deathsTruth, id, "deceased", v.key, Long.toString(v.truePersonId), detail.toString());
    }

    /** Another state's registration of a mover: new address, the same phone if they had one (cell numbers move). */
    private void mover(Voter v) throws IOException {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        boolean keptPhone = !v.phone.isEmpty() && random.nextDouble() < 0.9;
        String middle = v.middleName.length() > 1 && random.nextDouble() < 0.3 ? v.middleName.substring(0, 1)
                : v.middleName;
        String id = otherStateId();
        String registered = LocalDate.ofEpochDay(v.fateDay + 10 + random.nextInt(200)).toString();
        row(otherState, id, v.firstName, middle, v.lastName, v.suffix, Integer.toString(v.birthYear),
                street(), place[1], place[0], place[2], keptPhone ? v.phone : "", registered);
        row(otherStateTruth, id, "moved", v.key, Long.toString(v.truePersonId),
                "to " + place[0] + (keptPhone ? "; kept phone" : v.phone.isEmpty() ? "; no phone" : "; new number"));
    }

    /** Someone else with the voter's names and birth year who died elsewhere in the state. */
    private void namesakeDeath(Voter v) throws IOException {
        Residence elsewhere = elsewhere(v.residence);
        if (elsewhere == null) return;
        String id = "D" + ++deathRows;
        row(deaths, id, v.firstName, v.middleName, v.lastName, birthDate(v.birthYear), deathDate(), elsewhere.street,
                elsewhere.zip.city(), "NC", elsewhere.zip.zip());
        row(deathsTruth, id, "namesake", "", "", "same names and birth year as " + v.key + "; other address");
    }

    /** Someone else with the voter's names and birth year registered in another state, with their own phone. */
    private void namesakeElsewhere(Voter v) throws IOException {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String id = otherStateId();
        row(otherState, id, v.firstName, v.middleName, v.lastName, v.suffix, Integer.toString(v.birthYear), street(),
                place[1], place[0], place[2], random.nextBoolean() ? phone(place[3]) : "", registrationDate());
        row(otherStateTruth, id, "namesake", "", "", "same names and birth year as " + v.key);
    }

    private void strangerDeath(Voter v) throws IOException {
        Residence somewhere = elsewhere(v.residence);
        if (somewhere == null) return;
        boolean hispanic = random.nextDouble() < 0.06;
        String gender = random.nextBoolean() ? "M" : "F";
        String id = "D" + ++deathRows;
        row(deaths, id, names.firstName(random, gender, hispanic), names.firstName(random, gender, hispanic),
                names.lastName(random, hispanic), birthDate(1925 + random.nextInt(80)), deathDate(),
                somewhere.street, somewhere.zip.city(), "NC", somewhere.zip.zip());
        row(deathsTruth, id, "stranger", "", "", "");
    }

    private void strangerElsewhere(Voter v) throws IOException {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        boolean hispanic = random.nextDouble() < 0.06;
        String gender = random.nextBoolean() ? "M" : "F";
        String id = otherStateId();
        row(otherState, id, names.firstName(random, gender, hispanic), names.firstName(random, gender, hispanic),
                names.lastName(random, hispanic), "", Integer.toString(1930 + random.nextInt(78)), street(),
                place[1], place[0], place[2], random.nextBoolean() ? phone(place[3]) : "", registrationDate());
        row(otherStateTruth, id, "stranger", "", "", "");
    }

    /** A recent residence in another ZIP than {@code home}, or null (only at the very start). */
    private Residence elsewhere(Residence home) {
        for (int attempt = 0; attempt < 8 && seen > 0; attempt++) {
            Residence r = recent[random.nextInt((int) Math.min(seen, RECENT))];
            if (!r.zip.zip().equals(home.zip.zip())) return r;
        }
        return null;
    }

    private String otherStateId() {
        return "X" + (1_000_000 + ++otherStateRows);
    }

    private String street() {
        return (100 + random.nextInt(9900)) + " " + names.lastName(random, false) + " " + streetSuffixes.pick(random);
    }

    private String phone(String areaCode) {
        return areaCode + "555" + (1000 + random.nextInt(9000));
    }

    private String birthDate(int year) {
        return LocalDate.ofYearDay(year, 1 + random.nextInt(365)).toString();
    }

    private String deathDate() {
        return LocalDate.of(2017, 1, 1).plusDays(random.nextInt(3375)).toString();
    }

    private String registrationDate() {
        return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9500)).toString();
    }

    /** Values never hold a comma, quote or line break (names, addresses and codes of the generator), so no quoting. */
    private static void row(BufferedWriter out, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (values[i].indexOf(',') >= 0 || values[i].indexOf('"') >= 0 || values[i].indexOf('\n') >= 0) {
                throw new IllegalStateException("A generated value needs CSV quoting: " + values[i]);
            }
            if (i > 0) out.write(',');
            out.write(values[i]);
        }
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        try (deaths; deathsTruth; otherState; otherStateTruth) {
            // try-with-resources closes all four, even if one fails
        }
    }
}
