package org.muster.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.muster.match.MatchRecord;
import org.muster.reference.ReferenceCsv;

/**
 * Made-up people drawn from the Census name frequencies and North Carolina ZIP codes, all different from one
 * another. A campaign with few people is padded with them for training: chance agreement (u) and name frequencies
 * then come from a realistic population instead of a handful of records. Never stored, never indexed.
 */
final class BackgroundPopulation {

    private static final String[] STREETS = {"MAIN ST", "OAK AVE", "CHURCH ST", "PARK RD", "ELM ST", "MILL RD",
            "HIGHLAND DR", "WASHINGTON ST", "MAPLE AVE", "CEDAR LN", "RIDGE RD", "LAKE DR", "HILL ST", "PINE ST"};

    private BackgroundPopulation() {
    }

    static List<MatchRecord> sample(int size, long seed) {
        Names last = new Names("names/last_names.csv");
        Names male = new Names("names/male_first_names.csv");
        Names female = new Names("names/female_first_names.csv");
        List<String[]> zips = ReferenceCsv.rows("geo/nc_zipcodes.csv");
        SplittableRandom random = new SplittableRandom(seed);
        List<MatchRecord> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String[] zip = zips.get(random.nextInt(zips.size()));
            String first = (random.nextBoolean() ? male : female).pick(random);
            String surname = last.pick(random);
            out.add(MatchRecord.builder("background-" + i).first(first).last(surname)
                    .birthDate(1930 + random.nextInt(76), 1 + random.nextInt(12), 1 + random.nextInt(28))
                    .address((1 + random.nextInt(9_999)) + " " + STREETS[random.nextInt(STREETS.length)])
                    .city(zip[1]).state(zip[2]).zip(zip[0])
                    .geo(Double.parseDouble(zip[3]) + random.nextDouble(-0.03, 0.03),
                            Double.parseDouble(zip[4]) + random.nextDouble(-0.03, 0.03))
                    .email(first + "." + surname + i + "@example.org")
                    .phone(String.format("919%07d", i))
                    .build());
        }
        return out;
    }

    /** Names weighted by their Census share (cumulative table + binary search). */
    private static final class Names {
        private final String[] names;
        private final double[] cumulative;

        Names(String resource) {
            List<String[]> rows = ReferenceCsv.rows(resource);
            names = new String[rows.size()];
            cumulative = new double[rows.size()];
            double sum = 0;
            for (int i = 0; i < names.length; i++) {
                names[i] = rows.get(i)[0];
                sum += Double.parseDouble(rows.get(i)[1]);
                cumulative[i] = sum;
            }
        }

        String pick(SplittableRandom random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            return names[Math.min(names.length - 1, i < 0 ? -i - 1 : i)];
        }
    }
}
