package org.muster.segment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the filters of saved segments in place of {@code segment(name)} clauses, so executors only ever see
 * self-contained filters. A segment that refers to itself, directly or not, is an error rather than a loop.
 */
public final class SegmentResolver {

    private final Function<String, Optional<String>> savedFilterText;

    /** @param savedFilterText the text form of a saved segment's filter by name, empty if there is none */
    public SegmentResolver(Function<String, Optional<String>> savedFilterText) {
        this.savedFilterText = savedFilterText;
    }

    public Filter resolve(Filter filter) {
        return resolve(filter, new ArrayDeque<>());
    }

    private Filter resolve(Filter f, Deque<String> path) {
        return switch (f) {
            case Filter.And and -> new Filter.And(and.parts().stream().map(p -> resolve(p, path)).toList());
            case Filter.Or or -> new Filter.Or(or.parts().stream().map(p -> resolve(p, path)).toList());
            case Filter.Not not -> new Filter.Not(resolve(not.inner(), path));
            case Filter.SegmentRef ref -> {
                if (path.contains(ref.name())) {
                    throw new IllegalArgumentException("segment \"" + ref.name() + "\" refers to itself through "
                            + String.join(" -> ", path) + " -> " + ref.name());
                }
                String text = savedFilterText.apply(ref.name())
                        .orElseThrow(() -> new IllegalArgumentException("no saved segment named \"" + ref.name() + "\""));
                path.addLast(ref.name());
                Filter inner = resolve(SegmentParser.parse(text), path);
                path.removeLast();
                yield inner;
            }
            default -> f;
        };
    }
}
