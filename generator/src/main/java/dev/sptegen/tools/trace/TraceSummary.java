package dev.sptegen.tools.trace;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Everything a trace check found, for the report and the exit code. */
public final class TraceSummary {
    /** One thing wrong, with the line that shows it. */
    public record Finding(long line, String raw, String message) {
    }

    final Map<TraceEvent.Kind, Long> events = new EnumMap<>(TraceEvent.Kind.class);
    final Map<String, Long> views = new TreeMap<>();
    final Map<String, TreeSet<String>> fieldsSeen = new TreeMap<>();
    final Map<Integer, Long> levels = new TreeMap<>();
    final List<Finding> unclassified = new ArrayList<>();
    final List<Finding> violations = new ArrayList<>();
    long lines;
    long values;
    long mmioPaired;
    long mmioFromSpec;
    long unparsed;

    public long values() {
        return values;
    }

    public long classified() {
        return values - unclassified.size();
    }

    public List<Finding> unclassified() {
        return List.copyOf(unclassified);
    }

    public List<Finding> violations() {
        return List.copyOf(violations);
    }

    public Map<String, Long> views() {
        return Map.copyOf(views);
    }

    public long events(TraceEvent.Kind k) {
        return events.getOrDefault(k, 0L);
    }

    public long mmioPaired() {
        return mmioPaired;
    }

    public long mmioFromSpec() {
        return mmioFromSpec;
    }

    public long totalEvents() {
        return events.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Nothing unclassified, nothing violated. */
    public boolean ok() {
        return unclassified.isEmpty() && violations.isEmpty();
    }
}
