package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an SPTE the way the spec does: which view it belongs to, and the value of every predicate
 * and extractor that takes just an SPTE (and a level).
 */
public final class Decoder {
    private final Interpreter in;

    public Decoder(Interpreter in) {
        this.in = in;
    }

    public Interpreter interpreter() {
        return in;
    }

    /** The first view, in declaration order, whose predicate holds. */
    public Optional<View> view(long spte, long level) {
        for (View v : in.layout().views().values()) {
            if (in.test(v.predicate(), Frame.of(View.args(), spte, level))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Functions decode shows: predicates and extractors of an SPTE, or of an SPTE and a level. */
    public List<Function> decodingFunctions() {
        return in.layout().functions().values().stream()
                .filter(f -> f.kind() == Function.Kind.PREDICATE || f.kind() == Function.Kind.EXTRACTOR)
                .filter(Decoder::takesSpteAndMaybeLevel)
                .toList();
    }

    /** Each decoding function's value for this SPTE (booleans as 0/1), by kernel name. */
    public Map<String, Long> functions(long spte, long level) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Function f : decodingFunctions()) {
            out.put(f.name(), f.args().size() == 1 ? in.call(f.name(), spte) : in.call(f.name(), spte, level));
        }
        return out;
    }

    private static boolean takesSpteAndMaybeLevel(Function f) {
        List<Arg> args = f.args();
        if (args.isEmpty() || !args.get(0).name().equals(View.SPTE)) {
            return false;
        }
        return args.size() == 1 || (args.size() == 2 && args.get(1).name().equals(View.LEVEL));
    }
}
