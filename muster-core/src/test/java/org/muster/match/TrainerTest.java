package org.muster.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.reference.ReferenceCsv;

class TrainerTest {

    private final List<MatchRecord> records = new ArrayList<>();
    private final List<Object> truth = new ArrayList<>();

    /**
     * An NC-style file: a birth year and no month, day or email. Each duplicate moved house and has one name
     * mistyped, so it shares only its names, middle name and birth year with the original. The default training
     * rules on a full date of birth or an email pair nothing here; names and birth year must still be learnt.
     */
    @Test
    void learnsNamesAndBirthYearFromAFileWithOnlyABirthYear() {
        SplittableRandom random = new SplittableRandom(11);
        List<String[]> firsts = ReferenceCsv.rows("names/male_first_names.csv").subList(0, 300);
        List<String[]> lasts = ReferenceCsv.rows("names/last_names.csv").subList(0, 2000);
        for (int p = 0; p < 20_000; p++) {
            String first = pick(firsts, random);
            String last = pick(lasts, random);
            String middle = pick(firsts, random);
            int year = 1940 + random.nextInt(60);
            add("p" + p, p, first, middle, last, year, random);
            if (random.nextDouble() < 0.05) {
                boolean firstTypo = random.nextBoolean();
                add("d" + p, p, firstTypo ? SyntheticPeople.typo(first, random) : first, middle,
                        firstTypo ? last : SyntheticPeople.typo(last, random), year, random);
            }
        }
        Matcher.Run run = new Matcher(MatchConfig.defaults()).dedupe(records);

        double[][] dob = run.model().parameters().get("dob");
        int sameYear = 3;
        assertThat(dob[0][sameYear]).as("m of the same birth year").isGreaterThan(0.6);
        int oneEdit = 6;
        assertThat(run.model().parameters().get("last")[0][oneEdit]).as("m of a surname one typo off").isGreaterThan(0.2);
        Evaluation.Scores s = Evaluation.clusters(truth.toArray(), run.clusterOf(), null);
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.recall()).isGreaterThanOrEqualTo(0.8);
    }

    /**
     * Families of one surname and birth year at one address, a fifth of them with one member registered twice (at
     * another address): the family is not what a duplicate looks like.
     */
    @Test
    void aSessionOnTheSurnameDoesNotLearnTheFamilyAddress() {
        SplittableRandom random = new SplittableRandom(5);
        List<String[]> firsts = ReferenceCsv.rows("names/male_first_names.csv").subList(0, 300);
        List<String[]> lasts = ReferenceCsv.rows("names/last_names.csv").subList(0, 2000);
        for (int f = 0; f < 5_000; f++) {
            String last = pick(lasts, random);
            int year = 1940 + random.nextInt(60);
            String street = (1 + random.nextInt(9000)) + " " + pick(lasts, random) + " st";
            String zip = Integer.toString(27000 + random.nextInt(900));
            String firstMember = null;
            for (int member = 0; member < 3; member++) {
                String first = pick(firsts, random);
                if (firstMember == null) firstMember = first;
                records.add(MatchRecord.builder("f" + f + "-" + member).first(first).last(last)
                        .birthYear(year).address(street).zip(zip).state("NC").build());
            }
            if (random.nextDouble() < 0.2) {
                records.add(MatchRecord.builder("f" + f + "-again").first(firstMember).last(last).birthYear(year)
                        .address((1 + random.nextInt(9000)) + " oak st").zip("28000").state("NC").build());
            }
        }
        MatchConfig config = MatchConfig.defaults();
        MatchModel model = Trainer.train(records, config.buildComparisons(),
                List.of(BlockingRule.parse("last_phonetic+birth_year")), new long[0], config, false, 1);
        // taking the families for duplicates, EM would learn that a duplicate's given name differs
        int different = 1;
        assertThat(model.parameters().get("first")[0][different]).as("m of a different given name").isLessThan(0.2);
    }

    private void add(String id, int person, String first, String middle, String last, int year, SplittableRandom random) {
        String street = (1 + random.nextInt(9000)) + " " + (char) ('a' + random.nextInt(26)) + "ake st";
        records.add(MatchRecord.builder(id).first(first).middle(middle).last(last).birthYear(year).address(street)
                .zip(Integer.toString(27000 + random.nextInt(900))).state("NC").build());
        truth.add(person);
    }

    private static String pick(List<String[]> names, SplittableRandom random) {
        return names.get(random.nextInt(names.size()))[0];
    }
}
