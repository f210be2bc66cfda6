package dev.sptegen.gen.c.selftests;

import dev.sptegen.dsl.check.CheckedSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The KVM selftests generated for one spec, by path relative to the spec's C output. */
public final class Selftests {
    private Selftests() {
    }

    public static Map<String, String> files(CheckedSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        return out;
    }
}
