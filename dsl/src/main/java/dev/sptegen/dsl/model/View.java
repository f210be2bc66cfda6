package dev.sptegen.dsl.model;

import java.util.List;
import java.util.Objects;

/**
 * One reading of the 64-bit word (MMU-present leaf, MMIO, frozen marker, ...). Views overlap; the
 * first view in declaration order whose predicate holds classifies a value.
 *
 * @param predicate a boolean expression over the arguments {@value #SPTE} and {@value #LEVEL}
 * @param fields the fields that carry meaning in this view; they must not overlap each other
 * @param producers the makers whose outputs are values of this view
 * @param levels the paging levels at which values of this view occur
 */
public record View(String name, Expr predicate, List<String> fields, List<String> producers,
                   ArgDomain.Range levels, String doc) implements Element {

    /** Name of the SPTE argument of view predicates and view invariants. */
    public static final String SPTE = "spte";
    /** Name of the paging-level argument of view predicates and view invariants (1 = 4 KiB). */
    public static final String LEVEL = "level";

    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(predicate, "predicate");
        fields = List.copyOf(fields);
        producers = List.copyOf(producers);
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(doc, "doc");
    }

    /** The arguments a view predicate or view invariant may use. */
    public static List<Arg> args() {
        return List.of(new Arg(SPTE, new ArgDomain.Word()), new Arg(LEVEL, new ArgDomain.Range(1, 5)));
    }

    /** The same arguments, with the level limited to the levels this view occurs at. */
    public List<Arg> argsAtItsLevels() {
        return List.of(new Arg(SPTE, new ArgDomain.Word()), new Arg(LEVEL, levels));
    }

    @Override
    public String elementKind() {
        return "view";
    }

    public View withPredicate(Expr newPredicate) {
        return new View(name, newPredicate, fields, producers, levels, doc);
    }

    public View withFields(List<String> newFields) {
        return new View(name, predicate, newFields, producers, levels, doc);
    }

    public View withProducers(List<String> newProducers) {
        return new View(name, predicate, fields, newProducers, levels, doc);
    }

    public View withLevels(ArgDomain.Range newLevels) {
        return new View(name, predicate, fields, producers, newLevels, doc);
    }

    public View withDoc(String newDoc) {
        return new View(name, predicate, fields, producers, levels, newDoc);
    }

    public View withName(String newName) {
        return new View(newName, predicate, fields, producers, levels, doc);
    }
}
