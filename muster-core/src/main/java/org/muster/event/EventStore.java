package org.muster.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events and attendance (implemented in {@code org.muster.store}). */
public interface EventStore {

    /** Creates an event; the name must not be blank. */
    Event create(long campaignId, String name, Instant startsAt, String location);

    List<Event> list(long campaignId);

    /** Sets the person's status for the event (one row per person and event), with an outbox event. */
    void setAttendance(long eventId, long personId, AttendanceStatus status);

    /** Adds many people to an event at once (people already on it are an error), with an outbox event each. */
    void addAttendance(long eventId, Map<Long, AttendanceStatus> statuses);

    /** Person id to status, for one event. */
    Map<Long, AttendanceStatus> attendance(long eventId);
}
