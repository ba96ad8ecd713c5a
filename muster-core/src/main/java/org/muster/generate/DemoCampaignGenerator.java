package org.muster.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Generates a synthetic North Carolina campaign: ncvoter and ncvhis files in the state's own format, a geocode side
 * file, the precinct shapes (GeoJSON), the planted ground truth, and a death list and another state's voter list
 * to flag the planted deceased and movers against ({@link FlagLists}). Households stand along streets
 * ({@link StreetLayout}) inside convex precincts ({@link PrecinctShapes}). People are made household by household and written at once, so memory stays
 * constant whatever the size; one seeded random stream makes the output a pure function of (people, seed).
 */
public final class DemoCampaignGenerator {

    public static final String VOTER_FILE = "ncvoter_demo.txt";
    public static final String HISTORY_FILE = "ncvhis_demo.txt";
    public static final String GEOCODE_FILE = "geocodes_demo.csv";
    public static final String GROUND_TRUTH_FILE = "ground_truth.csv";
    public static final String TRUTH_PERSONS_FILE = "truth_persons.csv";
    public static final String PRECINCT_SHAPES_FILE = "precincts_demo.geojson";

    /** The "as of" year of the generated file: ages are ages at the end of it. */
    static final int FILE_YEAR = 2026;
    static final double DUPLICATE_RATE = 0.02;
    static final double MOVED_RATE = 0.015;

    private static final long PROGRESS_EVERY = 10_000;
    private static final int[] AREA_CODES = {919, 984, 704, 980, 336, 743, 252, 910, 828, 472};
    private final NcGeography geography;
    private final NamePool names = new NamePool();
    private final Weighted<String> streetSuffixes = StreetSuffixes.common();
    private final Weighted<String> parties = weighted(new String[] {"DEM", "REP", "UNA", "LIB", "GRE"},
            33, 30, 35.5, 1.2, 0.3);
    private final Weighted<String> races = weighted(new String[] {"W", "B", "A", "I", "M", "O", "P", "U"},
            62, 21, 3, 1.2, 2, 3.5, 0.1, 7.2);
    private final Weighted<Integer> householdSizes = weighted(new Integer[] {1, 2, 3, 4, 5}, 30, 36, 16, 11, 7);
    private final Weighted<Integer> ages;
    private final SplittableRandom random;
    private final StreetLayout streets;
    /** The death list and other-state list of this run (set while it runs). */
    private FlagLists lists;

