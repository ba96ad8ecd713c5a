package org.muster.geo;

import org.muster.MusterException;

/** A GeoJSON file that cannot be read as precinct shapes; the message names the feature and what is wrong. */
public final class GeoJsonException extends MusterException {

    public GeoJsonException(String message) {
        super(message);
    }
}
