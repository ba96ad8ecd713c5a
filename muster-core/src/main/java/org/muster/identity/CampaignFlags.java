package org.muster.identity;

import java.util.ArrayList;
import java.util.HashMap;
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

    /** One flag with the campaign's side of it: person, their name as stored, their registration ids. */
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
        People people = people(store, campaignId, progress);
        List<MatchRecord> records = people.records();
        progress.report("matching", 0, records.size());
        // trained as the dedupe trains, so both score a pair alike
        Matcher.Run run = new Matcher(config).dedupe(records, CampaignIndex.train(config, records));
        progress.report("matching", records.size(), records.size());
        return result(store, campaignId, VoterFlags.Kind.POSSIBLE_DUPLICATE_REGISTRATION, people, 0, run,
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
        People people = people(store, campaignId, progress);
        int total = people.records().size() + list.size();
        progress.report("matching", 0, total);
        Matcher.Run run = new Matcher(config).link(Stream.concat(people.records().stream(), list.stream()).toList());
        progress.report("matching", total, total);
        return result(store, campaignId, kind, people, list.size(), run, flagger.flags(run));
    }

    /** The campaign's people as match records, and their names as stored (for the report), by person id. */
    private record People(List<MatchRecord> records, Map<String, String> names) {
    }

    private static People people(MatchStore store, long campaignId, CampaignDedupe.Progress progress) {
        progress.report("reading", 0, 0);
        List<MatchRecord> records = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        store.scan(campaignId, null, p -> {
            records.add(PersonRecords.of(p));
            names.put(Long.toString(p.id()), Stream.of(p.firstName(), p.middleName(), p.lastName())
                    .filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" ")));
            if (records.size() % 10_000 == 0) progress.report("reading", records.size(), 0);
        });
        progress.report("reading", records.size(), records.size());
        return new People(records, names);
    }

    private static Result result(MatchStore store, long campaignId, VoterFlags.Kind kind, People people,
            int listRecords, Matcher.Run run, List<VoterFlags.Flag> flags) {
        Map<Long, List<String>> registrations = store.registrationIds(campaignId,
                flags.stream().map(f -> Long.parseLong(f.recordId())).toList());
        List<Flagged> out = new ArrayList<>(flags.size());
        for (VoterFlags.Flag f : flags) {
            long person = Long.parseLong(f.recordId());
            out.add(new Flagged(f, person, people.names().get(f.recordId()),
                    registrations.getOrDefault(person, List.of())));
        }
        return new Result(kind, people.records().size(), listRecords, run.pairs().size(), List.copyOf(out));
    }
}
