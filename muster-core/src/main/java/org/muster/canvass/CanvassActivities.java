package org.muster.canvass;

import java.util.List;

/**
 * The timeline activity types an applied canvassing result writes: a conversation at the door or on the phone is
 * {@code canvass} or {@code call}, any other result an attempt ({@code canvass_attempt}, {@code call_attempt}).
 * Segments ({@code contacted(30d, canvass)}) and the map's contact measure read these names.
 */
public final class CanvassActivities {

    /** Every type a canvassing result can write. */
    public static final List<String> ALL = List.of("canvass", "canvass_attempt", "call", "call_attempt");

    private CanvassActivities() {
    }

    public static String type(ListKind kind, ResultCode code) {
        String channel = kind == ListKind.WALK ? "canvass" : "call";
        return code.contact() ? channel : channel + "_attempt";
    }
}
