package org.muster.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.muster.reference.ReferenceCsv;

/**
 * North Carolina as the generator sees it: ZIPs with centroids, each assigned to the county whose seat is nearest
 * (the bundled ZIP list has no county), and per county a fixed set of precinct centres. Counties are the areas
 * nearest their seat ({@link #countyAt}) and every household is placed inside its county's area; it belongs to the
 * nearest precinct centre of its county, so precincts are convex, non-overlapping areas (see {@link PrecinctShapes});
 * every district is a function of the precinct. Precinct codes carry the county number, so they are unique statewide.
 */
final class NcGeography {

    record Zip(String zip, String city, double latitude, double longitude, County county) {
    }

    record Precinct(String abbrv, String desc, double latitude, double longitude, String municipalityAbbrv,
                    String municipalityDesc, String wardAbbrv, String wardDesc, String congressional,
                    String senate, String house) {
    }

    static final class County {
        final int id;
        final String desc;
        final double seatLatitude;
        final double seatLongitude;
        final List<Zip> zips = new ArrayList<>();
        Precinct[] precincts;
        /** Per precinct, the bounding box of the households placed in it: min lat, min lon, max lat, max lon. */
        double[][] extents;

        County(int id, String desc, double seatLatitude, double seatLongitude) {
            this.id = id;
            this.desc = desc;
            this.seatLatitude = seatLatitude;
            this.seatLongitude = seatLongitude;
        }
    }

    /** About 2,650 precincts statewide, as in NC, spread by the number of ZIPs (a proxy for population). */
    private static final double PRECINCTS_PER_ZIP = 2.45;
    private static final double MIN_LAT = 33.8;
    private static final double MAX_LAT = 36.6;
    private static final double MIN_LON = -84.35;
    private static final double MAX_LON = -75.4;

    final List<Zip> zips = new ArrayList<>();
    final List<County> counties = new ArrayList<>();

    NcGeography(SplittableRandom random) {
        List<String[]> zipRows = ReferenceCsv.rows("geo/nc_zipcodes.csv");
        for (String[] row : ReferenceCsv.rows("geo/nc_counties.csv")) {
            String seat = row[3];
            String[] seatZip = zipRows.stream().filter(z -> z[1].equals(seat)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("County seat " + seat + " not in nc_zipcodes.csv"));
            counties.add(new County(Integer.parseInt(row[0]), row[1], Double.parseDouble(seatZip[3]),
                    Double.parseDouble(seatZip[4])));
        }
        // PO-box and unique ZIPs repeat their city's centroid; keeping one per point leaves residential ZIPs.
        Set<String> seenPoints = new HashSet<>();
        for (String[] row : zipRows) {
            if (!seenPoints.add(row[3] + "," + row[4])) continue;
            double lat = Double.parseDouble(row[3]);
            double lon = Double.parseDouble(row[4]);
            County county = countyAt(lat, lon);
            Zip zip = new Zip(row[0], row[1].toUpperCase(Locale.ROOT), lat, lon, county);
            zips.add(zip);
            county.zips.add(zip);
        }
        for (County county : counties) {
            if (county.zips.isEmpty()) {
                Zip seatZip = zips.stream().min((a, b) -> Double.compare(
                        distance2(a.latitude, a.longitude, county.seatLatitude, county.seatLongitude),
                        distance2(b.latitude, b.longitude, county.seatLatitude, county.seatLongitude))).orElseThrow();
                county.zips.add(new Zip(seatZip.zip, seatZip.city, county.seatLatitude, county.seatLongitude, county));
            }
            county.precincts = precincts(county, random);
            county.extents = new double[county.precincts.length][];
        }
    }

    /** The county whose seat is nearest: counties are these areas, and every household stays inside its own. */
    County countyAt(double lat, double lon) {
        County best = null;
        double bestDistance = Double.MAX_VALUE;
        for (County county : counties) {
            double d = distance2(lat, lon, county.seatLatitude, county.seatLongitude);
            if (d < bestDistance) {
                bestDistance = d;
                best = county;
            }
        }
        return best;
    }

