package org.muster.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A segment filter: the syntax tree that {@link SegmentParser} reads from the text form and that both executors
 * (SQL in {@code org.muster.store.SegmentSql}, bitmaps in {@link SegmentIndex}) evaluate with the same meaning.
 * {@link #toString()} prints the text form back, so a filter survives a round trip through text.
 */
public sealed interface Filter {

    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return join(parts, " and ");
        }
    }

    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return join(parts, " or ");
        }
    }

    record Not(Filter inner) implements Filter {
        @Override
        public String toString() {
            return "not " + group(inner);
        }
    }

    /** Tagged with this tag. */
    record Tag(String name) implements Filter {
        @Override
        public String toString() {
            return "tag(" + Text.value(name) + ")";
        }
    }

    /** Has a voter registration whose district of this kind is one of the values. */
    record District(DistrictKind kind, Set<String> values) implements Filter {
        public District {
            values = Set.copyOf(values);
        }

        @Override
        public String toString() {
            return kind.keyword() + " in " + Text.values(values);
        }
    }

    /** The person's party is one of the values. */
    record Party(Set<String> values) implements Filter {
        public Party {
            values = Set.copyOf(values);
        }

        @Override
        public String toString() {
            return "party in " + Text.values(values);
        }
    }

    /** Birth year compared with a year; people whose birth year is unknown never match. */
    record BirthYear(Cmp cmp, int year) implements Filter {
        @Override
        public String toString() {
            return "birth_year " + cmp.symbol() + " " + year;
        }
    }

    /** Age in years as of the evaluation date's year, i.e. a birth-year comparison once that year is known. */
    record Age(Cmp cmp, int years) implements Filter {
        public BirthYear asBirthYear(int currentYear) {
            return new BirthYear(cmp.mirror(), currentYear - years);
        }

        @Override
        public String toString() {
            return "age " + cmp.symbol() + " " + years;
        }
    }

    /** Support level (1 strong support .. 5 strong opposition); people never assessed never match. */
    record Support(Cmp cmp, int level) implements Filter {
        @Override
        public String toString() {
            return "support " + cmp.symbol() + " " + level;
        }
    }

    /** Voted in an election (by date, year and kind, or exact name), optionally by one method. */
    record Voted(Election election, String method) implements Filter {
        @Override
        public String toString() {
            return "voted(" + election + (method == null ? "" : ", " + Text.value(method)) + ")";
        }
    }

    /** Number of the campaign's last {@code elections} election dates the person voted on, compared with a count. */
    record VoteCount(int elections, Cmp cmp, int count) implements Filter {
        @Override
        public String toString() {
            return "votes(last " + elections + ") " + cmp.symbol() + " " + count;
        }
    }

    /** Has a timeline activity (of this type, if given) on or after the UTC day {@code days} days before today. */
    record Contacted(int days, String type) implements Filter {
        @Override
        public String toString() {
            return "contacted(" + days + "d" + (type == null ? "" : ", " + Text.value(type)) + ")";
        }
    }

    /** The newest consent entry for this channel is GRANTED. */
    record Consent(String channel) implements Filter {
        @Override
        public String toString() {
            return "consent(" + Text.value(channel) + ")";
        }
    }

    /** Number of people in the person's household (1 for a person without a household) compared with a size. */
    record HouseholdSize(Cmp cmp, int size) implements Filter {
        @Override
        public String toString() {
            return "household_size " + cmp.symbol() + " " + size;
        }
    }

    /** The custom field's value is one of the values (exact text). */
    record CustomField(String field, Set<String> values) implements Filter {
        public CustomField {
            values = Set.copyOf(values);
        }

        @Override
        public String toString() {
            return "field(" + Text.value(field) + ") in " + Text.values(values);
        }
    }

    /** A model score of this name compared with a number; people without that score never match. */
    record Score(String name, Cmp cmp, double value) implements Filter {
        @Override
        public String toString() {
            return "score(" + Text.value(name) + ") " + cmp.symbol() + " " + Text.number(value);
        }
    }

    /**
     * Has a geocoded address within {@code km} kilometres of the point. Distance is measured on the flat projection
     * at the centre ({@link Geo#withinRadius}): exact arithmetic both executors repeat, off by under 0.5 % within 50 km.
     */
    record Within(double lat, double lon, double km) implements Filter {
        @Override
        public String toString() {
            return "within(" + Text.number(lat) + ", " + Text.number(lon) + ", " + Text.number(km) + "km)";
        }
    }

    /** Has a geocoded address inside the polygon (latitude/longitude vertices, closed implicitly; even-odd rule). */
    record WithinPolygon(List<double[]> points) implements Filter {
        public WithinPolygon {
            points = points.stream().map(double[]::clone).toList();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WithinPolygon w && w.points.size() == points.size()
                    && java.util.stream.IntStream.range(0, points.size()).allMatch(i -> java.util.Arrays.equals(points.get(i), w.points.get(i)));
        }

        @Override
        public int hashCode() {
            return points.stream().mapToInt(java.util.Arrays::hashCode).reduce(1, (a, b) -> 31 * a + b);
        }

        @Override
        public String toString() {
            return "within(polygon " + String.join(", ", points.stream().map(p -> Text.number(p[0]) + " " + Text.number(p[1])).toList()) + ")";
        }
    }

    /**
     * Made one donation meeting every condition given: an amount (in cents, compared) and on or after a time
     * ({@link Since}). {@code donated()} alone: any donation ever.
     */
    record Donated(Cmp cmp, Long cents, Since since) implements Filter {
        @Override
        public String toString() {
            List<String> parts = new java.util.ArrayList<>();
            if (cmp != null) parts.add("amount " + cmp.symbol() + " " + Text.cents(cents));
            if (since != null) parts.add("since " + since);
            return "donated(" + String.join(", ", parts) + ")";
        }
    }

    /** Attended (status attended) an event of this exact name, or any event when null, starting on or after {@code since}. */
    record Attended(String event, Since since) implements Filter {
        @Override
        public String toString() {
            return "attended(" + (event == null ? "any" : Text.value(event)) + (since == null ? "" : ", since " + since) + ")";
        }
    }

    /** Message engagement: a timeline activity of one of the kind's types within the last {@code days} days (as contacted). */
    record Engaged(Engagement kind, int days) implements Filter {
        public Filter asContacted() {
            List<Filter> any = kind.activityTypes().stream().<Filter>map(type -> new Contacted(days, type)).toList();
            return any.size() == 1 ? any.getFirst() : new Or(any);
        }

        @Override
        public String toString() {
            return kind.keyword() + "(" + days + "d)";
        }
    }

    /**
     * A reproducible random share of the people: those whose bucket ({@link #bucket}, 0..99, from the person id and
     * the seed) is in {@code [from, to)}. Disjoint ranges with one seed make A/B/control groups.
     */
    record Split(long seed, int from, int to) implements Filter {
        /**
         * 32-bit multiplicative hashing in steps whose products stay below 2^63, so SQL computes the same. The seed
         * chooses the second multiplier (odd, below 2^31): adding it instead would only rotate the buckets, making
         * splits under two seeds the same groups shifted.
         */
        public static int bucket(long personId, long seed) {
            long m = 1L << 32;
            long h = (personId * 2_654_435_761L) % m;
            h = (h * multiplier(seed)) % m;
            h = (h + h / 65_536) % m;
            h = (h * 2_146_121_005L) % m;
            h = (h + h / 65_536) % m;
            return (int) (h * 100 / m);
        }

        /** The seed's odd multiplier, below 2^31. */
        public static long multiplier(long seed) {
            return ((seed * 1_103_515_245L + 12_345L) % (1L << 30)) * 2 + 1;
        }

        @Override
        public String toString() {
            return "split(" + seed + ", " + from + "%, " + to + "%)";
        }
    }

    /** A point in time a clause counts from: a date (UTC midnight) or the start of the UTC day N days before now. */
    record Since(LocalDate date, Integer days) {
        public long epochMillis(java.time.Instant now) {
            if (date != null) return date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
            return (Math.floorDiv(now.toEpochMilli(), 86_400_000L) - days) * 86_400_000L;
        }

        @Override
        public String toString() {
            return date != null ? date.toString() : days + "d";
        }
    }

    /** Message engagement kinds and the activity types that record them (a reply by text or by email). */
    enum Engagement {
        OPENED("opened", "email.open"), CLICKED("clicked", "email.click", "sms.click"), REPLIED("replied", "sms.reply", "email.reply");

        private final String keyword;
        private final List<String> activityTypes;

        Engagement(String keyword, String... activityTypes) {
            this.keyword = keyword;
            this.activityTypes = List.of(activityTypes);
        }

        public String keyword() {
            return keyword;
        }

        public List<String> activityTypes() {
            return activityTypes;
        }
    }

    /** A saved segment, by name; executors see it only after {@link SegmentResolver} has put its filter in place. */
    record SegmentRef(String name) implements Filter {
        @Override
        public String toString() {
            return "segment(" + Text.value(name) + ")";
        }
    }

    /** Comparison operators of the numeric clauses. */
    enum Cmp {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Cmp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
        public Cmp mirror() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }

        public boolean test(long left, long right) {
            return switch (this) {
                case EQ -> left == right;
                case NE -> left != right;
                case LT -> left < right;
                case LE -> left <= right;
                case GT -> left > right;
                case GE -> left >= right;
            };
        }
    }

    /** The districts of a voter registration that filters can name. */
    enum DistrictKind {
        PRECINCT("precinct"), WARD("ward"), COUNTY("county"), MUNICIPALITY("municipality"),
        CONGRESSIONAL("congressional_district"), STATE_SENATE("state_senate_district"), STATE_HOUSE("state_house_district");

        private final String keyword;

        DistrictKind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /**
     * Which election a {@code voted(...)} clause means: one date, every election of a year whose name ends with a
     * kind word ({@code 2020-general}: NC names elections like "11/03/2020 GENERAL"), or an exact name.
     */
    record Election(LocalDate date, Integer year, String kind, String name) {

        public static Election onDate(LocalDate date) {
            return new Election(Objects.requireNonNull(date), null, null, null);
        }

        public static Election ofYear(int year, String kind) {
            return new Election(null, year, kind.toUpperCase(java.util.Locale.ROOT), null);
        }

        public static Election named(String name) {
            return new Election(null, null, null, Objects.requireNonNull(name));
        }

        /** Whether a vote-history row of this date and name belongs to this election (the bitmap side of the SQL). */
        public boolean matches(LocalDate electionDate, String electionName) {
            if (date != null) return date.equals(electionDate);
            if (name != null) return name.equals(electionName);
            return electionDate.getYear() == year && electionName != null
                    && electionName.toUpperCase(java.util.Locale.ROOT).endsWith(kind);
        }

        @Override
        public String toString() {
            if (date != null) return date.toString();
            if (name != null) return Text.quote(name);
            return year + "-" + kind.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String join(List<Filter> parts, String operator) {
        return String.join(operator, parts.stream().map(Filter::group).toList());
    }

    /** Parenthesises a compound part so the printed form parses back to the same tree. */
    private static String group(Filter f) {
        return f instanceof And || f instanceof Or ? "(" + f + ")" : f.toString();
    }
}
