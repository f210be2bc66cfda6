package dev.sptegen.dsl.golden;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.View;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Everything observable about a spec, one line per element and profile: constant values, field
 * placement, static invariants, and a digest of every function and view predicate over a fixed,
 * evenly spread set of inputs. Then, for every profile and every parameter, a "probe" with that
 * parameter at other values (the MMIO caching switch, MAXPHYADDR 52, ...), as digests, so that
 * behaviour no bundled profile reaches is pinned too. Lines are produced lazily, so a comparison
 * can stop at the first difference.
 */
final class Fingerprint {
    private static final CaseSpace.Budget INPUTS = new CaseSpace.Budget(16, 8, 0xF1A6E2L);
    private static final int MAX_INPUTS = 4096;
    private static final CaseSpace.Budget PROBE_INPUTS = new CaseSpace.Budget(10, 2, 0xF1A6E3L);
    private static final int MAX_PROBE_INPUTS = 256;

    private Fingerprint() {
    }

    /** All lines of all profiles, probes included. */
    static List<String> of(Spec spec) {
        List<String> lines = new ArrayList<>();
        for (Profile p : spec.profiles().values()) {
            lines(spec, p, null).forEach(lines::add);
        }
        return lines;
    }

    /** The lines of one profile; the element named {@code first}, if any, comes first. */
    static Stream<String> lines(Spec spec, Profile profile, String first) {
        Interpreter in = new Interpreter(spec, profile);
        String prefix = spec.name() + "/" + profile.name() + " ";
        List<Supplier<String>> lines = new ArrayList<>();
        for (Element e : in.layout().elements()) {
            Supplier<String> line = () -> prefix + e.elementKind() + " " + e.name() + " " + attempt(() -> describe(in, e));
            if (e.name().equals(first)) {
                lines.add(0, line);
            } else {
                lines.add(line);
            }
        }
        for (Map.Entry<String, Long> probe : probes(spec, profile).entrySet()) {
            lines.add(() -> prefix + "probe " + probe.getKey() + " " + probeDigest(spec, profile, probe));
        }
        return lines.stream().map(Supplier::get);
    }

    private static String describe(Interpreter in, Element e) {
        if (e instanceof Constant c) {
            return Bits.hex(in.constant(c.name()));
        } else if (e instanceof Field f) {
            return in.field(f.name()).parts().stream().map(FieldBits.Part::toString).toList().toString();
        } else if (e instanceof Invariant i) {
            return i.isStatic() ? Boolean.toString(in.test(i.claim().asCondition(), Frame.EMPTY))
                    : i.scope() + " " + invariantDigest(in, i);
        } else if (e instanceof Function f) {
            return digest(in, f, INPUTS, MAX_INPUTS);
        }
        View v = (View) e;
        return v.fields() + " " + v.producers() + " " + viewDigest(in, v);
    }

    /** Other values for each parameter: booleans flipped, integers at their ends and next to the current value. */
    private static Map<String, Long> probes(Spec spec, Profile profile) {
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, Long> current = spec.parameterValues(profile);
        for (Parameter p : spec.parameters().values()) {
            long v = current.get(p.name());
            for (long alt : new long[] {p.min(), p.max(), v - 1, v + 1, v ^ 1}) {
                if (alt != v && p.accepts(alt)) {
                    out.putIfAbsent(p.name() + "=" + alt, alt);
                }
            }
        }
        return out;
    }

    private static String probeDigest(Spec spec, Profile profile, Map.Entry<String, Long> probe) {
        String param = probe.getKey().substring(0, probe.getKey().indexOf('='));
        Map<String, Long> bindings = new LinkedHashMap<>(profile.bindings());
        bindings.put(param, probe.getValue());
        Interpreter in = new Interpreter(spec, new Profile(profile.name(), profile.vendor(), bindings, profile.doc()));
        MessageDigest md = sha256();
        for (Element e : in.layout().elements()) {
            String text = attempt(() -> e instanceof Function f ? digest(in, f, PROBE_INPUTS, MAX_PROBE_INPUTS)
                    : e instanceof View ? "" : describe(in, e));
            md.update((e.name() + "=" + text + ";").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest(), 0, 8);
    }

    /** A digest of the function's outputs over inputs spread evenly across its case space. */
    static String digest(Interpreter in, Function f, CaseSpace.Budget budget, int max) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8);
        CaseSpace cases = CaseSpace.of(in, f, budget);
        long stride = Math.max(1, cases.size() / max);
        long[] seen = {0, 0};
        cases.forEach(args -> {
            if (seen[0]++ % stride != 0) {
                return true;
            }
            seen[1]++;
            for (long a : args) {
                md.update(buf.clear().putLong(a).array());
            }
            md.update(buf.clear().putLong(in.call(f.name(), args)).array());
            return true;
        });
        return seen[1] + " inputs " + HexFormat.of().formatHex(md.digest(), 0, 8);
    }

    /**
     * Truth of a value invariant's condition on arbitrary inputs (not only the ones it is claimed
     * for), so that a mutant that makes the condition vacuous is visible.
     */
    private static String invariantDigest(Interpreter in, Invariant i) {
        List<dev.sptegen.dsl.model.Arg> args = new ArrayList<>(View.args());
        if (i.scope() instanceof dev.sptegen.dsl.model.Scope.EveryCall c) {
            args = new ArrayList<>(in.layout().function(c.function()).args());
            args.add(new dev.sptegen.dsl.model.Arg(Invariant.RESULT, new dev.sptegen.dsl.model.ArgDomain.Word()));
        }
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8);
        long value = 0x2545f4914f6cdd1dL;
        long[] values = new long[args.size()];
        for (int n = 0; n < 1024; n++) {
            for (int k = 0; k < values.length; k++) {
                value = value * 6364136223846793005L + 1442695040888963407L;
                // Single bits, then random words; each argument reduced to something its domain admits.
                long raw = n < 64 ? 1L << ((n + 7 * k) % 64) : value;
                values[k] = args.get(k).domain() instanceof dev.sptegen.dsl.model.ArgDomain.Range r
                        ? r.min() + Long.remainderUnsigned(raw, r.max() - r.min() + 1)
                        : args.get(k).type() == dev.sptegen.dsl.model.Type.BOOL ? raw & 1 : raw;
            }
            md.update(buf.clear().putLong(in.eval(i.claim().asCondition(), Frame.of(args, values))).array());
        }
        return HexFormat.of().formatHex(md.digest(), 0, 8);
    }

    private static String viewDigest(Interpreter in, View v) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8);
        long value = 0x9e3779b97f4a7c15L;
        for (int i = 0; i < 512; i++) {
            value = value * 6364136223846793005L + 1442695040888963407L;
            long level = 1 + (i % 4);
            long spte = i < 64 ? 1L << i : value;
            md.update(buf.clear().putLong(in.eval(v.predicate(), Frame.of(View.args(), spte, level))).array());
        }
        return HexFormat.of().formatHex(md.digest(), 0, 8);
    }

    private static String attempt(Supplier<String> s) {
        try {
            return s.get();
        } catch (EvalException e) {
            return "error: " + e.getMessage();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
