package org.muster.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.muster.MusterException;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.match.CandidatePairs;
import org.muster.match.Evaluation;
import org.muster.match.ListFile;
import org.muster.match.MatchConfig;
import org.muster.match.MatchIndex;
import org.muster.match.MatchModel;
import org.muster.match.MatchRecord;
import org.muster.match.Matcher;
import org.muster.match.VoterFileRecords;
import org.muster.match.VoterFlags;
import org.muster.match.Field;
import org.muster.identity.LinkResult;
import org.muster.identity.PersonLinker;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.store.JooqMatchStore;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.VoterFileImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./muster bench match}: identity-resolution accuracy on the public data sets with ground truth (FEBRL 1-4,
 * Splink fake_1000 / fake_20000) using the default configuration untouched, and the scoring speed per core.
 */
@Command(name = "match", description = "Identity resolution: accuracy on FEBRL and Splink data, and speed.")
public final class MatchBench implements Callable<Integer> {

    @Option(names = "--data", description = "Directory holding febrl/ and splink/ (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("../shared/data");

    @Option(names = "--only", description = "Run only the data sets whose name contains this text.")
    String only = "";

    @Option(names = "--generated", description = "People in the generated NC voter file with planted duplicates "
            + "(default: ${DEFAULT-VALUE}; 0 skips it).")
    int generated = 100_000;

    @Option(names = "--threshold", description = "Override every configuration's match threshold.")
    Double threshold;

    @Option(names = "--linker", description = "Also import the generated file into a fresh SQLite database and time "
            + "PersonLinker.link (the database-backed entry point) on this many of its people; 0 skips it.")
    int linkerLookups = 0;

    /** The generated files, for the linker and the voter-file flag measurements. */
    private GeneratedFiles generatedFiles;

    @Option(names = "--rules", description = "Also print each blocking rule's pair count and true pairs.")
    boolean rules;

    @Option(names = "--evidence", description = "For the generated file, also break the true pairs down by what they "
            + "share besides the names (middle name, birth year, residence), with the wrong candidate pairs that share "
            + "the same, and count the duplicate-registration flags (VoterFlags, precision-first) raised.")
    boolean evidence;

    /** One data set: its records with the true entity of each. */
    private record Labelled(String name, List<MatchRecord> records, Object[] truth, boolean link) {
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(data.resolve("febrl"))) {
            throw new MusterException("No data sets under " + data.toAbsolutePath() + " (use --data)");
        }
        MatchConfig config = MatchConfig.defaults();
        List<Labelled> sets = new ArrayList<>();
        for (String n : List.of("1", "2", "3")) sets.add(febrl("FEBRL " + n, true, "dataset" + n + ".csv"));
        sets.add(febrl("FEBRL 4 (4a-4b link)", true, "dataset4a.csv", "dataset4b.csv"));
        for (String n : List.of("1", "2", "3")) sets.add(febrl("FEBRL " + n + " without SSN", false, "dataset" + n + ".csv"));
        sets.add(febrl("FEBRL 4 without SSN", false, "dataset4a.csv", "dataset4b.csv"));
        sets.add(splink("Splink fake_1000", "fake_1000.csv"));
        sets.add(splink("Splink fake_20000", "fake_20000.csv"));
        if (generated > 0) sets.add(generatedVoterFile(generated));
        System.out.printf("threshold %.2f, cluster density %.2f, %d blocking rules%n%n", config.matchThreshold(),
                config.clusterMinDensity(), config.blockingRules().size());
        System.out.println("| data set | records | candidate pairs | blocking recall (direct / transitive)"
                + " | pairs above threshold P / R / F1"
                + " | clusters pairwise P / R / F1 | B-cubed F1 | seconds |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        List<Matcher.Run> speedRuns = new ArrayList<>();
        MatchConfig splinkConfig = campaignFile("splink-match.properties");
        MatchConfig febrlConfig = campaignFile("febrl-match.properties");
        for (Labelled set : sets) {
            if (!set.name.contains(only)) continue;
            MatchConfig setConfig = set.name.startsWith("Splink") ? splinkConfig : set.name.startsWith("FEBRL") ? febrlConfig : config;
            if (threshold != null) setConfig = setConfig.withMatchThreshold(threshold);
            Matcher matcher = new Matcher(setConfig);
            long start = System.nanoTime();
            Matcher.Run run = set.link ? matcher.link(set.records) : matcher.dedupe(set.records);
            double seconds = (System.nanoTime() - start) / 1e9;
            int[] source = set.link ? set.records.stream().mapToInt(MatchRecord::source).toArray() : null;
            Evaluation.Scores s = Evaluation.clusters(set.truth, run.clusterOf(), source);
            long trueCandidates = Evaluation.trueCandidatePairs(set.truth, run.pairs());
            long above = 0;
            long correctAbove = 0;
            for (int k = 0; k < run.pairs().size(); k++) {
                if (run.probability()[k] < matcher.config().matchThreshold()) continue;
                above++;
                if (set.truth[run.pairs().left(k)].equals(set.truth[run.pairs().right(k)])) correctAbove++;
            }
            double pp = above == 0 ? 1 : correctAbove / (double) above;
            double pr = correctAbove / (double) s.truePairs();
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.4f / %.4f | %.4f / %.4f / %.4f | %.4f / %.4f / %.4f | %.4f | %.1f |%n",
                    set.name, set.records.size(), run.pairs().size(), trueCandidates / (double) s.truePairs(),
                    transitiveRecall(set, run, source, s.truePairs()), pp, pr,
                    2 * pp * pr / (pp + pr), s.precision(), s.recall(), s.f1(), s.bcubedF1(), seconds);
            if (rules) printRules(set, run);
            System.out.printf(Locale.ROOT, "    seconds: blocking %.1f, comparing %.1f, training and scoring %.1f, clustering %.1f%n",
                    run.blockingNanos() / 1e9, run.comparingNanos() / 1e9, run.trainingNanos() / 1e9,
                    run.clusteringNanos() / 1e9);
            if (set.name.equals("Splink fake_20000") || set.name.equals("FEBRL 3")) speedRuns.add(run);
            if (set.name.startsWith("generated")) {
                if (evidence) printEvidence(set, run, matcher.config().matchThreshold());
                measureIncremental(matcher.config(), run);
                measureFlags(matcher, set);
                if (linkerLookups > 0) measureLinker(run.records(), linkerLookups);
            }
        }
        for (Matcher.Run run : speedRuns) measureSpeed(run);
        return 0;
    }