    private DemoCampaignGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.geography = new NcGeography(random);
        this.streets = new StreetLayout(geography, names, streetSuffixes, random);
        Integer[] ageValues = new Integer[FILE_YEAR - 1930 - 17];
        double[] ageWeights = new double[ageValues.length];
        for (int i = 0; i < ageValues.length; i++) {
            int age = 18 + i;
            ageValues[i] = age;
            // Flat through working age, then thinning out towards 96 as the population does.
            ageWeights[i] = age <= 65 ? 1.0 : Math.max(0.03, 1.0 - (age - 65) / 30.0);
        }
        this.ages = new Weighted<>(Arrays.asList(ageValues), ageWeights);
    }

    /** Generates with the given options, reporting voter rows written every 10,000 rows and at the end. */
    public static GeneratedFiles generate(GeneratorOptions options, LongConsumer progress) throws IOException {
        return new DemoCampaignGenerator(options.seed()).run(options, progress);
    }

    @SafeVarargs
    private static <T> Weighted<T> weighted(T[] values, double... weights) {
        return new Weighted<>(Arrays.asList(values), weights);
    }

    private GeneratedFiles run(GeneratorOptions options, LongConsumer progress) throws IOException {
        Path dir = Files.createDirectories(options.outputDir());
        DemoOutput out = new DemoOutput(dir);
        try (out; FlagLists lists = new FlagLists(dir, options.seed(), names, streetSuffixes)) {
            this.lists = lists;
            out.writeHeaders();
            long made = 0;
            while (made < options.people()) {
                int size = (int) Math.min(householdSizes.pick(random), options.people() - made);
                household(size, out);
                made += size;
                if (out.voterRows / PROGRESS_EVERY != out.lastProgress) {
                    out.lastProgress = out.voterRows / PROGRESS_EVERY;
                    progress.accept(out.voterRows);
                }
            }
            progress.accept(out.voterRows);
        }
        PrecinctShapes.write(geography, dir.resolve(PRECINCT_SHAPES_FILE));
        return new GeneratedFiles(dir.resolve(VOTER_FILE), dir.resolve(HISTORY_FILE), dir.resolve(GEOCODE_FILE),
                dir.resolve(GROUND_TRUTH_FILE), dir.resolve(TRUTH_PERSONS_FILE), dir.resolve(PRECINCT_SHAPES_FILE),
                dir.resolve(FlagLists.DEATHS_FILE), dir.resolve(FlagLists.DEATHS_TRUTH_FILE),
                dir.resolve(FlagLists.OTHER_STATE_FILE), dir.resolve(FlagLists.OTHER_STATE_TRUTH_FILE),
                out.truePersons, out.voterRows,
                out.historyRows, out.duplicates, out.deceased, out.moved, out.households);
    }

    private void household(int size, DemoOutput out) throws IOException {
        Residence home = residence(geography.zips.get(random.nextInt(geography.zips.size())).county());
        boolean hispanic = random.nextDouble() < 0.06;
        String familyName = names.lastName(random, hispanic);
        List<Voter> members = new ArrayList<>(size);
        for (int m = 0; m < size; m++) {
            Voter head = members.isEmpty() ? null : members.getFirst();
            Voter v = new Voter();
            v.truePersonId = ++out.truePersons;
            v.hispanic = hispanic;
            if (head == null) {
                v.gender = random.nextDouble() < 0.01 ? "U" : random.nextBoolean() ? "M" : "F";
                v.birthYear = FILE_YEAR - ages.pick(random);
                v.party = parties.pick(random);
            } else if (m == 1 && random.nextDouble() < 0.75) {
                v.gender = random.nextDouble() < 0.9 ? opposite(head.gender) : head.gender;
                v.birthYear = clampBirthYear(head.birthYear + random.nextInt(13) - 6);
                v.party = random.nextDouble() < 0.7 ? head.party : parties.pick(random);
            } else {
                int childYear = head.birthYear + 20 + random.nextInt(19);
                v.gender = random.nextBoolean() ? "M" : "F";
                v.birthYear = childYear <= FILE_YEAR - 18 ? childYear : FILE_YEAR - ages.pick(random);
                v.party = random.nextDouble() < 0.5 ? head.party : parties.pick(random);
            }
            v.lastName = head == null || random.nextDouble() < 0.9 ? familyName : names.lastName(random, hispanic);
            v.race = hispanic ? (random.nextBoolean() ? "W" : random.nextBoolean() ? "O" : "U") : races.pick(random);
            v.ethnic = hispanic ? "HL" : random.nextDouble() < 0.82 ? "NL" : "UN";
            name(v);
            v.residence = home;
            v.registeredDay = registrationDay(v.birthYear);
            v.phone = random.nextDouble() < 0.35 ? phone() : "";
            fate(v);
            v.propensity = 0.5 + random.nextDouble();
            members.add(v);
            out.voter(v, true);
            lists.voter(v);
            votes(v, out);
            if (random.nextDouble() < DUPLICATE_RATE) duplicate(v, out);
        }
        if (size > 1) out.household(members);
    }

    private void name(Voter v) {
        v.firstName = names.firstName(random, v.gender, v.hispanic);
        if (random.nextDouble() < 0.05) {
            String nickname = names.nickname(v.firstName, random);
            if (nickname != null) v.firstName = nickname;
        }
        double middle = random.nextDouble();
        String middleName = middle < 0.8 ? names.firstName(random, v.gender, v.hispanic) : "";
        v.middleName = middle < 0.65 ? middleName : middle < 0.8 ? middleName.substring(0, 1) : "";
        double suffix = random.nextDouble();
        v.suffix = !v.gender.equals("M") ? "" : suffix < 0.03 ? "JR" : suffix < 0.04 ? "SR"
                : suffix < 0.045 ? "III" : suffix < 0.048 ? "II" : "";
    }

    /** Deceased skews old; moved out of state is uniform. Both may be processed by the state or not yet. */
    private void fate(Voter v) {
        int age = FILE_YEAR - v.birthYear;
        double r = random.nextDouble();
        double deceasedRate = age >= 70 ? 0.03 : 0.006;
        if (r < deceasedRate) {
            v.fate = Fate.DECEASED;
            v.fateDay = dayBetween(Math.max(v.registeredDay, LocalDate.of(2017, 1, 1).toEpochDay()),
                    LocalDate.of(2026, 3, 31).toEpochDay());
            boolean processed = random.nextDouble() < 0.6;
            v.status = processed ? "R" : "A";
            v.reason = processed ? "RD" : "AV";
        } else if (r < deceasedRate + MOVED_RATE) {
            v.fate = Fate.MOVED;
            v.fateDay = dayBetween(Math.max(v.registeredDay, LocalDate.of(2017, 1, 1).toEpochDay()),
                    LocalDate.of(2026, 3, 31).toEpochDay());
            double processed = random.nextDouble();
            v.status = processed < 0.6 ? "R" : processed < 0.85 ? "I" : "A";
            v.reason = processed < 0.85 ? "RS" : "AV";
        } else {
            v.fate = Fate.NONE;
            double s = random.nextDouble();
            v.status = s < 0.88 ? "A" : s < 0.97 ? "I" : s < 0.985 ? "R" : s < 0.995 ? "S" : "D";
            v.reason = switch (v.status) {
                case "A" -> s < 0.86 ? "AV" : "AN";
                case "I" -> s < 0.94 ? "IN" : "IU";
                case "R" -> s < 0.98 ? "RQ" : "RF";
                case "S" -> "SM";
                default -> "DI";
            };
        }
    }

    /** A second registration of the same human, with the typos and drift that re-registering produces. */
    private void duplicate(Voter original, DemoOutput out) throws IOException {
        Voter dup = new Voter();
        dup.truePersonId = original.truePersonId;
        dup.gender = original.gender;
        dup.hispanic = original.hispanic;
        dup.race = original.race;
        dup.ethnic = original.ethnic;
        dup.party = random.nextDouble() < 0.8 ? original.party : parties.pick(random);
        dup.birthYear = random.nextDouble() < 0.8 ? original.birthYear
                : clampBirthYear(original.birthYear + (random.nextBoolean() ? 1 : -1));
        dup.suffix = random.nextDouble() < 0.5 ? original.suffix : "";
        dup.middleName = random.nextBoolean() || original.middleName.isEmpty() ? original.middleName
                : original.middleName.substring(0, 1);
        StringBuilder detail = new StringBuilder();
        dup.firstName = original.firstName;
        dup.lastName = original.lastName;
        double typo = random.nextDouble();
        String nickname = typo < 0.3 ? names.nickname(original.firstName, random) : null;
        String transposed = typo < 0.6 ? NamePool.transpose(original.lastName, random) : null;
        if (nickname != null && !nickname.equals(original.firstName)) {
            dup.firstName = nickname;
            detail.append("first name nickname");
        } else if (transposed != null) {
            dup.lastName = transposed;
            detail.append("last name transposition");
        } else if (random.nextBoolean()) {
            dup.firstName = NamePool.dropLetter(original.firstName, random);
            detail.append("first name dropped letter");
        } else {
            dup.lastName = NamePool.dropLetter(original.lastName, random);
            detail.append("last name dropped letter");
        }
        if (dup.birthYear != original.birthYear) {
            detail.append("; birth year ").append(dup.birthYear > original.birthYear ? "+1" : "-1");
        }
        boolean sameCounty = random.nextDouble() < 0.45;
        NcGeography.County county = sameCounty ? original.residence.county
                : geography.zips.get(random.nextInt(geography.zips.size())).county();
        detail.append(county == original.residence.county ? "; same county" : "; other county");
        dup.residence = residence(county);
        dup.registeredDay = registrationDay(dup.birthYear);
        dup.phone = "";
        dup.fate = Fate.NONE;
        boolean flagged = random.nextDouble() < 0.4;
        dup.status = flagged ? "R" : random.nextDouble() < 0.8 ? "A" : "I";
        dup.reason = flagged ? "R2" : dup.status.equals("A") ? "AV" : "IN";
        if (flagged) detail.append("; flagged R2");
        out.voter(dup, false);
        out.duplicates++;
        out.truth("duplicate", List.of(original, dup), detail.toString());
    }

    private Residence residence(NcGeography.County county) {
        Residence r = new Residence();
        r.county = county;
        r.zip = county.zips.get(random.nextInt(county.zips.size()));
        streets.place(r);
        r.precinct = NcGeography.locatePrecinct(county, r.latitude, r.longitude);
        return r;
    }

    private long registrationDay(int birthYear) {
        long first = LocalDate.of(Math.max(birthYear + 18, 1972), 1, 1).toEpochDay();
        return dayBetween(first, LocalDate.of(FILE_YEAR, 3, 31).toEpochDay());
    }

    private long dayBetween(long first, long last) {
        return last <= first ? first : first + random.nextLong(last - first + 1);
    }

    private String phone() {
        // 555 exchanges are not assigned to real subscribers, so no generated number reaches a real person.
        return AREA_CODES[random.nextInt(AREA_CODES.length)] + "555" + (1000 + random.nextInt(9000));
    }

    private static int clampBirthYear(int year) {
        return Math.max(1930, Math.min(FILE_YEAR - 18, year));
    }

    private static String opposite(String gender) {
        return gender.equals("M") ? "F" : "M";
    }

    private void votes(Voter v, DemoOutput out) throws IOException {
        for (Election e : Election.ALL) {
            if (e.day < v.registeredDay || e.year - v.birthYear < 18) continue;
            if (v.fate != Fate.NONE && e.day >= v.fateDay) continue;
            int age = e.year - v.birthYear;
            double ageFactor = age < 25 ? 0.62 : age < 35 ? 0.8 : age < 50 ? 0.98 : age < 65 ? 1.12 : 1.2;
            boolean partisan = v.party.equals("DEM") || v.party.equals("REP");
            double partyFactor = e.primary ? (partisan ? 1.3 : v.party.equals("UNA") ? 0.45 : 0.5)
                    : (partisan ? 1.08 : v.party.equals("UNA") ? 0.88 : 0.95);
            double p = Math.min(0.97, e.turnout * ageFactor * partyFactor * v.propensity);
            if (random.nextDouble() >= p) continue;
            String method = age >= 65 && random.nextDouble() < 0.06 ? "ABSENTEE BY MAIL" : e.methods.pick(random);
            String ballot = !e.primary ? "" : partisan || v.party.equals("LIB") ? v.party
                    : random.nextBoolean() ? "DEM" : "REP";
            out.vote(v, e, method, ballot);
        }
    }

    enum Fate { NONE, DECEASED, MOVED }

    static final class Residence {
        NcGeography.County county;
        NcGeography.Zip zip;
        NcGeography.Precinct precinct;
        double latitude;
        double longitude;
        String street;
    }

    static final class Voter {
        long truePersonId;
        String firstName;
        String middleName;
        String lastName;
        String suffix;
        String gender;
        String race;
        String ethnic;
        String party;
        String phone;
        String status;
        String reason;
        int birthYear;
        long registeredDay;
        boolean hispanic;
        double propensity;
        Fate fate;
        long fateDay;
        Residence residence;
        int countyId;
        String voterRegNum;
        String key;
        String ncid;
    }

    static String padded(long regNum) {
        String digits = Long.toString(regNum);
        return "000000000000".substring(digits.length()) + digits;
    }

    /** The elections in the history, with NC's turnout and voting-method mix of each, roughly. */
    record Election(long day, int year, String label, String desc, boolean primary, double turnout,
                    Weighted<String> methods) {

        static final List<Election> ALL = List.of(
                of(2016, 3, 15, 0.31, 0.35, 0.60), of(2016, 11, 8, 0.69, 0.60, 0.35),
                of(2018, 5, 8, 0.14, 0.35, 0.60), of(2018, 11, 6, 0.53, 0.50, 0.45),
                of(2020, 3, 3, 0.37, 0.40, 0.55), of(2020, 11, 3, 0.75, 0.62, 0.18),
                of(2022, 5, 17, 0.20, 0.40, 0.55), of(2022, 11, 8, 0.51, 0.52, 0.43),
                of(2024, 3, 5, 0.35, 0.40, 0.55), of(2024, 11, 5, 0.73, 0.70, 0.24));

        private static Election of(int year, int month, int day, double turnout, double oneStop, double inPerson) {
            boolean primary = month != 11;
            String label = (month < 10 ? "0" : "") + month + "/" + (day < 10 ? "0" : "") + day + "/" + year;
            double mail = 1 - oneStop - inPerson - 0.01;
            return new Election(LocalDate.of(year, month, day).toEpochDay(), year, label,
                    label + (primary ? " PRIMARY" : " GENERAL"), primary, turnout,
                    weighted(new String[] {"ABSENTEE ONESTOP", "IN-PERSON", "ABSENTEE BY MAIL", "PROVISIONAL"},
                            oneStop, inPerson, mail, 0.01));
        }
    }
}