    private static Precinct[] precincts(County county, SplittableRandom random) {
        int count = Math.max(2, (int) Math.round(county.zips.size() * PRECINCTS_PER_ZIP));
        Precinct[] precincts = new Precinct[count];
        for (int i = 0; i < count; i++) {
            Zip near = county.zips.get(random.nextInt(county.zips.size()));
            double lat = near.latitude + random.nextGaussian() * 0.03;
            double lon = near.longitude + random.nextGaussian() * 0.03;
            Zip closest = nearestZip(county, lat, lon);
            String number = i + 1 < 10 ? "0" + (i + 1) : Integer.toString(i + 1);
            String abbrv = county.id + "-" + number;
            boolean municipal = random.nextDouble() < 0.7;
            String municipalityAbbrv = "";
            String municipalityDesc = "";
            String wardAbbrv = "";
            String wardDesc = "";
            if (municipal) {
                String letters = closest.city.replace(" ", "");
                municipalityAbbrv = letters.substring(0, Math.min(3, letters.length()));
                municipalityDesc = closest.city;
                if (cityZipCount(county, closest.city) >= 4) {
                    // Wards are the quadrants around the city centre: contiguous, and stable per precinct.
                    int ward = 1 + (lat > closest.latitude ? 0 : 2) + (lon > closest.longitude ? 0 : 1);
                    wardAbbrv = "W" + ward;
                    wardDesc = "WARD " + ward;
                }
            }
            precincts[i] = new Precinct(abbrv, closest.city + " " + number, lat, lon, municipalityAbbrv,
                    municipalityDesc, wardAbbrv, wardDesc,
                    Integer.toString(1 + band(MAX_LON - lon, MAX_LON - MIN_LON, 14)),
                    Integer.toString(1 + band(lat - MIN_LAT, MAX_LAT - MIN_LAT, 5) * 10
                            + band(lon - MIN_LON, MAX_LON - MIN_LON, 10)),
                    Integer.toString(1 + band(lat - MIN_LAT, MAX_LAT - MIN_LAT, 8) * 15
                            + band(lon - MIN_LON, MAX_LON - MIN_LON, 15)));
        }
        return precincts;
    }

    /** Districts are bands of a grid over the state: crude, but contiguous and consistent per precinct. */
    private static int band(double offset, double range, int bands) {
        return Math.max(0, Math.min(bands - 1, (int) (offset / range * bands)));
    }

    private static Zip nearestZip(County county, double lat, double lon) {
        Zip best = county.zips.getFirst();
        for (Zip zip : county.zips) {
            if (distance2(lat, lon, zip.latitude, zip.longitude) < distance2(lat, lon, best.latitude, best.longitude)) {
                best = zip;
            }
        }
        return best;
    }

    private static int cityZipCount(County county, String city) {
        int n = 0;
        for (Zip zip : county.zips) if (zip.city.equals(city)) n++;
        return n;
    }

    /** The precinct of a household: the nearest centre of its county; the precinct's extent grows to hold it. */
    static Precinct locatePrecinct(County county, double lat, double lon) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < county.precincts.length; i++) {
            Precinct precinct = county.precincts[i];
            double d = distance2(lat, lon, precinct.latitude, precinct.longitude);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        double[] extent = county.extents[best];
        if (extent == null) {
            county.extents[best] = new double[] {lat, lon, lat, lon};
        } else {
            extent[0] = Math.min(extent[0], lat);
            extent[1] = Math.min(extent[1], lon);
            extent[2] = Math.max(extent[2], lat);
            extent[3] = Math.max(extent[3], lon);
        }
        return county.precincts[best];
    }

    /** Squared distance in degrees with longitude shrunk by cos(35.5°): enough to compare distances within NC. */
    static double distance2(double lat1, double lon1, double lat2, double lon2) {
        double dLat = lat1 - lat2;
        double dLon = (lon1 - lon2) * 0.814;
        return dLat * dLat + dLon * dLon;
    }
}
