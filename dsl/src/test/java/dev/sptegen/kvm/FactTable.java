package dev.sptegen.kvm;

import dev.sptegen.dsl.eval.Interpreter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Rows of golden facts: one expected value per era, profile and kernel name, each citing the facts
 * section it comes from. A fact is declared once for a set of eras and profiles and expanded to one
 * row for every (era, profile) pair the era offers.
 *
 * @param <V> the type of the expected value
 */
final class FactTable<V> {

    /** One golden fact for one spec and profile. */
    record Row<V>(Era era, String profile, String name, V expected, String source) {
        Interpreter interpreter() {
            return era.interpreter(profile);
        }

        @Override
        public String toString() {
            return era.specName() + "/" + profile + " " + name + " [facts " + source + "]";
        }
    }

    private final List<Row<V>> rows = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    /** Facts that hold in these eras for these profiles (profiles an era lacks are skipped). */
    Where where(Set<Era> eras, Set<String> profiles) {
        return new Where(eras, profiles);
    }

    Stream<Row<V>> rows() {
        return rows.stream();
    }

    int size() {
        return rows.size();
    }

    /** A selection of eras and profiles to declare facts for. */
    final class Where {
        private final Set<Era> eras;
        private final Set<String> profiles;

        private Where(Set<Era> eras, Set<String> profiles) {
            this.eras = eras;
            this.profiles = profiles;
        }

        /** Declares that {@code name} has the value {@code expected}, citing facts section {@code source}. */
        Where is(String name, V expected, String source) {
            int before = rows.size();
            for (Era era : eras) {
                for (String profile : era.profiles()) {
                    if (profiles.contains(profile)) {
                        add(new Row<>(era, profile, name, expected, source));
                    }
                }
            }
            if (rows.size() == before) {
                throw new IllegalStateException("fact " + name + " selects no era/profile");
            }
            return this;
        }

        private void add(Row<V> row) {
            if (!keys.add(row.era() + "/" + row.profile() + "/" + row.name())) {
                throw new IllegalStateException("two facts for " + row);
            }
            rows.add(row);
        }
    }
}
