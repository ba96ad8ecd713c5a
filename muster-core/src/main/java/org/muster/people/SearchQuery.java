package org.muster.people;

import java.util.Arrays;
import java.util.List;

/**
 * What a person typed into the people search box, classified: an email, a phone number, a street address or a
 * name ("smith", "john smith", "smith, john", "smi jo"). Each part is a search key prefix (see {@link SearchKeys}).
 */
public record SearchQuery(Kind kind, String key, String firstNameKey) {

    public enum Kind { EMPTY, NAME, EMAIL, PHONE, ADDRESS }

    public static SearchQuery parse(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) return new SearchQuery(Kind.EMPTY, "", "");
        if (q.contains("@")) return new SearchQuery(Kind.EMAIL, SearchKeys.email(q), "");
        String digits = q.replaceAll("[^0-9]", "");
        if (digits.length() >= 7 && q.matches("[0-9+().\\-\\s]+")) {
            return new SearchQuery(Kind.PHONE, SearchKeys.phone(q), "");
        }
        if (Character.isDigit(q.charAt(0))) return new SearchQuery(Kind.ADDRESS, SearchKeys.address(q), "");
        if (q.contains(",")) {
            String last = q.substring(0, q.indexOf(','));
            String first = q.substring(q.indexOf(',') + 1);
            return name(SearchKeys.name(last), SearchKeys.name(first));
        }
        List<String> words = Arrays.stream(q.split("\\s+")).map(SearchKeys::name).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) return new SearchQuery(Kind.EMPTY, "", "");
        if (words.size() == 1) return name(words.get(0), "");
        // "John Smith" and "Mary Ann Smith": the last word is the last name, the first word the first name.
        return name(words.get(words.size() - 1), words.get(0));
    }

    private static SearchQuery name(String last, String first) {
        if (last.isEmpty() && first.isEmpty()) return new SearchQuery(Kind.EMPTY, "", "");
        return new SearchQuery(Kind.NAME, last, first);
    }
}
