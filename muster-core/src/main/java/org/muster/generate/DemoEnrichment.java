package org.muster.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.SearchKeys;

/**
 * What a campaign a few months in knows beyond the voter file: support levels from canvassing (leaning with
 * party registration, never certain), tags, and how each person relates to the campaign. Applied to people as
 * the demo loads them; deterministic per registration, so the same demo comes out the same in any load order.
 */
public final class DemoEnrichment implements UnaryOperator<NewPerson> {

    private final long seed;

    public DemoEnrichment(long seed) {
        this.seed = seed;
    }

    @Override
    public NewPerson apply(NewPerson p) {
        String key = p.registrations().isEmpty() ? p.lastName() + p.firstName() : p.registrations().get(0).registrationId();
        SplittableRandom random = new SplittableRandom(seed ^ (key == null ? 0 : key.hashCode() * 0x9E3779B97F4A7C15L));
        Integer support = p.supportLevel();
        List<String> tags = new ArrayList<>(p.tags());
        if (random.nextDouble() < 0.18) {
            support = supportLevel(p.party(), random);
            tags.add("canvassed-2026");
            if (support == 1 && random.nextDouble() < 0.15) tags.add("yard-sign");
        }
        double role = random.nextDouble();
        ContactCategory category = role < 0.01 ? ContactCategory.MEMBER
                : role < 0.04 ? ContactCategory.REGULAR_CONTACT
                : role < 0.12 ? ContactCategory.OCCASIONAL_CONTACT : ContactCategory.PROSPECT;
        if (category == ContactCategory.MEMBER || (category == ContactCategory.REGULAR_CONTACT && random.nextDouble() < 0.3)) {
            tags.add("volunteer");
        }
        if (category != ContactCategory.PROSPECT && random.nextDouble() < 0.2) tags.add("donor");
        List<String> emails = p.emails();
        if (emails.isEmpty() && (category != ContactCategory.PROSPECT || random.nextDouble() < 0.05)) {
            emails = List.of(email(p, random));
        }
        return new NewPerson(p.firstName(), p.middleName(), p.lastName(), p.suffix(), p.birthDate(), p.birthYear(),
                p.gender(), p.party(), support, category, p.origin(), p.householdKey(), emails, p.phones(),
                p.addresses(), p.registrations(), p.votes(), tags);
    }

    /** People who signed up somewhere left an address; example.* domains (RFC 2606) reach no one. */
    private static String email(NewPerson p, SplittableRandom random) {
        String local = (SearchKeys.name(p.firstName()) + "." + SearchKeys.name(p.lastName())).replaceAll("^\\.|\\.$", "");
        String[] domains = {"example.com", "example.org", "example.net"};
        return local + random.nextInt(100) + "@" + domains[random.nextInt(domains.length)];
    }

    /** 1 strong support .. 5 strong opposition, for a campaign whose base is registered Democrats. */
    private static int supportLevel(String party, SplittableRandom random) {
        double lean = switch (party == null ? "" : party) {
            case "DEM" -> 1.6;
            case "REP" -> 4.3;
            case "GRE" -> 2.0;
            case "LIB" -> 3.8;
            default -> 3.0;
        };
        long level = Math.round(lean + random.nextGaussian() * 1.0);
        return (int) Math.max(1, Math.min(5, level));
    }
}
