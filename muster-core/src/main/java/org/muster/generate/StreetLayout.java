package org.muster.generate;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Lays households out along streets, as canvassers meet them: each ZIP builds one street at a time, block by block,
 * doors numbered in order along it with odd numbers on one side and even on the other, and the hundred changing at
 * each cross street. Neighbours therefore share a street and walk lists come out in a natural order. A street ends
 * at its county line (every door of a ZIP stays in the ZIP's county); a few doors are apartment buildings, several
 * households behind one number. Memory is one street under construction per ZIP and the street names used there.
 */
final class StreetLayout {

    private static final String[] STREET_WORDS = {"MAIN", "OAK", "PINE", "MAPLE", "CEDAR", "ELM", "WALNUT",
        "HICKORY", "DOGWOOD", "MAGNOLIA", "CHURCH", "MILL", "SPRING", "LAKE", "RIVER", "CREEK", "RIDGE", "VALLEY",
        "FOREST", "MEADOW", "HILL", "PARK", "MARKET", "COLLEGE", "SCHOOL", "UNION", "LIBERTY", "FRANKLIN",
        "WASHINGTON", "JEFFERSON", "MADISON", "LINCOLN", "GREEN", "SUNSET", "WILLOW", "BIRCH", "POPLAR", "LAUREL",
        "HOLLY", "CHESTNUT", "TOBACCO", "COTTON", "DEPOT", "RAILROAD", "OLD FARM", "FAIRVIEW", "PLEASANT",
        "HIGHLAND", "COUNTRY CLUB", "WOODLAND", "BROAD", "LONGLEAF", "CAROLINA", "PIEDMONT", "BLUE RIDGE"};
    private static final String[] ORDINALS = {"1ST", "2ND", "3RD", "4TH", "5TH", "6TH", "7TH", "8TH", "9TH", "10TH",
        "11TH", "12TH"};
    static final double METRES_PER_DEGREE_LAT = 111_320;
    /** At NC's middle latitude (35.5°) a degree of longitude is cos(35.5°) as long. */
    static final double METRES_PER_DEGREE_LON = METRES_PER_DEGREE_LAT * 0.814;
    private static final double DOOR_SPACING = 30;
    private static final double SETBACK = 15;
    private static final double CROSS_STREET = 25;
    private static final double STREET_START_SPREAD_DEGREES = 0.015;
    private static final double APARTMENT_RATE = 0.01;
    private static final int MAX_ATTEMPTS = 50;

    private final NcGeography geography;
    private final NamePool names;
    private final Weighted<String> suffixes;
    private final SplittableRandom random;
    private final Map<NcGeography.Zip, Street> building = new IdentityHashMap<>();
    private final Map<NcGeography.Zip, Set<String>> namesUsed = new IdentityHashMap<>();

    StreetLayout(NcGeography geography, NamePool names, Weighted<String> suffixes, SplittableRandom random) {
        this.geography = geography;
        this.names = names;
        this.suffixes = suffixes;
        this.random = random;
    }

    /** Sets the residence's street line and coordinates: the next door of its ZIP's street. */
    void place(DemoCampaignGenerator.Residence r) {
        Street street = building.get(r.zip);
        for (int attempt = 0; ; attempt++) {
            if (street == null || street.finished()) {
                street = newStreet(r.zip);
                building.put(r.zip, street);
            }
            if (street.apartmentUnitsLeft > 0) {
                r.latitude = street.apartmentLatitude;
                r.longitude = street.apartmentLongitude;
                r.street = street.apartmentNumber + " " + street.name + " APT " + street.nextApartmentUnit++;
                street.apartmentUnitsLeft--;
                return;
            }
            boolean odd = street.oddDoors == street.doorsPerSide ? false
                    : street.evenDoors == street.doorsPerSide || random.nextBoolean();
            int index = odd ? street.oddDoors : street.evenDoors;
            double along = street.block * (street.doorsPerSide * DOOR_SPACING + CROSS_STREET)
                    + (index + 0.5) * DOOR_SPACING;
            double across = odd ? SETBACK : -SETBACK;
            double lat = street.originLatitude + (along * street.alongLat + across * street.acrossLat)
                    / METRES_PER_DEGREE_LAT;
            double lon = street.originLongitude + (along * street.alongLon + across * street.acrossLon)
                    / METRES_PER_DEGREE_LON;
            // Rounded as the geocode file writes them, so the county and precinct are those of the stored point.
            lat = Math.round(lat * 100_000) / 100_000.0;
            lon = Math.round(lon * 100_000) / 100_000.0;
            if (geography.countyAt(lat, lon) != r.county && attempt < MAX_ATTEMPTS) {
                street.blocksLeft = 0;
                continue;
            }
            int number = street.hundred + (odd ? 1 : 0) + 2 * index;
            if (odd) street.oddDoors++;
            else street.evenDoors++;
            street.nextDoor();
            r.latitude = lat;
            r.longitude = lon;
            if (random.nextDouble() < APARTMENT_RATE) {
                street.apartmentUnitsLeft = 2 + random.nextInt(14);
                street.nextApartmentUnit = 1;
                street.apartmentNumber = number;
                street.apartmentLatitude = lat;
                street.apartmentLongitude = lon;
                r.street = number + " " + street.name + " APT " + street.nextApartmentUnit++;
            } else {
                r.street = number + " " + street.name;
            }
            return;
        }
    }

    private Street newStreet(NcGeography.Zip zip) {
        Street s = new Street();
        s.name = uniqueName(zip);
        s.originLatitude = zip.latitude();
        s.originLongitude = zip.longitude();
        for (int attempt = 0; attempt < 10; attempt++) {
            double lat = zip.latitude() + random.nextGaussian() * STREET_START_SPREAD_DEGREES;
            double lon = zip.longitude() + random.nextGaussian() * STREET_START_SPREAD_DEGREES;
            if (geography.countyAt(lat, lon) == zip.county()) {
                s.originLatitude = lat;
                s.originLongitude = lon;
                break;
            }
        }
        // Most streets follow the town grid (its orientation a property of the ZIP); the rest wander off at any angle.
        double gridAngle = Math.floorMod(zip.zip().hashCode(), 90) * Math.PI / 180;
        double angle = random.nextDouble() < 0.7 ? gridAngle + random.nextInt(4) * Math.PI / 2
                : random.nextDouble() * 2 * Math.PI;
        s.alongLat = Math.sin(angle);
        s.alongLon = Math.cos(angle);
        s.acrossLat = -s.alongLon;
        s.acrossLon = s.alongLat;
        s.doorsPerSide = 4 + random.nextInt(9);
        s.blocksLeft = 1 + random.nextInt(5);
        s.hundred = 100 * (1 + random.nextInt(30));
        return s;
    }

    /** A street name not yet used in the ZIP, so two streets never share an address. */
    private String uniqueName(NcGeography.Zip zip) {
        Set<String> used = namesUsed.computeIfAbsent(zip, z -> new HashSet<>());
        String name;
        int attempt = 0;
        do {
            StringBuilder b = new StringBuilder(24);
            double kind = random.nextDouble();
            if (kind < 0.08) b.append(ORDINALS[random.nextInt(ORDINALS.length)]);
            else if (kind < 0.45) b.append(names.lastName(random, false));
            else b.append(STREET_WORDS[random.nextInt(STREET_WORDS.length)]);
            b.append(' ').append(suffixes.pick(random));
            // Past a few tries the ZIP's names are crowded: a USPS post-directional (OAK ST N) makes a new street.
            if (++attempt > 3) b.append(' ').append("NSEW".charAt(random.nextInt(4)));
            name = b.toString();
        } while (!used.add(name));
        return name;
    }

    /** The street a ZIP is building: its geometry, the block being filled, and an apartment building in progress. */
    private static final class Street {
        String name;
        double originLatitude;
        double originLongitude;
        /** Unit vectors in metres (north, east components) along the street and to its odd side. */
        double alongLat;
        double alongLon;
        double acrossLat;
        double acrossLon;
        int doorsPerSide;
        int blocksLeft;
        int block;
        int hundred;
        int oddDoors;
        int evenDoors;
        int apartmentUnitsLeft;
        int nextApartmentUnit;
        int apartmentNumber;
        double apartmentLatitude;
        double apartmentLongitude;

        boolean finished() {
            return blocksLeft == 0 && apartmentUnitsLeft == 0;
        }

        void nextDoor() {
            if (oddDoors < doorsPerSide || evenDoors < doorsPerSide) return;
            block++;
            blocksLeft--;
            hundred += 100;
            oddDoors = 0;
            evenDoors = 0;
        }
    }
}
