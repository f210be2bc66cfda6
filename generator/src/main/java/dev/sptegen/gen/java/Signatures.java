package dev.sptegen.gen.java;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Spec;
import java.util.ArrayList;
import java.util.List;

/** Which functions every profile of a spec has with the same Java signature: the shared interface. */
final class Signatures {
    private Signatures() {
    }

    static String of(Function f) {
        StringBuilder b = new StringBuilder(JavaType.of(f.returns()).name()).append(' ').append(f.name()).append('(');
        for (Arg a : f.args()) {
            b.append(JavaType.of(a).name()).append(' ');
        }
        return b.append(')').toString();
    }

    /** Functions of the first layout whose signature every layout of the spec shares, in declaration order. */
    static List<Function> common(Spec spec) {
        List<Layout> layouts = new ArrayList<>(spec.layouts().values());
        List<Function> out = new ArrayList<>();
        for (Function f : layouts.get(0).functions().values()) {
            boolean everywhere = layouts.stream().allMatch(l -> l.functions().containsKey(f.name())
                    && of(l.function(f.name())).equals(of(f)));
            if (everywhere) {
                out.add(f);
            }
        }
        return out;
    }
}
