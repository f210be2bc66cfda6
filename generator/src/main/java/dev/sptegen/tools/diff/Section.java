package dev.sptegen.tools.diff;

/** What kind of thing changed, in the order the report shows them. */
public enum Section {
    PROFILE("profile"),
    VENDOR("vendor"),
    PARAMETER("parameter"),
    ENUM("enum"),
    FIELD("field"),
    CONSTANT("constant"),
    FUNCTION("function"),
    VIEW("view"),
    INVARIANT("invariant");

    private final String label;

    Section(String label) {
        this.label = label;
    }

    /** Lower-case name used in text and JSON. */
    public String label() {
        return label;
    }
}
