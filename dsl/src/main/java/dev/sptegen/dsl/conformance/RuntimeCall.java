package dev.sptegen.dsl.conformance;

/** A call of a generated method, with its arguments as words and a boolean result as 0 or 1. */
@FunctionalInterface
public interface RuntimeCall {
    long apply(long[] args);
}
