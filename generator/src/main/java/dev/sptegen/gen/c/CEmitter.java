package dev.sptegen.gen.c;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.gen.Emitter;
import dev.sptegen.gen.out.OutputTree;
import dev.sptegen.gen.text.Templates;
import java.util.List;
import java.util.Map;

/**
 * The C output: per spec, a kernel-style header and the KVM selftests generated from the spec,
 * under {@code <spec>/}: {@code sptegen_<spec>.h}, the selftests' {@code *.c} and the
 * selftest-library compatibility header for a 6.12 tree (the installer writes the tree's own).
 */
public final class CEmitter implements Emitter {
    @Override
    public String name() {
        return "c";
    }

    @Override
    public void emit(List<CheckedSpec> specs, OutputTree out) {
        for (CheckedSpec s : specs) {
            for (Map.Entry<String, String> f : files(s).entrySet()) {
                out.add(s.name() + "/" + f.getKey(), f.getValue());
            }
        }
    }

    /** The header of a spec, by file name. */
    public static String header(CheckedSpec spec) {
        return Templates.render("c/header.ftl", HeaderBuilder.build(spec));
    }

    /** Header and selftests of one spec, relative paths to text, in a fixed order. */
    public static Map<String, String> files(CheckedSpec spec) {
        java.util.LinkedHashMap<String, String> files = new java.util.LinkedHashMap<>();
        files.put(CNames.header(spec.spec()), header(spec));
        files.put(dev.sptegen.gen.c.selftests.Compat.FILE, dev.sptegen.gen.c.selftests.Compat.render(false, false, "6.12"));
        files.putAll(dev.sptegen.gen.c.selftests.Selftests.files(spec));
        return files;
    }
}
