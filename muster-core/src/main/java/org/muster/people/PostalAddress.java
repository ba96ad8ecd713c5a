package org.muster.people;

/** A postal address, already normalised (USPS Pub 28 forms in the US). Coordinates may be null. */
public record PostalAddress(
        String kind,
        String line1,
        String line2,
        String city,
        String state,
        String zip,
        String country,
        Double latitude,
        Double longitude) {

    public String oneLine() {
        StringBuilder s = new StringBuilder(line1 == null ? "" : line1);
        if (line2 != null && !line2.isBlank()) s.append(", ").append(line2);
        if (city != null) s.append(", ").append(city);
        if (state != null) s.append(", ").append(state);
        if (zip != null) s.append(' ').append(zip);
        return s.toString();
    }
}
