package dev.sptegen.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sptegen.dsl.eval.Bits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec fuzzer (issue 7): random well-formed specs through validation, the Java and C emitters,
 * javac and gcc with warnings as errors, the generated conformance suites, and a comparison of the
 * generated Java and C with the interpreter; and deliberately broken specs, each of which must be
 * rejected with a problem that names the element and the rule, never with another exception.
 *
 * <p>{@code -Dfuzz.count=N} sets how many specs of each kind (default 200); {@code -Dfuzz.seed=S} the
 * base seed; {@code -Dfuzz.seeds=0x1,0x2} runs just those specs (as printed by a failure);
 * {@code -Dfuzz.keep=DIR} keeps the C files; {@code -Dfuzz.batch=N} specs per javac/gcc run (25);
 * {@code -Dfuzz.cInputs=N} inputs per function in the C checker (12).
 *
 * <p>Options that widen the fuzzer, off in the normal run: {@code -Dfuzz.noKvmNames} (no KVM constant
 * names), {@code -Dfuzz.staticCalls} (calls in static invariants), {@code -Dfuzz.numbers} (number
 * constants in expressions), and three that also build specs validation must reject, so that their
 * "valid by construction was rejected" findings are expected and any other finding is not:
 * {@code -Dfuzz.hostileNames} (Java and C keywords, names that collide after camel-casing, an argument
 * spelt like {@code result}), {@code -Dfuzz.wideRanges} (32-bit range ends, words passed to range
 * arguments), {@code -Dfuzz.unmaskedShifts} (shift amounts that can reach 64). 600 specs with each, base
 * seed 0x5eed0016 (0x5eed0012, 0x5eed0015 for names; 0x5eed0013 for shifts): no other finding.
 */
class SpecFuzzTest {
    static final int COUNT = Integer.getInteger("fuzz.count", 200);
    static final long BASE = parseSeed(System.getProperty("fuzz.seed", "0x5eed0007"));
    private static final int BATCH = Integer.getInteger("fuzz.batch", 25);

    /** The seed of the i-th spec of a run. */
    static long seed(int i) {
        return new SplittableRandom(BASE + i * 0x9e3779b97f4a7c15L).nextLong();
    }

    static List<Long> seeds() {
        String only = System.getProperty("fuzz.seeds", "");
        if (!only.isBlank()) {
            return Arrays.stream(only.split(",")).map(String::trim).map(SpecFuzzTest::parseSeed).toList();
        }
        return IntStream.range(0, COUNT).mapToObj(SpecFuzzTest::seed).toList();
    }

    /** A seed as printed (0x and 16 hex digits, possibly above Long.MAX_VALUE) or in decimal. */
    static long parseSeed(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
    }

    private static String reproduce(long seed) {
        return " (reproduce: mvn -pl generator test -Dtest=SpecFuzzTest -Dfuzz.seeds=" + Bits.hex(seed) + ")";
    }

