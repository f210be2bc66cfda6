package dev.sptegen.tools.diff;

/** How an element differs between the two specs. */
public enum ChangeKind {
    ADDED("added", "+"),
    REMOVED("removed", "-"),
    /** Gone under its old name, present under a new one with the same definition in every profile. */
    RENAMED("renamed", "="),
    CHANGED("changed", "~");

    private final String label;
    private final String mark;

    ChangeKind(String label, String mark) {
        this.label = label;
        this.mark = mark;
    }

    public String label() {
        return label;
    }

    /** One-character mark of the text report. */
    public String mark() {
        return mark;
    }
}
