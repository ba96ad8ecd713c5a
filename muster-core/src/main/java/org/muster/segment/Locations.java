package org.muster.segment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Geocoded address points per person for the exact {@code within} tests: the first point of each person in two
 * arrays indexed by person id (16 bytes a person), further points (people with several geocoded addresses) aside.
 */
final class Locations {

    interface Test {
        boolean contains(double lat, double lon);
    }

    interface Point {
        void accept(double lat, double lon);
    }

    private double[] lat = new double[0];
    private double[] lon = new double[0];
    private final Map<Integer, double[]> more = new HashMap<>();

    void add(int person, double latitude, double longitude) {
        if (person >= lat.length) {
            int n = Math.max(person + 1, lat.length * 2);
            int from = lat.length;
            lat = Arrays.copyOf(lat, n);
            lon = Arrays.copyOf(lon, n);
            Arrays.fill(lat, from, n, Double.NaN);
        }
        if (Double.isNaN(lat[person])) {
            lat[person] = latitude;
            lon[person] = longitude;
        } else {
            double[] old = more.getOrDefault(person, new double[0]);
            double[] grown = Arrays.copyOf(old, old.length + 2);
            grown[old.length] = latitude;
            grown[old.length + 1] = longitude;
            more.put(person, grown);
        }
    }

    void clear(int person) {
        if (person < lat.length) lat[person] = Double.NaN;
        more.remove(person);
    }

    void forEach(int person, Point action) {
        if (person >= lat.length || Double.isNaN(lat[person])) return;
        action.accept(lat[person], lon[person]);
        double[] extra = more.get(person);
        if (extra != null) {
            for (int i = 0; i < extra.length; i += 2) action.accept(extra[i], extra[i + 1]);
        }
    }

    boolean any(int person, Test test) {
        if (person >= lat.length || Double.isNaN(lat[person])) return false;
        if (test.contains(lat[person], lon[person])) return true;
        double[] extra = more.get(person);
        if (extra != null) {
            for (int i = 0; i < extra.length; i += 2) {
                if (test.contains(extra[i], extra[i + 1])) return true;
            }
        }
        return false;
    }

    long sizeInBytes() {
        return 16L * lat.length + more.size() * 64L;
    }
}
