package org.muster.segment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.muster.segment.Filter.Cmp;
import org.muster.segment.Filter.DistrictKind;
import org.muster.segment.Filter.Election;
import org.muster.segment.SegmentLexer.Kind;
import org.muster.segment.SegmentLexer.Token;

/** Reads the text form of a filter (grammar in the package documentation) by recursive descent. */
public final class SegmentParser {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEAR_KIND = Pattern.compile("(\\d{4})-([A-Za-z]+)");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,20})?");
    private static final Pattern KM = Pattern.compile("(\\d{1,5}(\\.\\d{1,6})?)km");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%?");

    private final List<Token> tokens;
    private int next;

    private SegmentParser(String text) {
        this.tokens = SegmentLexer.tokens(text);
    }

    /** Parses a whole filter, or throws {@link SegmentParseException} with the position of the first error. */
    public static Filter parse(String text) {
        SegmentParser p = new SegmentParser(text);
        if (p.peek().kind() == Kind.END) throw new SegmentParseException("the filter is empty", 0);
        Filter f = p.or();
        if (p.peek().kind() != Kind.END) throw p.error("expected 'and', 'or' or the end of the filter");
        return f;
    }

    private Filter or() {
        List<Filter> parts = new ArrayList<>(List.of(and()));
        while (keyword("or")) parts.add(and());
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    private Filter and() {
        List<Filter> parts = new ArrayList<>(List.of(unary()));
        while (keyword("and")) parts.add(unary());
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private Filter unary() {
        if (keyword("not")) return new Filter.Not(unary());
        if (peek().kind() == Kind.LPAREN) {
            next++;
            Filter inner = or();
            expect(Kind.RPAREN, "')'");
            return inner;
        }
        return clause();
    }

    private Filter clause() {
        Token t = peek();
        if (t.kind() != Kind.WORD) throw error("expected a clause such as tag(...), precinct in (...), voted(...) or '('");
        String word = t.text().toLowerCase(Locale.ROOT);
        for (DistrictKind kind : DistrictKind.values()) {
            if (kind.keyword().equals(word)) {
                next++;
                return new Filter.District(kind, set());
            }
        }
        next++;
        return switch (word) {
            case "tag" -> new Filter.Tag(argument());
            case "consent" -> new Filter.Consent(argument().toLowerCase(Locale.ROOT));
            case "segment" -> new Filter.SegmentRef(argument());
            case "party" -> new Filter.Party(upper(set()));
            case "field" -> {
                String field = argument();
                yield new Filter.CustomField(field, set());
            }
            case "age" -> new Filter.Age(cmp(), integer());
            case "birth_year" -> new Filter.BirthYear(cmp(), integer());
            case "support" -> new Filter.Support(cmp(), integer());
            case "household_size" -> new Filter.HouseholdSize(cmp(), integer());
            case "voted" -> voted();
            case "votes" -> votes();
            case "contacted" -> contacted();
            case "score" -> {
                String name = argument();
                yield new Filter.Score(name, cmp(), number("a score"));
            }
            case "within" -> within();
            case "donated" -> donated();
            case "attended" -> attended();
            case "opened", "clicked", "replied" -> {
                expect(Kind.LPAREN, "'('");
                int days = days();
                expect(Kind.RPAREN, "')'");
                yield new Filter.Engaged(Filter.Engagement.valueOf(word.toUpperCase(Locale.ROOT)), days);
            }
            case "split" -> split();
            default -> {
                throw new SegmentParseException("unknown clause '" + t.text() + "'", t.offset());
            }
        };
    }

    private Filter voted() {
        expect(Kind.LPAREN, "'('");
        Token t = peek();
        Election election;
        if (t.kind() == Kind.STRING) {
            election = Election.named(t.text());
        } else if (t.kind() == Kind.WORD && DATE.matcher(t.text()).matches()) {
            try {
                election = Election.onDate(LocalDate.parse(t.text()));
            } catch (DateTimeParseException e) {
                throw error("'" + t.text() + "' is not a valid date");
            }
        } else if (t.kind() == Kind.WORD && YEAR_KIND.matcher(t.text()).matches()) {
            var m = YEAR_KIND.matcher(t.text());
            m.matches();
            election = Election.ofYear(Integer.parseInt(m.group(1)), m.group(2));
        } else {
            throw error("expected an election: a date (2020-11-03), a year and kind (2020-general) or a quoted name");
        }
        next++;
        String method = null;
        if (peek().kind() == Kind.COMMA) {
            next++;
            method = value().toUpperCase(Locale.ROOT);
        }
        expect(Kind.RPAREN, "')'");
        return new Filter.Voted(election, method);
    }

    private Filter votes() {
        expect(Kind.LPAREN, "'('");
        if (!keyword("last")) throw error("expected 'last', as in votes(last 4) >= 2");
        int elections = integer();
        if (elections < 1) throw new SegmentParseException("the number of elections must be at least 1", tokens.get(next - 1).offset());
        expect(Kind.RPAREN, "')'");
        return new Filter.VoteCount(elections, cmp(), integer());
    }

    private Filter contacted() {
        expect(Kind.LPAREN, "'('");
        int days = days();
        String type = null;
        if (peek().kind() == Kind.COMMA) {
            next++;
            type = value();
        }
        expect(Kind.RPAREN, "')'");
        return new Filter.Contacted(days, type);
    }

    private int days() {
        Token t = peek();
        var m = DAYS.matcher(t.text());
        if (t.kind() != Kind.WORD || !m.matches()) throw error("expected a number of days such as 30d");
        next++;
        return Integer.parseInt(m.group(1));
    }

    /** {@code within(lat, lon, 5km)} or {@code within(polygon lat lon, lat lon, lat lon ...)}. */
    private Filter within() {
        expect(Kind.LPAREN, "'('");
        if (keyword("polygon")) {
            List<double[]> points = new ArrayList<>();
            do {
                if (!points.isEmpty()) next++;
                int at = peek().offset();
                double lat = number("a latitude");
                double lon = number("a longitude");
                checkPoint(lat, lon, at);
                points.add(new double[] {lat, lon});
            } while (peek().kind() == Kind.COMMA);
            if (points.size() < 3) throw error("a polygon needs at least 3 points (latitude longitude, separated by commas)");
            expect(Kind.RPAREN, "')' or ','");
            return new Filter.WithinPolygon(points);
        }
        int at = peek().offset();
        double lat = number("a latitude, or 'polygon'");
        expect(Kind.COMMA, "','");
        double lon = number("a longitude");
        checkPoint(lat, lon, at);
        expect(Kind.COMMA, "','");
        Token t = peek();
        var m = KM.matcher(t.text());
        if (t.kind() != Kind.WORD || !m.matches()) throw error("expected a radius such as 5km");
        double km = Double.parseDouble(m.group(1));
        if (km <= 0) throw error("expected a radius above 0 km");
        next++;
        expect(Kind.RPAREN, "')'");
        return new Filter.Within(lat, lon, km);
    }

    private static void checkPoint(double lat, double lon, int at) {
        if (lat < -90 || lat > 90) throw new SegmentParseException("a latitude is between -90 and 90, not " + lat, at);
        if (lon < -180 || lon > 180) throw new SegmentParseException("a longitude is between -180 and 180, not " + lon, at);
    }

    /** {@code donated()}, {@code donated(amount >= 50)}, {@code donated(since 2025-01-01)}, or both, comma-separated. */
    private Filter donated() {
        expect(Kind.LPAREN, "'('");
        Filter.Cmp cmp = null;
        Long cents = null;
        Filter.Since since = null;
        while (peek().kind() != Kind.RPAREN) {
            if (cmp != null || since != null) expect(Kind.COMMA, "',' or ')'");
            if (cmp == null && keyword("amount")) {
                cmp = cmp();
                Token t = peek();
                double amount = number("an amount in dollars such as 50 or 49.99");
                try {
                    cents = new java.math.BigDecimal(t.text()).movePointRight(2).longValueExact();
                } catch (ArithmeticException e) {
                    throw new SegmentParseException("an amount has at most two decimals: " + t.text(), t.offset());
                }
                if (amount < 0) throw new SegmentParseException("an amount cannot be negative", t.offset());
            } else if (since == null && keyword("since")) {
                since = since();
            } else {
                throw error(cmp == null && since == null ? "expected 'amount', 'since' or ')'" : "expected ')'");
            }
        }
        next++;
        return new Filter.Donated(cmp, cents, since);
    }

    /** {@code attended(any)} or {@code attended("Town hall")}, optionally {@code , since 2025-06-01}. */
    private Filter attended() {
        expect(Kind.LPAREN, "'('");
        String event = keyword("any") ? null : value();
        Filter.Since since = null;
        if (peek().kind() == Kind.COMMA) {
            next++;
            if (!keyword("since")) throw error("expected 'since'");
            since = since();
        }
        expect(Kind.RPAREN, "')'");
        return new Filter.Attended(event, since);
    }

    private Filter.Since since() {
        Token t = peek();
        if (t.kind() == Kind.WORD && DATE.matcher(t.text()).matches()) {
            try {
                LocalDate date = LocalDate.parse(t.text());
                next++;
                return new Filter.Since(date, null);
            } catch (DateTimeParseException e) {
                throw error("'" + t.text() + "' is not a valid date");
            }
        }
        if (t.kind() == Kind.WORD && DAYS.matcher(t.text()).matches()) return new Filter.Since(null, days());
        throw error("expected a date (2025-01-01) or a number of days (90d)");
    }

    /** {@code split(seed, from%, to%)}: 0 <= from < to <= 100. */
    private Filter split() {
        expect(Kind.LPAREN, "'('");
        Token seedToken = peek();
        if (seedToken.kind() != Kind.WORD || !seedToken.text().matches("\\d{1,9}")) throw error("expected a seed (a whole number)");
        next++;
        expect(Kind.COMMA, "','");
        int from = percent();
        expect(Kind.COMMA, "','");
        int at = peek().offset();
        int to = percent();
        if (from >= to) throw new SegmentParseException("a split's range must not be empty: " + from + "% to " + to + "%", at);
        expect(Kind.RPAREN, "')'");
        return new Filter.Split(Long.parseLong(seedToken.text()), from, to);
    }

    private int percent() {
        Token t = peek();
        var m = PERCENT.matcher(t.text());
        if (t.kind() != Kind.WORD || !m.matches() || Integer.parseInt(m.group(1)) > 100) throw error("expected a percentage from 0% to 100%");
        next++;
        return Integer.parseInt(m.group(1));
    }

    private double number(String what) {
        Token t = peek();
        if (t.kind() != Kind.WORD || !NUMBER.matcher(t.text()).matches()) throw error("expected " + what);
        next++;
        return Double.parseDouble(t.text());
    }

    /** {@code = value} or {@code in (value, ...)}. */
    private Set<String> set() {
        Token t = peek();
        if (t.kind() == Kind.OP && t.text().equals("=")) {
            next++;
            return Set.of(value());
        }
        if (!keyword("in")) throw error("expected '=' or 'in'");
        expect(Kind.LPAREN, "'('");
        Set<String> values = new LinkedHashSet<>();
        values.add(value());
        while (peek().kind() == Kind.COMMA) {
            next++;
            values.add(value());
        }
        expect(Kind.RPAREN, "')' or ','");
        return values;
    }

    private String argument() {
        expect(Kind.LPAREN, "'('");
        String v = value();
        expect(Kind.RPAREN, "')'");
        return v;
    }

    private String value() {
        Token t = peek();
        if (t.kind() != Kind.WORD && t.kind() != Kind.STRING) throw error("expected a value");
        next++;
        return t.text();
    }

    private Cmp cmp() {
        Token t = peek();
        if (t.kind() == Kind.OP) {
            for (Cmp c : Cmp.values()) {
                if (c.symbol().equals(t.text())) {
                    next++;
                    return c;
                }
            }
        }
        throw error("expected a comparison (=, !=, <, <=, >, >=)");
    }

    private int integer() {
        Token t = peek();
        if (t.kind() == Kind.WORD && t.text().matches("\\d{1,9}")) {
            next++;
            return Integer.parseInt(t.text());
        }
        throw error("expected a whole number");
    }

    private boolean keyword(String word) {
        Token t = peek();
        if (t.kind() == Kind.WORD && t.text().equalsIgnoreCase(word)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        if (peek().kind() != kind) throw error("expected " + what);
        next++;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private SegmentParseException error(String expected) {
        Token t = peek();
        return new SegmentParseException(expected + " but found " + t.describe(), t.offset());
    }

    private static Set<String> upper(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.toUpperCase(Locale.ROOT)));
        return out;
    }
}
