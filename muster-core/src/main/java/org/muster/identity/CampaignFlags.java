package org.muster.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.muster.MusterException;
import org.muster.match.Field;
import org.muster.match.MatchConfig;
import org.muster.match.MatchRecord;
import org.muster.match.Matcher;
import org.muster.match.VoterFlags;

/**
 * {@link VoterFlags} over a campaign's people: possible deceased against a death list, moved out of state against
 * another state's list, possible duplicate registrations within the campaign. Each flag names the person, their
 * registrations and the other record, with the evidence; {@link #tag} marks the flagged people so they can be
 * segmented and reviewed. Nothing is changed otherwise: a flag is a lead for a person to check, not a decision.
 */
public final class CampaignFlags {

    /** One flag with the campaign's side of it: person, their name as matched, their registration ids. */
    public record Flagged(VoterFlags.Flag flag, long personId, String name, List<String> registrationIds) {
    }

    /** What a run found: the people read, the list's records (0 for duplicates), the pairs scored, the flags. */
    public record Result(VoterFlags.Kind kind, int people, int listRecords, long candidatePairs,
            List<Flagged> flags) {
    }

    private CampaignFlags() {
    }

    /** The tag {@link #tag} gives for a kind of flag, e.g. flag-possible-deceased. */
    public static String tagName(VoterFlags.Kind kind) {
        return "flag-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** People linked to a death list (records of source 1, see {@link org.muster.match.ListFile}). */
    public static Result deceased(MatchStore store, long campaignId, MatchConfig config, List<MatchRecord> deathList,
            double minProbability, CampaignDedupe.Progress progress) {
        return link(store, campaignId, config, deathList, VoterFlags.Kind.POSSIBLE_DECEASED,
                run -> VoterFlags.deceased(run, minProbability), progress);
    }

    /**
     * People linked to another state's list at an address outside {@code homeState} (null: the state of most of the
     * campaign's addresses).
     */
    public static Result movedOutOfState(MatchStore store, long campaignId, MatchConfig config,
            List<MatchRecord> otherList, String homeState, double minProbability, CampaignDedupe.Progress progress) {
        return link(store, campaignId, config, otherList, VoterFlags.Kind.MOVED_OUT_OF_STATE,
                run -> VoterFlags.movedOutOfState(run, homeState != null ? homeState : usualState(run.records()),
                        minProbability), progress);
    }

    private static String usualState(List<MatchRecord> records) {
        return records.stream().filter(r -> r.source() == 0).map(r -> r.get(Field.STATE)).filter(s -> s != null)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new MusterException("The campaign's people have no state in their addresses: "
                        + "name the home state."));
    }

    /** Pairs of the campaign's people that are likely one person registered twice. */
    public static Result duplicates(MatchStore store, long campaignId, MatchConfig config, double minProbability,
            CampaignDedupe.Progress progress) {
        List<MatchRecord> people = people(store, campaignId, progress);
        progress.report("matching", 0, people.size());
        // trained as the dedupe trains, so both score a pair alike
        Matcher.Run run = new Matcher(config).dedupe(people, CampaignIndex.train(config, people));
        progress.report("matching", people.size(), people.size());
        return result(store, campaignId, VoterFlags.Kind.POSSIBLE_DUPLICATE_REGISTRATION, people.size(), 0, run,
                VoterFlags.duplicateRegistrations(run, minProbability));
    }

    /**
     * Tags every flagged person (for a duplicate, both people) with {@link #tagName}, each with a timeline entry;
     * returns how many were newly tagged.
     */
    public static int tag(MatchStore store, long campaignId, Result result, String source) {
        Set<Long> people = new LinkedHashSet<>();
        for (Flagged f : result.flags()) {
            people.add(f.personId());
            if (result.kind() == VoterFlags.Kind.POSSIBLE_DUPLICATE_REGISTRATION) {
                people.add(Long.parseLong(f.flag().otherId()));
            }
        }
        String what = result.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return store.tag(campaignId, people, tagName(result.kind()), "Flagged: " + what + " (see the flag report)",
                source);
    }

    private interface Flagger {
        List<VoterFlags.Flag> flags(Matcher.Run run);
    }

    private static Result link(MatchStore store, long campaignId, MatchConfig config, List<MatchRecord> list,
            VoterFlags.Kind kind, Flagger flagger, CampaignDedupe.Progress progress) {
        for (MatchRecord r : list) {
            if (r.source() != 1) throw new IllegalArgumentException("List record " + r.id() + " is not of source 1");
        }
        List<MatchRecord> people = people(store, campaignId, progress);
        progress.report("matching", 0, people.size() + list.size());
        Matcher.Run run = new Matcher(config).link(Stream.concat(people.stream(), list.stream()).toList());
        progress.report("matching", people.size() + list.size(), people.size() + list.size());
        return result(store, campaignId, kind, people.size(), list.size(), run, flagger.flags(run));
    }

    private static List<MatchRecord> people(MatchStore store, long campaignId, CampaignDedupe.Progress progress) {
        progress.report("reading", 0, 0);
        List<MatchRecord> people = new ArrayList<>();
        store.scan(campaignId, null, p -> {
            people.add(PersonRecords.of(p));
            if (people.size() % 10_000 == 0) progress.report("reading", people.size(), 0);
        });
        progress.report("reading", people.size(), people.size());
        return people;
    }

    private static Result result(MatchStore store, long campaignId, VoterFlags.Kind kind, int people,
            int listRecords, Matcher.Run run, List<VoterFlags.Flag> flags) {
        Map<String, MatchRecord> byId = run.records().stream().filter(r -> r.source() == 0)
                .collect(Collectors.toMap(MatchRecord::id, r -> r));
        Map<Long, List<String>> registrations = store.registrationIds(campaignId,
                flags.stream().map(f -> Long.parseLong(f.recordId())).toList());
        List<Flagged> out = new ArrayList<>(flags.size());
        for (VoterFlags.Flag f : flags) {
            long person = Long.parseLong(f.recordId());
            out.add(new Flagged(f, person, name(byId.get(f.recordId())), registrations.getOrDefault(person, List.of())));
        }
        return new Result(kind, people, listRecords, run.pairs().size(), List.copyOf(out));
    }

    private static String name(MatchRecord r) {
        return Stream.of(Field.FIRST, Field.MIDDLE, Field.LAST).map(r::get).filter(v -> v != null)
                .collect(Collectors.joining(" "));
    }
}
