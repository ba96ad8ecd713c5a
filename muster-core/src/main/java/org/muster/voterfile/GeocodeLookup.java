package org.muster.voterfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Coordinates for registrations, from a side file: NC publishes no coordinates, so maps need a geocoder's output
 * (or the demo generator's {@code geocodes_demo.csv}: registration_key,latitude,longitude).
 */
@FunctionalInterface
public interface GeocodeLookup {

    record LatLon(double latitude, double longitude) {
    }

    /** The coordinates of a registration's residence, or null when unknown. */
    LatLon find(String registrationKey);

    static GeocodeLookup none() {
        return key -> null;
    }

    /** Loads a registration_key,latitude,longitude CSV (with header) into memory. */
    static GeocodeLookup loadCsv(Path file) throws IOException {
        Map<String, LatLon> byKey = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                if (f.length != 3) continue;
                try {
                    byKey.put(f[0], new LatLon(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
                } catch (NumberFormatException e) {
                    // A point we cannot read is a point we do not have: the person simply has no coordinates.
                }
            }
        }
        return byKey::get;
    }
}
