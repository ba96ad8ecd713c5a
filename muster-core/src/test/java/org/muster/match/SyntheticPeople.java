package org.muster.match;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.muster.reference.ReferenceCsv;

/** Test data: people drawn from the Census name lists, a share of them duplicated with realistic typos. */
final class SyntheticPeople {

    final List<MatchRecord> records = new ArrayList<>();
    final List<Object> truth = new ArrayList<>();

    SyntheticPeople(int people, double duplicateRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> firsts = ReferenceCsv.rows("names/male_first_names.csv").subList(0, 300);
        List<String[]> lasts = ReferenceCsv.rows("names/last_names.csv").subList(0, 2000);
        for (int p = 0; p < people; p++) {
            String first = firsts.get(random.nextInt(firsts.size()))[0];
            String last = lasts.get(random.nextInt(lasts.size()))[0];
            int year = 1940 + random.nextInt(60);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            String zip = Integer.toString(27000 + random.nextInt(900));
            String street = (1 + random.nextInt(9000)) + " " + lasts.get(random.nextInt(lasts.size()))[0] + " st";
            String phone = "919" + (1000000 + random.nextInt(9000000));
            String email = first.toLowerCase() + "." + last.toLowerCase() + random.nextInt(100) + "@example.com";
            add("p" + p, p, first, last, year, month, day, zip, street, phone, email);
            if (random.nextDouble() < duplicateRate) {
                String first2 = random.nextBoolean() ? typo(first, random) : first;
                String last2 = first2.equals(first) ? typo(last, random) : last;
                boolean swapDate = random.nextDouble() < 0.1 && day <= 12;
                add("d" + p, p, first2, last2, year, swapDate ? day : month, swapDate ? month : day,
                        random.nextDouble() < 0.7 ? zip : null, random.nextDouble() < 0.6 ? street : null,
                        random.nextDouble() < 0.5 ? phone : null, random.nextDouble() < 0.5 ? email : null);
            }
        }
    }

    private void add(String id, int person, String first, String last, int y, int m, int d, String zip,
            String street, String phone, String email) {
        records.add(MatchRecord.builder(id).first(first).last(last).birthDate(y, m, d).zip(zip).address(street)
                .phone(phone).email(email).state("NC").build());
        truth.add(person);
    }

    /** Drops, doubles or swaps one letter. */
    static String typo(String s, SplittableRandom random) {
        int i = 1 + random.nextInt(Math.max(1, s.length() - 2));
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
            default -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s + "e";
        };
    }
}