    /**
     * Share of true pairs whose records are connected through candidate pairs that are true matches: what a
     * perfect scorer plus clustering could still recover, even where the two records were never compared directly.
     */
    private static double transitiveRecall(Labelled set, Matcher.Run run, int[] source, long truePairs) {
        int n = set.records.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int k = 0; k < run.pairs().size(); k++) {
            int a = run.pairs().left(k);
            int b = run.pairs().right(k);
            if (set.truth[a].equals(set.truth[b])) parent[root(parent, a)] = root(parent, b);
        }
        int[] component = new int[n];
        for (int i = 0; i < n; i++) component[i] = root(parent, i);
        return Evaluation.clusters(set.truth, component, source).correctPairs() / (double) truePairs;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void printRules(Labelled set, Matcher.Run run) {
        MatchModel model = run.model();
        System.out.printf(Locale.ROOT, "    prior log2-odds among candidates %.2f%n", model.priorLog2Odds());
        for (var c : model.comparisons()) {
            double[][] mu = model.parameters().get(c.name());
            StringBuilder line = new StringBuilder("    " + c.name() + ":");
            for (int l = 1; l < c.levels(); l++) {
                line.append(String.format(Locale.ROOT, " [%s m=%.3f u=%.5f]", c.label(l), mu[0][l], mu[1][l]));
            }
            System.out.println(line);
        }
        byte[] ruleOf = run.blocking().ruleOfPair();
        for (int r = 0; r < run.blocking().rules().size(); r++) {
            long truePairs = 0;
            for (int k = 0; k < ruleOf.length; k++) {
                if (ruleOf[k] == r && set.truth[run.pairs().left(k)].equals(set.truth[run.pairs().right(k)])) truePairs++;
            }
            System.out.printf(Locale.ROOT, "    rule %-45s pairs %,10d  true pairs added %,8d  oversized blocks %d%n",
                    run.blocking().rules().get(r), run.blocking().pairsPerRule()[r], truePairs,
                    run.blocking().skippedBlocksPerRule()[r]);
        }
    }

