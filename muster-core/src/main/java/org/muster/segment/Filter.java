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
