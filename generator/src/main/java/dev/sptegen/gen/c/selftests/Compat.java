package dev.sptegen.gen.c.selftests;

import dev.sptegen.gen.text.Templates;

/**
 * {@code sptegen_selftests.h}: what the installer found out about the tree's selftest library, so
 * the generated tests pick the right API. Generated output ships the 6.12 answer; the installer
 * writes the tree's own.
 */
public final class Compat {
    public static final String FILE = "sptegen_selftests.h";

    /** The template model. */
    public record Model(String release, int pteMasks, int vmGetPte) {
    }

    private Compat() {
    }

    public static String render(boolean pteMasks, boolean vmGetPte, String release) {
        return Templates.render("selftests/compat.ftl", new Model(release, pteMasks ? 1 : 0, vmGetPte ? 1 : 0));
    }
}
