package org.muster.canvass;

import java.time.Instant;

/**
 * A walk or call list: its people in order, the script read to them, where they came from ({@code source}: the
 * segment filter or "chosen people") and, when cut from a turf, the turf's id. {@code doors} counts its people,
 * {@code done} those with a final result.
 */
public record CanvassList(long id, long campaignId, String name, ListKind kind, long scriptId, String source, Long turfId,
        Instant createdAt, int doors, int done) {
}
