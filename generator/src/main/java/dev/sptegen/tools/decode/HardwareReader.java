package dev.sptegen.tools.decode;

import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the spec's hardware functions on one entry: the yes/no facts (present, misconfigured), the
 * reserved bits at the level, and the outcome of every kind of access. Functions are recognised by
 * kind and signature, not by name.
 */
final class HardwareReader {
    /** The x86 and EPT PS bit, which makes a level-2 or level-3 entry a huge-page leaf. */
    private static final String PAGE_SIZE = "PT_PAGE_SIZE_MASK";

    private HardwareReader() {
    }

    static SpteReading.Hardware read(Interpreter in, long spte, long level) {
        List<SpteReading.NamedValue> facts = new ArrayList<>();
        Optional<Long> reserved = Optional.empty();
        List<SpteReading.NamedValue> outcomes = new ArrayList<>();
        for (Function f : in.layout().functions().values()) {
            if (f.kind() != Function.Kind.HARDWARE) {
                continue;
            }
            List<Arg> args = f.args();
            if (f.returns() == Type.BOOL && spteFirst(args) && (args.size() == 1 || isLevel(args, 1) && args.size() == 2)) {
                facts.add(new SpteReading.NamedValue(f.name(), yesNo(in, f, spte, level)));
            } else if (f.returns() == Type.U64 && args.size() == 2 && isLevel(args, 0)
                    && args.get(1).domain() instanceof ArgDomain.Flag) {
                reserved = Optional.of(in.call(f.name(), level, large(in, spte, level) ? 1 : 0));
            } else if (f.returnsEnum().isPresent() && args.size() == 3 && spteFirst(args) && isLevel(args, 1)
                    && args.get(2).domain() instanceof ArgDomain.OfEnum kinds) {
                EnumType accesses = in.spec().enums().get(kinds.enumName());
                EnumType results = in.spec().enums().get(f.returnsEnum().get());
                for (EnumType.Value access : accesses.values()) {
                    outcomes.add(new SpteReading.NamedValue(access.name(), outcome(in, f, results, spte, level, access)));
                }
            }
        }
        return new SpteReading.Hardware(facts, reserved, outcomes);
    }

    private static boolean spteFirst(List<Arg> args) {
        return !args.isEmpty() && args.get(0).domain() instanceof ArgDomain.Word;
    }

    private static boolean isLevel(List<Arg> args, int i) {
        return args.size() > i && args.get(i).domain() instanceof ArgDomain.Range;
    }

    /** A huge-page leaf: PS set in a PDPTE or PDE. */
    private static boolean large(Interpreter in, long spte, long level) {
        if (level < 2 || level > 3 || !in.layout().constants().containsKey(PAGE_SIZE)) {
            return false;
        }
        return (spte & in.constant(PAGE_SIZE)) != 0;
    }

    private static String yesNo(Interpreter in, Function f, long spte, long level) {
        try {
            long v = f.args().size() == 1 ? in.call(f.name(), spte) : in.call(f.name(), spte, level);
            return v != 0 ? "yes" : "no";
        } catch (EvalException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String outcome(Interpreter in, Function f, EnumType results, long spte, long level,
                                  EnumType.Value access) {
        try {
            return results.nameOf(in.call(f.name(), spte, level, access.code()));
        } catch (EvalException e) {
            return "error: " + e.getMessage();
        }
    }
}
