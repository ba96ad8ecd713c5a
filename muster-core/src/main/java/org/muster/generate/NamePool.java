package org.muster.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.muster.reference.ReferenceCsv;

/** Names by 1990 Census frequency, nicknames, a few Spanish names with accents, and the typos of re-registration. */
final class NamePool {

    /** Accented forms exercise the Latin-1 encoding; the plain forms are in the Census lists too. */
    private static final List<String> SPANISH_SURNAMES = List.of("GARCÍA", "RODRÍGUEZ", "MARTÍNEZ", "HERNÁNDEZ",
            "LÓPEZ", "GONZÁLEZ", "PÉREZ", "SÁNCHEZ", "RAMÍREZ", "TORRES", "FLORES", "RIVERA", "GÓMEZ", "DÍAZ", "CRUZ",
            "MORALES", "REYES", "GUTIÉRREZ", "ORTIZ", "MUÑOZ", "NÚÑEZ", "PEÑA", "CASTILLO", "JIMÉNEZ", "VÁSQUEZ");
    private static final List<String> SPANISH_MALE = List.of("JOSÉ", "JUAN", "LUIS", "CARLOS", "JESÚS", "MIGUEL",
            "RAMÓN", "JORGE", "ÁNGEL", "RAÚL");
    private static final List<String> SPANISH_FEMALE = List.of("MARÍA", "ANA", "ROSA", "SOFÍA", "LUCÍA",
            "GUADALUPE", "CARMEN", "VERÓNICA", "ELENA", "MÓNICA");

    private final Weighted<String> last = weighted("names/last_names.csv");
    private final Weighted<String> male = weighted("names/male_first_names.csv");
    private final Weighted<String> female = weighted("names/female_first_names.csv");
    private final Map<String, List<String>> nicknames = new HashMap<>();

    NamePool() {
        for (String[] row : ReferenceCsv.rows("names/nicknames.csv")) {
            nicknames.computeIfAbsent(row[0].toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(row[1].toUpperCase(Locale.ROOT));
        }
    }

    private static Weighted<String> weighted(String resource) {
        List<String[]> rows = ReferenceCsv.rows(resource);
        double[] weights = new double[rows.size()];
        for (int i = 0; i < weights.length; i++) weights[i] = Double.parseDouble(rows.get(i)[1]);
        return new Weighted<>(rows.stream().map(r -> r[0]).toList(), weights);
    }

    String lastName(SplittableRandom random, boolean hispanic) {
        if (hispanic && random.nextDouble() < 0.6) return accents(SPANISH_SURNAMES, random);
        return last.pick(random);
    }

    String firstName(SplittableRandom random, String gender, boolean hispanic) {
        boolean female = gender.equals("F") || gender.equals("U") && random.nextBoolean();
        if (hispanic && random.nextDouble() < 0.5) return accents(female ? SPANISH_FEMALE : SPANISH_MALE, random);
        return (female ? this.female : male).pick(random);
    }

    /** Half the Spanish names are registered without their accents, as many forms are filled in. */
    private static String accents(List<String> names, SplittableRandom random) {
        String name = names.get(random.nextInt(names.size()));
        return random.nextBoolean() ? name : stripAccents(name);
    }

    static String stripAccents(String name) {
        StringBuilder plain = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            plain.append(switch (c) {
                case 'Á' -> 'A';
                case 'É' -> 'E';
                case 'Í' -> 'I';
                case 'Ó' -> 'O';
                case 'Ú' -> 'U';
                case 'Ñ' -> 'N';
                default -> c;
            });
        }
        return plain.toString();
    }

    /** A nickname of the given first name, or null when the list has none. */
    String nickname(String firstName, SplittableRandom random) {
        List<String> options = nicknames.get(firstName);
        return options == null ? null : options.get(random.nextInt(options.size()));
    }

    /** Swaps two adjacent letters (not the first: people rarely get that wrong); null when nothing would change. */
    static String transpose(String name, SplittableRandom random) {
        if (name.length() < 3) return null;
        int i = 1 + random.nextInt(name.length() - 2);
        if (name.charAt(i) == name.charAt(i + 1)) return null;
        char[] chars = name.toCharArray();
        chars[i] = name.charAt(i + 1);
        chars[i + 1] = name.charAt(i);
        return new String(chars);
    }

    /** Drops one letter after the first; always a different string for names of two letters or more. */
    static String dropLetter(String name, SplittableRandom random) {
        if (name.length() < 2) return name + name;
        int i = 1 + random.nextInt(name.length() - 1);
        return name.substring(0, i) + name.substring(i + 1);
    }
}
