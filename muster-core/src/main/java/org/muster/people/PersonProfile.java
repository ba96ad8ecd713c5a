package org.muster.people;

import java.util.List;

/** Everything the profile page shows about one person. Lists are newest first where they have a time. */
public record PersonProfile(
        Person person,
        List<String> emails,
        List<String> phones,
        List<PostalAddress> addresses,
        List<Registration> registrations,
        List<VoteRecord> votes,
        List<String> tags,
        List<ConsentEntry> consent,
        List<Activity> timeline) {
}
