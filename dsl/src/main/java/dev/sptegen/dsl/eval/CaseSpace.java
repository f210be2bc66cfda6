package dev.sptegen.dsl.eval;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The inputs to try for a function: every combination of the bits its result depends on when
 * there are at most {@link Budget#exhaustiveBits()} of them; otherwise every combination of the
 * narrow bits, each paired with one of a set of boundary and seeded random values of the wide
 * (address) bits; and when even the narrow bits are too many, seeded random inputs. Inputs that
 * fail the function's precondition are skipped.
 */
public final class CaseSpace {

    /**
     * How much to try.
     *
     * @param exhaustiveBits enumerate every combination up to this many bits
     * @param randomSamples random values per wide group, and random inputs when sampling everything
     * @param seed seed of all random choices, so that a failure reproduces
     */
    public record Budget(int exhaustiveBits, int randomSamples, long seed) {
        /** What the generated conformance suites use. */
        public static Budget tests(long seed) {
            return new Budget(24, 64, seed);
        }

        /** What validation uses: enough to find a counterexample quickly; the suites then search exhaustively. */
        public static Budget validation(long seed) {
            return new Budget(12, 8, seed);
        }
    }

    /** Receives one input; returns false to stop. The array is reused: copy it to keep it. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(long[] args);
    }

    /** The flag bits of a page-table entry, below the address. */
    private static final long FLAG_BITS = 0xFFFL;

    /**
     * Flag bits of the extra bases: all of them, and only the low permission bits (x86 P, W, U, PWT,
     * PCD; EPT R, W, X and the memory type) with the state bits above them (accessed, dirty, page
     * size) clear, so that a write through a clean entry is one toggle away.
     */
    private static final long[] FLAG_BASES = {FLAG_BITS, 0x1FL};

    /** How the cases were chosen. */
    public enum Mode { EXHAUSTIVE, NARROW_EXHAUSTIVE, RANDOM, POINT }

    private final Interpreter interpreter;
    private final List<Arg> args;
    private final Optional<Expr> requires;
    private final long[] supports;
    private final long[] exhaustive;
    private final long[][] explicit;
    private final long[][] rows;
    private final Mode mode;
    private final Budget budget;
    private final String[] names;

    private CaseSpace(Interpreter interpreter, List<Arg> args, Map<String, Long> support,
                      Optional<Expr> requires, Budget budget, ProducedValues produced,
                      Map<String, long[]> fixed, Map<String, Long> passThrough) {
        this.interpreter = interpreter;
        this.args = List.copyOf(args);
        this.requires = requires;
        this.budget = budget;
        this.names = Frame.names(args);
        int n = args.size();
        supports = new long[n];
        exhaustive = new long[n];
        explicit = new long[n][];
        long[] wide = new long[n];
        long addressBits = addressBits();
        int narrowBits = 0;
        int wideBits = 0;
        for (int i = 0; i < n; i++) {
            Arg a = args.get(i);
            long used = support.getOrDefault(a.name(), 0L);
            ArgDomain d = a.domain();
            if (fixed.containsKey(a.name())) {
                supports[i] = used;
                explicit[i] = fixed.get(a.name());
                narrowBits += bitsFor(explicit[i].length);
                continue;
            }
            if (d instanceof ArgDomain.Word) {
                supports[i] = used;
                wide[i] = used & (addressBits | passThrough.getOrDefault(a.name(), 0L));
            } else if (d instanceof ArgDomain.Bits b) {
                supports[i] = used & wordBits(interpreter, d);
                wide[i] = b.address() ? supports[i] : 0;
            } else {
                supports[i] = used == 0 ? 0 : -1L;
                explicit[i] = used == 0 ? new long[] {first(d, produced)} : values(d, produced);
                narrowBits += bitsFor(explicit[i].length);
                continue;
            }
            narrowBits += Long.bitCount(supports[i] & ~wide[i]);
            wideBits += Long.bitCount(wide[i]);
        }
        if (!fixed.isEmpty() && wideBits == 0 && narrowBits <= budget.exhaustiveBits() + 12) {
            // The listed values of the fixed argument, with every combination of the others.
            mode = Mode.POINT;
            System.arraycopy(supports, 0, exhaustive, 0, n);
            rows = new long[][] {new long[n]};
        } else if (narrowBits + wideBits <= budget.exhaustiveBits()) {
            mode = Mode.EXHAUSTIVE;
            System.arraycopy(supports, 0, exhaustive, 0, n);
            rows = new long[][] {new long[n]};
        } else if (narrowBits <= budget.exhaustiveBits()) {
            mode = Mode.NARROW_EXHAUSTIVE;
            for (int i = 0; i < n; i++) {
                exhaustive[i] = supports[i] & ~wide[i];
            }
            rows = samples(wide, new SplittableRandom(budget.seed()));
        } else {
            mode = Mode.RANDOM;
            rows = randomRows(new SplittableRandom(budget.seed()));
        }
    }

    /**
     * The inputs of a function. A predicate that tests one argument for equality with a fixed value
     * gets that value, the value with each bit flipped, and random values; a word argument's bits that
     * only pass through to the same output bit are sampled rather than enumerated together.
     */
    public static CaseSpace of(Interpreter interpreter, Function f, Budget budget) {
        Support support = Support.forProfile(interpreter);
        Map<String, Long> used = support.of(f);
        if (f.requires().isPresent()) {
            // Arguments the precondition reads are enumerated too: fixing them at their first value
            // could leave no admitted input at all, and nothing would be checked.
            used = new java.util.HashMap<>(used);
            for (Map.Entry<String, Long> e : support.of(f.requires().get(), 1L).entrySet()) {
                used.merge(e.getKey(), e.getValue(), (a, b) -> a | b);
            }
        }
        Map<String, long[]> fixed = new java.util.HashMap<>();
        Map<String, Long> passThrough = new java.util.HashMap<>();
        for (Arg a : f.args()) {
            if (!(a.domain() instanceof ArgDomain.Word)) {
                continue;
            }
            java.util.OptionalLong point = f.returns() == dev.sptegen.dsl.model.Type.BOOL
                    ? new Points(interpreter).of(f.body(), a.name()) : java.util.OptionalLong.empty();
            if (point.isPresent()) {
                fixed.put(a.name(), around(point.getAsLong(), new SplittableRandom(budget.seed()), budget.randomSamples()));
            } else if (f.returns() == dev.sptegen.dsl.model.Type.U64
                    && Long.bitCount(used.getOrDefault(a.name(), 0L)) > budget.exhaustiveBits()) {
                passThrough.put(a.name(), passThrough(support, f.body(), a.name()));
            }
        }
        return new CaseSpace(interpreter, f.args(), used, f.requires(), budget, new ProducedValues(interpreter, budget),
                fixed, passThrough);
    }

    /** The inputs of an arbitrary argument list, for a condition with the given support. */
    public static CaseSpace of(Interpreter interpreter, List<Arg> args, Map<String, Long> support,
                               Optional<Expr> requires, Budget budget) {
        return new CaseSpace(interpreter, args, support, requires, budget, new ProducedValues(interpreter, budget),
                Map.of(), Map.of());
    }

    /**
     * The (spte, level) pairs to check a condition on for the values of a view: the view's single
     * value at every level if its predicate admits one value, otherwise the support of
     * "not in the view, or the condition holds".
     */
    public static CaseSpace ofView(Interpreter interpreter, dev.sptegen.dsl.model.View view, Expr condition, Budget budget) {
        List<Arg> args = view.argsAtItsLevels();
        java.util.OptionalLong point = new Points(interpreter).of(view.predicate(), dev.sptegen.dsl.model.View.SPTE);
        Map<String, Long> support = Support.forProfile(interpreter).of(view.predicate().negated().orElse(condition), 1L);
        if (point.isPresent()) {
            return new CaseSpace(interpreter, args, support, Optional.empty(), budget,
                    new ProducedValues(interpreter, budget), Map.of(dev.sptegen.dsl.model.View.SPTE,
                    new long[] {point.getAsLong()}), Map.of());
        }
        return of(interpreter, args, support, Optional.empty(), budget);
    }

    /**
     * The bits a word argument can have: all 64 for an SPTE, the low {@code width} bits of a
     * {@link ArgDomain.Bits}; 0 for enumerated domains, whose values are listed, not composed of bits.
     */
    public static long wordBits(Interpreter interpreter, ArgDomain d) {
        if (d instanceof ArgDomain.Word) {
            return -1L;
        } else if (d instanceof ArgDomain.Bits b) {
            long width = interpreter.eval(b.width(), Frame.EMPTY);
            return width >= 64 ? -1L : (1L << width) - 1;
        }
        return 0;
    }

    /** A value, the value with each bit flipped, and random values. */
    private static long[] around(long point, SplittableRandom random, int samples) {
        long[] out = new long[1 + 64 + samples];
        out[0] = point;
        for (int i = 0; i < 64; i++) {
            out[1 + i] = point ^ (1L << i);
        }
        for (int i = 0; i < samples; i++) {
            out[65 + i] = random.nextLong();
        }
        return out;
    }

    /** Input bits that reach only the same output bit, which reads no other input bit. */
    private static long passThrough(Support support, Expr body, String arg) {
        long[] deps = new long[64];
        for (int j = 0; j < 64; j++) {
            deps[j] = support.of(body, 1L << j).getOrDefault(arg, 0L);
        }
        long pass = 0;
        for (int i = 0; i < 64; i++) {
            long bit = 1L << i;
            boolean alone = deps[i] == bit;
            for (int j = 0; j < 64 && alone; j++) {
                alone = j == i || (deps[j] & bit) == 0;
            }
            if (alone) {
                pass |= bit;
            }
        }
        return pass;
    }

    public Mode mode() {
        return mode;
    }

    public Budget budget() {
        return budget;
    }

    /** Per argument, the bits that can change the result (all ones for a non-word argument that matters). */
    public long[] supports() {
        return supports.clone();
    }

    /** Number of inputs tried, before the precondition filters them. */
    public long size() {
        if (mode == Mode.RANDOM) {
            return rows.length;
        }
        long combos = 1;
        for (int i = 0; i < args.size(); i++) {
            combos *= explicit[i] != null ? explicit[i].length : 1L << Long.bitCount(exhaustive[i]);
        }
        return Math.max(combos, rows.length);
    }

    /** A one-line account of the cases, for test names and progress lines. */
    public String describe() {
        return switch (mode) {
            case EXHAUSTIVE -> size() + " cases, exhaustive";
            case NARROW_EXHAUSTIVE -> size() + " cases, narrow bits exhaustive, wide bits from "
                    + rows.length + " samples (seed " + Bits.hex(budget.seed()) + ")";
            case RANDOM -> size() + " random cases (seed " + Bits.hex(budget.seed()) + ")";
            case POINT -> size() + " cases: the one value the test accepts, each bit of it flipped, and random values (seed "
                    + Bits.hex(budget.seed()) + ")";
        };
    }

    /** Visits every input in the domain; returns false if the visitor stopped early. */
    public boolean forEach(Visitor visitor) {
        long[] buf = new long[args.size()];
        if (mode == Mode.RANDOM) {
            for (long[] row : rows) {
                System.arraycopy(row, 0, buf, 0, buf.length);
                if (admitted(buf) && !visitor.visit(buf)) {
                    return false;
                }
            }
            return true;
        }
        long total = size();
        long[] current = new long[args.size()];
        int[] index = new int[args.size()];
        for (int i = 0; i < current.length; i++) {
            current[i] = explicit[i] != null ? explicit[i][0] : 0;
        }
        for (long k = 0; k < total; k++) {
            long[] row = rows[(int) (k % rows.length)];
            for (int i = 0; i < buf.length; i++) {
                buf[i] = current[i] | row[i];
            }
            if (admitted(buf) && !visitor.visit(buf)) {
                return false;
            }
            advance(current, index);
        }
        return true;
    }

    private boolean admitted(long[] values) {
        return requires.isEmpty() || interpreter.test(requires.get(), Frame.shared(names, values));
    }

    /** Next combination, like an odometer; wraps to the first after the last. */
    private void advance(long[] current, int[] index) {
        for (int i = 0; i < current.length; i++) {
            if (explicit[i] != null) {
                if (++index[i] < explicit[i].length) {
                    current[i] = explicit[i][index[i]];
                    return;
                }
                index[i] = 0;
                current[i] = explicit[i][0];
            } else if (exhaustive[i] != 0) {
                // Next subset of the mask: the classic (x - mask) & mask step.
                current[i] = (current[i] - exhaustive[i]) & exhaustive[i];
                if (current[i] != 0) {
                    return;
                }
            }
        }
    }

    private long[][] samples(long[] wide, SplittableRandom random) {
        List<long[]> perArg = new ArrayList<>();
        int count = 1;
        for (long w : wide) {
            long[] s = sampleValues(w, random);
            perArg.add(s);
            count = Math.max(count, s.length);
        }
        if (count % 2 == 0) {
            count++; // odd, so that the cycle of samples does not lock onto the low narrow bits
        }
        long[][] out = new long[count][wide.length];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < wide.length; i++) {
                long[] s = perArg.get(i);
                out[r][i] = s[r % s.length];
            }
        }
        return out;
    }

    /** Boundary values of a wide group of bits, then seeded random ones. */
    private long[] sampleValues(long mask, SplittableRandom random) {
        if (mask == 0) {
            return new long[] {0};
        }
        Set<Long> s = new LinkedHashSet<>();
        s.add(0L);
        s.add(mask);
        s.add(mask & 0x5555555555555555L);
        s.add(mask & 0xAAAAAAAAAAAAAAAAL);
        for (long m = mask; m != 0; m &= m - 1) {
            long bit = Long.lowestOneBit(m);
            s.add(bit);
            s.add(mask & ~bit);
        }
        for (int i = 0; i < budget.randomSamples(); i++) {
            s.add(random.nextLong() & mask);
        }
        return s.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Random inputs, after every input with at most two of its narrow bits set (one bit or two, each
     * enumerated value counting as a bit): most bitfield behaviour hangs on a few set bits, such as
     * both present bits of a page walk, which random words rarely hit together.
     */
    private long[][] randomRows(SplittableRandom random) {
        List<long[]> low = lowWeightRows();
        long[][] rand = uniformAndSparseRows(random);
        long[][] out = new long[low.size() + rand.length][];
        for (int r = 0; r < low.size(); r++) {
            out[r] = low.get(r);
        }
        System.arraycopy(rand, 0, out, low.size(), rand.length);
        return out;
    }

    private List<long[]> lowWeightRows() {
        List<int[]> positions = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (explicit[i] != null) {
                for (int v = 1; v < explicit[i].length; v++) {
                    positions.add(new int[] {i, v, -1});
                }
            } else {
                for (long m = supports[i]; m != 0; m &= m - 1) {
                    positions.add(new int[] {i, 0, Long.numberOfTrailingZeros(m)});
                }
            }
        }
        long[] base = new long[args.size()];
        for (int i = 0; i < base.length; i++) {
            base[i] = explicit[i] != null ? explicit[i][0] : 0;
        }
        List<long[]> rows = new ArrayList<>();
        rows.add(base.clone());
        boolean pairs = positions.size() <= 96;
        for (int a = 0; a < positions.size(); a++) {
            rows.add(toggled(base, positions.get(a)));
            for (int b = a + 1; pairs && b < positions.size(); b++) {
                if (positions.get(a)[0] != positions.get(b)[0] || positions.get(a)[2] >= 0) {
                    rows.add(toggled(toggled(base, positions.get(a)), positions.get(b)));
                }
            }
        }
        for (long flagBits : FLAG_BASES) {
            flagRows(base, flagBits, positions, rows);
        }
        return rows;
    }

    /**
     * An entry keeps its permission and state flags in bits 0-11: a base with the given flag bits set
     * in every word argument makes walks that need several flags at once (present, writable, user)
     * succeed. Then each single toggle, and each pair among the flag bits and the enumerated values.
     */
    private void flagRows(long[] base, long flagBits, List<int[]> positions, List<long[]> rows) {
        long[] flags = base.clone();
        for (int i = 0; i < flags.length; i++) {
            if (explicit[i] == null && args.get(i).domain() instanceof ArgDomain.Word) {
                flags[i] = supports[i] & flagBits;
            }
        }
        if (java.util.Arrays.equals(flags, base)) {
            return;
        }
        rows.add(flags.clone());
        for (int[] position : positions) {
            rows.add(toggled(flags, position));
        }
        // Pairs: an enumerated value with any other toggle (a reserved bit at one level), and two
        // flags (a write through a clean Dirty bit).
        for (int a = 0; a < positions.size(); a++) {
            for (int b = a + 1; b < positions.size(); b++) {
                int[] x = positions.get(a);
                int[] y = positions.get(b);
                boolean enumerated = x[2] < 0 || y[2] < 0;
                boolean sameEnum = x[0] == y[0] && x[2] < 0;
                if (enumerated ? !sameEnum : isFlag(x) && isFlag(y)) {
                    rows.add(toggled(toggled(flags, x), y));
                }
            }
        }
    }

    private static boolean isFlag(int[] position) {
        return position[2] >= 0 && (FLAG_BITS >>> position[2] & 1) != 0;
    }

    private long[] toggled(long[] row, int[] position) {
        long[] out = row.clone();
        out[position[0]] = position[2] >= 0 ? out[position[0]] ^ (1L << position[2]) : explicit[position[0]][position[1]];
        return out;
    }

    private long[][] uniformAndSparseRows(SplittableRandom random) {
        int count = budget.randomSamples() * 64;
        long[][] out = new long[count][args.size()];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < args.size(); i++) {
                // Every other row is sparse (about one bit in eight set): flag-like bits then reach the
                // combinations where little is set, which uniform words almost never do.
                long word = r % 2 == 0 ? random.nextLong() : random.nextLong() & random.nextLong() & random.nextLong();
                out[r][i] = explicit[i] != null
                        ? explicit[i][random.nextInt(explicit[i].length)]
                        : word & supports[i];
            }
        }
        return out;
    }

    private long addressBits() {
        long m = 0;
        for (Field f : interpreter.layout().fields().values()) {
            if (f.role() == Field.Role.ADDRESS) {
                m |= interpreter.field(f.name()).mask();
            }
        }
        return m;
    }

    private static int bitsFor(int count) {
        return count <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(count - 1);
    }

    private long first(ArgDomain d, ProducedValues produced) {
        return values(d, produced)[0];
    }

    private long[] values(ArgDomain d, ProducedValues produced) {
        if (d instanceof ArgDomain.Flag) {
            return new long[] {0, 1};
        } else if (d instanceof ArgDomain.Range r) {
            long[] v = new long[(int) (r.max() - r.min() + 1)];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.min() + i;
            }
            return v;
        } else if (d instanceof ArgDomain.OfEnum e) {
            EnumType type = interpreter.spec().enums().get(e.enumName());
            return type.values().stream().mapToLong(EnumType.Value::code).toArray();
        } else if (d instanceof ArgDomain.Produced p) {
            long[] v = produced.of(p.view());
            return v.length == 0 ? new long[] {0} : v;
        }
        throw new IllegalArgumentException("not an enumerated domain: " + d);
    }

    @Override
    public String toString() {
        return describe() + " " + Arrays.toString(supports);
    }
}
