package dev.sptegen.dsl.conformance;

/** An invariant's condition computed with generated methods. */
@FunctionalInterface
public interface RuntimeCondition {
    boolean test(long[] args);
}