    /**
     * The true pairs grouped by the evidence they share besides the names, each group with: true pairs, those among
     * the candidates, those scored at or above the threshold, and the wrong candidate pairs with the same evidence
     * (all of them, and those at or above the threshold). Then the flags VoterFlags raises, which never rest on
     * names and birth date alone.
     */
    private static void printEvidence(Labelled set, Matcher.Run run, double threshold) {
        MatchModel model = run.model();
        java.util.Map<Long, Integer> candidate = new java.util.HashMap<>();
        for (int k = 0; k < run.pairs().size(); k++) candidate.put(pairKey(run.pairs().left(k), run.pairs().right(k)), k);
        java.util.Map<String, long[]> groups = new java.util.TreeMap<>();
        java.util.Map<Object, List<Integer>> people = new java.util.HashMap<>();
        for (int i = 0; i < set.records.size(); i++) people.computeIfAbsent(set.truth[i], t -> new ArrayList<>()).add(i);
        for (List<Integer> person : people.values()) {
            for (int x = 0; x < person.size(); x++) {
                for (int y = x + 1; y < person.size(); y++) {
                    int a = Math.min(person.get(x), person.get(y));
                    int b = Math.max(person.get(x), person.get(y));
                    long[] g = groups.computeIfAbsent(evidenceGroup(model, set.records.get(a), set.records.get(b)),
                            e -> new long[5]);
                    g[0]++;
                    Integer k = candidate.get(pairKey(a, b));
                    if (k == null) continue;
                    g[1]++;
                    if (run.probability()[k] >= threshold) g[2]++;
                }
            }
        }
        for (int k = 0; k < run.pairs().size(); k++) {
            MatchRecord a = set.records.get(run.pairs().left(k));
            MatchRecord b = set.records.get(run.pairs().right(k));
            if (set.truth[run.pairs().left(k)].equals(set.truth[run.pairs().right(k)])) continue;
            long[] g = groups.get(evidenceGroup(model, a, b));
            if (g == null) continue;
            g[3]++;
            if (run.probability()[k] >= threshold) g[4]++;
        }
        System.out.println("    true pairs by the evidence they share besides the names (middle / birth year / residence):"
                + " true pairs, candidates, at or above threshold; wrong candidate pairs with that evidence, at or above");
        groups.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).forEach(e ->
                System.out.printf(Locale.ROOT, "    %-62s %,7d %,7d %,7d ; %,10d %,6d%n", e.getKey(), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]));
        List<VoterFlags.Flag> flags = VoterFlags.duplicateRegistrations(run, VoterFlags.DEFAULT_MIN_PROBABILITY);
        java.util.Map<String, Object> truthOf = new java.util.HashMap<>();
        for (int i = 0; i < set.records.size(); i++) truthOf.put(set.records.get(i).id(), set.truth[i]);
        long right = flags.stream().filter(f -> truthOf.get(f.recordId()).equals(truthOf.get(f.otherId()))).count();
        System.out.printf(Locale.ROOT, "    duplicate-registration flags (p >= %.3f and a field besides name and birth "
                + "date corroborating): %,d, of which %,d true%n", VoterFlags.DEFAULT_MIN_PROBABILITY, flags.size(), right);
    }

    /** Middle name, birth year and residence levels: what a pair shares besides the first and last names. */
    private static String evidenceGroup(MatchModel model, MatchRecord a, MatchRecord b) {
        var e = model.explain(a, b);
        return "middle " + e.field("middle").level() + " / " + e.field("dob").level() + " / "
                + (e.field("residence").levelIndex() <= 1 ? "moved" : "residence " + e.field("residence").level());
    }

    private static long pairKey(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    /** One incoming record at a time against an index of the whole file, as a form or API call would do. */
    private static void measureIncremental(MatchConfig config, Matcher.Run run) {
        long start = System.nanoTime();
        MatchIndex index = new MatchIndex(config, run.model(), run.records());
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        int lookups = 2000;
        long found = 0;
        start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            found += index.find(run.records().get((int) ((long) i * run.records().size() / lookups)),
                    config.reviewThreshold()).size();
        }
        double ms = (System.nanoTime() - start) / 1e6 / lookups;
        System.out.printf(Locale.ROOT, "    incremental: index of %,d records built in %.1f s; one record matched in "
                + "%.3f ms on average over %,d lookups (%d matches in the review band or above)%n",
                run.records().size(), buildSeconds, ms, lookups, found);
    }

    /**
     * The database-backed path a form or canvass entry takes: the generated file imported into a fresh SQLite
     * database, then {@code PersonLinker.link} on people of the file as if they came in again (outbox catch-up,
     * index lookup, and the write of the decision). The first call builds the index and trains the model.
     */
    private void measureLinker(List<MatchRecord> records, int lookups) throws IOException {
        Path file = Files.createTempFile("muster-linker-bench", ".db");
        try (Database db = Database.open(DatabaseConfig.sqlite(file))) {
            long campaign = db.campaigns().create("Linker benchmark", "NC").id();
            long start = System.nanoTime();
            new VoterFileImporter(db.imports(), VoterFileImporter.DEFAULT_BATCH).run(campaign, generatedFiles.voterFile(), null,
                    GeocodeLookup.none(), false, (phase, done, total, counts) -> { });
            double importSeconds = (System.nanoTime() - start) / 1e9;
            PersonLinker linker = new PersonLinker(new JooqMatchStore(db), db.people());
            start = System.nanoTime();
            linker.link(campaign, incoming(records.get(0)), "bench");
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            java.util.Map<LinkResult.Decision, Integer> decisions = new java.util.EnumMap<>(LinkResult.Decision.class);
            start = System.nanoTime();
            for (int i = 1; i <= lookups; i++) {
                LinkResult r = linker.link(campaign, incoming(records.get((int) ((long) i * (records.size() - 1) / lookups))), "bench");
                decisions.merge(r.decision(), 1, Integer::sum);
            }
            double ms = (System.nanoTime() - start) / 1e6 / lookups;
            System.out.printf(Locale.ROOT, "    linker (SQLite): file imported in %.1f s; first link (reads %,d people, "
                    + "trains, indexes) %.1f s; then %.2f ms per link on average over %,d people linked again %s%n",
                    importSeconds, records.size(), firstSeconds, ms, lookups, decisions);
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    /** A record of the file as a form would bring it in again: names, birth, first address, email and phone. */
    private static NewPerson incoming(MatchRecord r) {
        String birth = r.birthDate();
        java.time.LocalDate date = birth != null && birth.length() == 10 ? java.time.LocalDate.parse(birth) : null;
        Integer year = birth == null ? null : Integer.valueOf(birth.substring(0, 4));
        List<PostalAddress> address = r.get(Field.ADDRESS) == null ? List.of() : List.of(new PostalAddress("home",
                r.get(Field.ADDRESS), null, r.get(Field.CITY), r.get(Field.STATE), r.get(Field.ZIP), "US", null, null));
        return new NewPerson(r.get(Field.FIRST), r.get(Field.MIDDLE), r.get(Field.LAST), null, date, year, null, null,
                null, ContactCategory.PROSPECT, "bench", null,
                r.get(Field.EMAIL) == null ? List.of() : List.of(r.get(Field.EMAIL)),
                r.get(Field.PHONE) == null ? List.of() : List.of(r.get(Field.PHONE)), address, List.of(), List.of(), List.of());
    }

    /**
     * Scores the candidate pairs of a run again and again on this one thread (all levels of every default
     * comparison, then the weights and term-frequency adjustment), for comparisons per second per core.
     */
    private static void measureSpeed(Matcher.Run run) {
        MatchModel model = run.model();
        CandidatePairs pairs = run.pairs();
        List<MatchRecord> records = run.records();
        double sink = 0;
        long scored = 0;
        long start = System.nanoTime();
        long warmEnd = start + 2_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (int k = 0; k < pairs.size(); k++) sink += model.score(records.get(pairs.left(k)), records.get(pairs.right(k)));
        }
        start = System.nanoTime();
        long end = start + 5_000_000_000L;
        while (System.nanoTime() < end) {
            for (int k = 0; k < pairs.size(); k++) sink += model.score(records.get(pairs.left(k)), records.get(pairs.right(k)));
            scored += pairs.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%nscoring speed, one thread, %,d candidate pairs, comparisons %s: "
                + "%,.0f scored pairs/s per core (checksum %.1f)%n", pairs.size(),
                model.comparisons().stream().map(c -> c.name()).toList(), scored / seconds, sink);
    }

    /**
     * The deceased and moved-out-of-state flags (VoterFlags at its default probability) of the generated voter file
     * against the generated death list and other-state list: precision and recall by the generator's true persons,
     * and how many namesakes (same names and birth year, not the voter) were flagged.
     */
    private void measureFlags(Matcher matcher, Labelled set) throws IOException {
        java.util.Map<String, Object> truePerson = new java.util.HashMap<>();
        for (int i = 0; i < set.records.size(); i++) truePerson.put(set.records.get(i).id(), set.truth[i]);
        for (boolean deaths : new boolean[] {true, false}) {
            Path listFile = deaths ? generatedFiles.deathsFile() : generatedFiles.otherStateFile();
            java.util.Map<String, String[]> truth = new java.util.HashMap<>();
            try (var lines = Files.lines(deaths ? generatedFiles.deathsTruthFile() : generatedFiles.otherStateTruthFile(),
                    StandardCharsets.UTF_8)) {
                lines.skip(1).map(line -> line.split(",", -1)).forEach(f -> truth.put(f[0], f));
            }
            List<MatchRecord> list = ListFile.read(listFile, n -> { });
            List<MatchRecord> records = new ArrayList<>(set.records);
            records.addAll(list);
            long start = System.nanoTime();
            Matcher.Run link = matcher.link(records);
            List<VoterFlags.Flag> flags = deaths ? VoterFlags.deceased(link, VoterFlags.DEFAULT_MIN_PROBABILITY)
                    : VoterFlags.movedOutOfState(link, "NC", VoterFlags.DEFAULT_MIN_PROBABILITY);
            double seconds = (System.nanoTime() - start) / 1e9;
            String planted = deaths ? "deceased" : "moved";
            java.util.Set<String> found = new java.util.HashSet<>();
            int right = 0;
            int namesakes = 0;
            double expectedWrong = 0;
            for (VoterFlags.Flag f : flags) {
                String[] t = truth.get(f.otherId());
                expectedWrong += f.expectedFalsePositiveRate();
                if (t[1].equals(planted) && t[3].equals(String.valueOf(truePerson.get(f.recordId())))) {
                    right++;
                    found.add(f.otherId());
                } else if (t[1].equals("namesake")) {
                    namesakes++;
                }
            }
            long total = truth.values().stream().filter(t -> t[1].equals(planted)).count();
            long decoys = truth.values().stream().filter(t -> t[1].equals("namesake")).count();
            System.out.printf(Locale.ROOT, "    %s flags against %s (%,d records, %,d planted, %,d namesakes): %,d flags, "
                            + "precision %.4f, recall %.4f, namesakes flagged %d, expected wrong %.2f; %.1f s%n",
                    deaths ? "possible-deceased" : "moved-out-of-state", listFile.getFileName(), list.size(), total,
                    decoys, flags.size(), flags.isEmpty() ? 1 : right / (double) flags.size(),
                    found.size() / (double) total, namesakes, expectedWrong, seconds);
        }
    }

    /** The demo generator's NC voter file: duplicates planted with typos, nicknames and moves, truth beside it. */
    private Labelled generatedVoterFile(int people) throws IOException {
        Path dir = Path.of("muster-bench/target/match-data/" + people);
        GeneratedFiles files = DemoCampaignGenerator.generate(new GeneratorOptions(people, 1, dir), n -> { });
        generatedFiles = files;
        List<MatchRecord> records = VoterFileRecords.readNc(files.voterFile());
        java.util.Map<String, String> truePerson = new java.util.HashMap<>();
        try (var lines = Files.lines(files.truthPersonsFile(), StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(line -> {
                String[] f = line.split(",");
                truePerson.put(f[0], f[2]);
            });
        }
        return new Labelled(String.format(Locale.ROOT, "generated NC voter file (%,d people)", people), records,
                records.stream().map(r -> truePerson.get(r.id())).toArray(), false);
    }

    /** A data set's campaign file, as its campaign would write it: its keys over the shipped defaults. */
    private static MatchConfig campaignFile(String resource) throws IOException {
        try (var in = new java.io.InputStreamReader(MatchBench.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return MatchConfig.read(in);
        }
    }

    private Labelled febrl(String name, boolean ssn, String... files) throws IOException {
        List<MatchRecord> records = new ArrayList<>();
        List<Object> truth = new ArrayList<>();
        for (int source = 0; source < files.length; source++) {
            List<String> lines = Files.readAllLines(data.resolve("febrl").resolve(files[source]), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
                String id = f[0];
                truth.add(id.substring(0, id.indexOf('-', 4)));
                MatchRecord.Builder b = MatchRecord.builder(id).source(source).first(f[1]).last(f[2])
                        .address(f[3] + " " + f[4] + " " + f[5]).city(f[6]).zip(f[7]).state(f[8]).birthDate(f[9]);
                if (ssn) b.ssn(f[10]);
                records.add(b.build());
            }
        }
        return new Labelled(name, records, truth.toArray(), files.length > 1);
    }

    private Labelled splink(String name, String file) throws IOException {
        List<MatchRecord> records = new ArrayList<>();
        List<Object> truth = new ArrayList<>();
        List<String> lines = Files.readAllLines(data.resolve("splink").resolve(file), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            truth.add(f[6]);
            records.add(MatchRecord.builder(f[0]).first(f[1]).last(f[2]).birthDate(f[3]).city(f[4]).email(f[5]).build());
        }
        return new Labelled(name, records, truth.toArray(), false);
    }
}