    @TestFactory
    Stream<DynamicTest> validSpecsGenerateCodeThatCompilesAndConforms(@TempDir Path work) throws IOException {
        List<Long> seeds = seeds();
        SpecFuzzer fuzzer = new SpecFuzzer(SpecFuzzer.Options.fromSystemProperties());
        FuzzHarness harness = new FuzzHarness(Files.createDirectories(work));
        long start = System.nanoTime();
        int batches = (seeds.size() + BATCH - 1) / BATCH;
        int[] failed = {0};
        Stream<DynamicTest> specs = IntStream.range(0, batches).boxed().flatMap(b -> {
            List<Long> batch = seeds.subList(b * BATCH, Math.min(seeds.size(), (b + 1) * BATCH));
            List<SpecFuzzer.Fuzzed> fuzzed = new ArrayList<>();
            List<DynamicTest> tests = new ArrayList<>();
            for (long seed : batch) {
                try {
                    long t0 = System.nanoTime();
                    fuzzed.add(fuzzer.valid(seed));
                    FuzzHarness.TIMES.merge("fuzz", System.nanoTime() - t0, Long::sum);
                } catch (Throwable t) {
                    failed[0]++;
                    tests.add(DynamicTest.dynamicTest("seed " + Bits.hex(seed), () ->
                            fail("the fuzzer could not build spec " + Bits.hex(seed) + reproduce(seed), t)));
                }
            }
            Map<Long, List<FuzzHarness.Finding>> findings = harness.run(fuzzed);
            if (batches > 8 && (b + 1) % 40 == 0) {
                System.out.printf(java.util.Locale.ROOT, "spec fuzzer: %d of %d valid specs, %d failed, %.0f s%n",
                        (b + 1) * BATCH, seeds.size(), failed[0], (System.nanoTime() - start) / 1e9);
            }
            for (SpecFuzzer.Fuzzed f : fuzzed) {
                List<FuzzHarness.Finding> mine = findings.get(f.seed());
                if (!mine.isEmpty()) {
                    failed[0]++;
                    System.out.println("FUZZ FAILURE " + f.spec().name() + ": " + mine);
                }
                tests.add(DynamicTest.dynamicTest("seed " + Bits.hex(f.seed()) + " " + SpecFuzzer.describe(f.spec()), () -> {
                    if (!mine.isEmpty()) {
                        fail(mine.size() + " finding(s) for spec " + f.spec().name() + reproduce(f.seed()) + ":\n"
                                + String.join("\n", mine.stream().map(FuzzHarness.Finding::toString).toList()));
                    }
                }));
            }
            return tests.stream();
        });
        DynamicTest summary = DynamicTest.dynamicTest("summary", () -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            StringBuilder b = new StringBuilder();
            FuzzHarness.TIMES.forEach((k, v) -> b.append(k).append(' ').append(String.format(java.util.Locale.ROOT, "%.1fs ", v / 1e9)));
            System.out.printf(java.util.Locale.ROOT, "spec fuzzer: %d valid specs (base seed %s, gcc %s), %d failed, %.1f s [%s]%n",
                    seeds.size(), Bits.hex(BASE), harness.gccAvailable0() ? "on" : "not installed", failed[0], seconds, b.toString().trim());
        });
        return Stream.concat(specs, Stream.of(summary));
    }

    /** Broken specs: one break each, cycling through every kind, on a fuzzed spec of the same seed. */
    @TestFactory
    Stream<DynamicTest> brokenSpecsAreRejectedWithTheElementAndTheRule() {
        List<Long> seeds = seeds();
        SpecFuzzer fuzzer = new SpecFuzzer(SpecFuzzer.Options.NORMAL);
        long start = System.nanoTime();
        int[] failed = {0};
        Stream<DynamicTest> tests = IntStream.range(0, seeds.size()).mapToObj(i -> {
            long seed = seeds.get(i);
            String kind = Breakers.KINDS.get(Math.floorMod(seed, Breakers.KINDS.size()));
            String name = "seed " + Bits.hex(seed) + " " + kind;
            String failure = checkBroken(fuzzer, seed, kind);
            if (failure != null) {
                failed[0]++;
                System.out.println("FUZZ FAILURE (broken) " + name + ": " + failure);
            }
            return DynamicTest.dynamicTest(name, () -> {
                if (failure != null) {
                    fail(failure + reproduce(seed));
                }
            });
        });
        DynamicTest summary = DynamicTest.dynamicTest("summary", () -> System.out.printf(java.util.Locale.ROOT,
                "spec fuzzer: %d broken specs (%d kinds of break), %d failed, %.1f s%n", seeds.size(), Breakers.KINDS.size(),
                failed[0], (System.nanoTime() - start) / 1e9));
        return Stream.concat(tests, Stream.of(summary));
    }

    /** Null if the broken spec is rejected as it must be, else what went wrong. */
    static String checkBroken(SpecFuzzer fuzzer, long seed, String kind) {
        SpecFuzzer.Fuzzed valid;
        Breakers.Broken broken;
        try {
            valid = fuzzer.valid(seed);
            broken = Breakers.of(kind, valid, new SplittableRandom(seed ^ 0xb4d));
        } catch (RuntimeException e) {
            return "the fuzzer failed: " + e;
        }
        List<dev.sptegen.dsl.check.Problem> problems;
        try {
            problems = new dev.sptegen.dsl.check.Validator().problems(Breakers.build(valid, broken));
        } catch (dev.sptegen.dsl.check.SpecException e) {
            problems = e.problems();
        } catch (Throwable t) {
            java.io.StringWriter w = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(w));
            return "uncaught " + t + " instead of a validation error for break " + kind + ":\n"
                    + w.toString().lines().limit(14).reduce("", (a, b) -> a + b + "\n");
        }
        List<String> printed = problems.stream().map(dev.sptegen.dsl.check.Problem::toString).toList();
        boolean found = problems.stream().anyMatch(p -> p.rule().equals(broken.rule())
                && broken.elements().contains(p.element()) && p.message().contains(broken.fragment()));
        if (!found) {
            return "break " + kind + " must be reported as [" + broken.rule() + "] on " + broken.elements() + " with '"
                    + broken.fragment() + "', but validation said:\n  " + String.join("\n  ", printed);
        }
        for (var p : problems) {
            if (p.message().isBlank() || p.element().isBlank() || p.message().contains("Exception")) {
                return "a problem without a proper message: " + p;
            }
        }
        return null;
    }
}
