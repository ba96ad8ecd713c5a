package org.muster.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * One campaign's matching configuration: the comparisons, the blocking rules and the thresholds, read from a
 * properties file (see default-match.properties, the defaults for US voter files). Keys left out take the defaults.
 */
public record MatchConfig(List<String> comparisons, List<BlockingRule> blockingRules,
        List<BlockingRule> trainingRules, List<BlockingRule> fallbackTrainingRules, double matchThreshold,
        double reviewThreshold, double clusterMinDensity, long uSamples, int maxBlockSize) {

    public MatchConfig {
        comparisons = List.copyOf(comparisons);
        blockingRules = List.copyOf(blockingRules);
        trainingRules = List.copyOf(trainingRules);
        fallbackTrainingRules = List.copyOf(fallbackTrainingRules);
        if (!(reviewThreshold <= matchThreshold && matchThreshold <= 1 && reviewThreshold >= 0)) {
            throw new IllegalArgumentException("Need 0 <= review threshold <= match threshold <= 1");
        }
    }

    public static MatchConfig defaults() {
        try (InputStream in = MatchConfig.class.getResourceAsStream("default-match.properties")) {
            Properties p = new Properties();
            p.load(in);
            return from(p, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a campaign's file; its keys override the defaults. */
    public static MatchConfig read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return from(p, defaults());
    }

    private static MatchConfig from(Properties p, MatchConfig base) {
        List<String> comparisons = p.containsKey("comparisons") ? list(p.getProperty("comparisons"))
                : base.comparisons();
        List<BlockingRule> rules = p.containsKey("blocking.rules")
                ? list(p.getProperty("blocking.rules")).stream().map(BlockingRule::parse).toList()
                : base.blockingRules();
        List<BlockingRule> training = p.containsKey("training.rules")
                ? list(p.getProperty("training.rules")).stream().map(BlockingRule::parse).toList()
                : base == null || p.containsKey("blocking.rules") ? rules : base.trainingRules();
        List<BlockingRule> fallback = p.containsKey("training.fallbackRules")
                ? list(p.getProperty("training.fallbackRules")).stream().map(BlockingRule::parse).toList()
                : base == null ? List.of() : base.fallbackTrainingRules();
        return new MatchConfig(comparisons, rules, training, fallback,
                number(p, "threshold.match", base == null ? null : base.matchThreshold()),
                number(p, "threshold.review", base == null ? null : base.reviewThreshold()),
                number(p, "cluster.minDensity", base == null ? null : base.clusterMinDensity()),
                (long) number(p, "training.uSamples", base == null ? null : (double) base.uSamples()),
                (int) number(p, "blocking.maxBlockSize", base == null ? null : (double) base.maxBlockSize()));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static double number(Properties p, String key, Double fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            if (fallback == null) throw new IllegalArgumentException("Missing " + key);
            return fallback;
        }
        return Double.parseDouble(v.strip());
    }

    public MatchConfig withComparisons(List<String> names) {
        return new MatchConfig(names, blockingRules, trainingRules, fallbackTrainingRules, matchThreshold,
                reviewThreshold, clusterMinDensity, uSamples, maxBlockSize);
    }

    public MatchConfig withMatchThreshold(double threshold) {
        return new MatchConfig(comparisons, blockingRules, trainingRules, fallbackTrainingRules, threshold,
                Math.min(reviewThreshold, threshold), clusterMinDensity, uSamples, maxBlockSize);
    }

    /** The comparison objects named in {@link #comparisons()}. */
    List<Comparison> buildComparisons() {
        List<Comparison> out = new ArrayList<>();
        for (String name : comparisons) {
            out.add(switch (name) {
                case "first" -> Comparisons.name(Field.FIRST, true);
                case "middle" -> Comparisons.name(Field.MIDDLE, true);
                case "last" -> Comparisons.name(Field.LAST, false);
                case "dob" -> Comparisons.birthDate();
                case "residence" -> Comparisons.residence();
                case "address" -> Comparisons.text(Field.ADDRESS);
                case "city" -> Comparisons.text(Field.CITY);
                case "zip" -> Comparisons.exact(Field.ZIP, true);
                case "state" -> Comparisons.exact(Field.STATE, false);
                case "email" -> Comparisons.email();
                case "phone" -> Comparisons.exact(Field.PHONE, true);
                case "ssn" -> Comparisons.exact(Field.SSN, true);
                case "geo" -> Comparisons.geo();
                default -> throw new IllegalArgumentException("Unknown comparison '" + name + "'");
            });
        }
        return out;
    }
}
