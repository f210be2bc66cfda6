package dev.sptegen.dsl.model;

/** The two value types of the expression language: a 64-bit unsigned word and a boolean. */
public enum Type {
    U64("u64"),
    BOOL("bool");

    private final String spelling;

    Type(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String toString() {
        return spelling;
    }
}
