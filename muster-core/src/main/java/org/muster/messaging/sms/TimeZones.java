package org.muster.messaging.sms;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.muster.reference.ReferenceCsv;

/**
 * A US recipient's time zone from their address: a ZIP prefix of a state split between zones first, then the
 * state (from the address, else from the ZIP prefix), else the campaign's fallback zone. Tables and their
 * limits: {@code org/muster/reference/timezones/PROVENANCE.md}.
 */
public final class TimeZones {

    private static final Map<String, ZoneId> ZONES = new HashMap<>();
    private static final Map<String, String> ZIP3_STATES = new HashMap<>();

    static {
        for (String[] row : ReferenceCsv.rows("timezones/us_time_zones.csv")) ZONES.put(row[0], ZoneId.of(row[1]));
        for (String[] row : ReferenceCsv.rows("timezones/zip3_states.csv")) ZIP3_STATES.put(row[0], row[1]);
    }

    private final ZoneId fallback;

    public TimeZones(ZoneId fallback) {
        this.fallback = fallback;
    }

    /** The zone of the campaign's state, or New York time when the state is unknown. */
    public static TimeZones forCampaignState(String state) {
        ZoneId zone = state == null ? null : ZONES.get(state.strip().toUpperCase(Locale.ROOT));
        return new TimeZones(zone == null ? ZoneId.of("America/New_York") : zone);
    }

    public ZoneId zoneOf(String state, String zip) {
        String zip3 = zip != null && zip.strip().length() >= 3 && zip.strip().substring(0, 3).chars().allMatch(Character::isDigit)
                ? zip.strip().substring(0, 3) : null;
        if (zip3 != null && ZONES.containsKey(zip3)) return ZONES.get(zip3);
        String st = state != null && !state.isBlank() ? state.strip().toUpperCase(Locale.ROOT) : zip3 == null ? null : ZIP3_STATES.get(zip3);
        ZoneId zone = st == null ? null : ZONES.get(st);
        return zone == null ? fallback : zone;
    }

    public ZoneId fallback() {
        return fallback;
    }
}
