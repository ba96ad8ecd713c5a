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
        Token t = peek();
        var m = DAYS.matcher(t.text());
        if (t.kind() != Kind.WORD || !m.matches()) throw error("expected a number of days such as 30d");
        next++;
        String type = null;
        if (peek().kind() == Kind.COMMA) {
            next++;
            type = value();
        }
        expect(Kind.RPAREN, "')'");
        return new Filter.Contacted(Integer.parseInt(m.group(1)), type);
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
