package dev.sptegen.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.Problem;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.conformance.Oracle;
import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.gen.c.CEmitter;
import dev.sptegen.gen.c.CNames;
import dev.sptegen.gen.c.CTestSupport;
import dev.sptegen.gen.java.InMemoryJava;
import dev.sptegen.gen.java.JavaEmitter;
import dev.sptegen.gen.java.JavaNames;
import dev.sptegen.gen.out.OutputTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs fuzzed specs through everything: validation, the Java emitter (runtime and suites), the C header,
 * javac -Xlint:all -Werror in memory, gcc -Wall -Wextra -Werror, the generated conformance suites under
 * the JUnit Platform, and a direct comparison of the generated Java and C with the interpreter. Work is
 * done per batch of specs (one javac and one gcc run each); every finding names the spec's seed.
 */
final class FuzzHarness {
    /** Something wrong with one fuzzed spec. */
    record Finding(long seed, String stage, String message) {
        @Override
        public String toString() {
            return "seed " + Bits.hex(seed) + " [" + stage + "]: " + message;
        }
    }

    /** Per-stage time in nanoseconds, summed over the run. */
    static final Map<String, Long> TIMES = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path work;
    private final boolean gcc;

    FuzzHarness(Path work) {
        this.work = work;
        this.gcc = CTestSupport.gccAvailable();
    }

    boolean gccAvailable0() {
        return gcc;
    }

    private static void time(String stage, long start) {
        TIMES.merge(stage, System.nanoTime() - start, Long::sum);
    }

    /** One spec's generated code and what became of it. */
    private static final class Item {
        final SpecFuzzer.Fuzzed fuzzed;
        final List<Finding> findings = new ArrayList<>();
        CheckedSpec checked;
        Map<String, String> java = new LinkedHashMap<>();
        String header;

        Item(SpecFuzzer.Fuzzed fuzzed) {
            this.fuzzed = fuzzed;
        }

        long seed() {
            return fuzzed.seed();
        }

        // The launcher reports tests from parallel threads.
        synchronized void find(String stage, String message) {
            findings.add(new Finding(seed(), stage, message));
        }

        void crash(String stage, Throwable t) {
            java.io.StringWriter w = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(w));
            String trace = w.toString();
            find(stage, "uncaught " + t + "\n" + trace.lines().limit(12).reduce("", (a, b) -> a + b + "\n"));
        }
    }

    /** Runs one batch; returns the findings of each spec, by seed, in batch order. */
    Map<Long, List<Finding>> run(List<SpecFuzzer.Fuzzed> batch) {
        List<Item> items = batch.stream().map(Item::new).toList();
        for (Item it : items) {
            validateAndEmit(it);
        }
        List<Item> emitted = items.stream().filter(it -> it.findings.isEmpty()).toList();
        ClassLoader loader = compileJava(emitted);
        if (loader != null) {
            List<Item> compiled = emitted.stream().filter(it -> it.findings.isEmpty()).toList();
            runSuites(compiled, loader);
            for (Item it : compiled) {
                compareRuntime(it, loader);
            }
        }
        if (gcc) {
            compileAndRunC(items.stream().filter(it -> it.header != null).toList());
        }
        Map<Long, List<Finding>> out = new LinkedHashMap<>();
        items.forEach(it -> out.put(it.seed(), it.findings));
        return out;
    }

    // ---- validate and emit ----

    private static void validateAndEmit(Item it) {
        Spec spec = it.fuzzed.spec();
        long t0 = System.nanoTime();
        try {
            List<Problem> problems = new Validator().problems(spec);
            if (!problems.isEmpty()) {
                it.find("validate", "a spec valid by construction was rejected:\n  "
                        + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
                return;
            }
            it.checked = new Validator().check(spec);
        } catch (Throwable t) {
            it.crash("validate", t);
            return;
        } finally {
            time("validate", t0);
        }
        long t1 = System.nanoTime();
        try {
            OutputTree runtime = new OutputTree();
            OutputTree suites = new OutputTree();
            JavaEmitter emitter = new JavaEmitter();
            emitter.runtime(List.of(it.checked), runtime);
            emitter.suites(List.of(it.checked), suites);
            runtime.files().forEach((p, b) -> it.java.put(p, new String(b, StandardCharsets.UTF_8)));
            suites.files().forEach((p, b) -> it.java.put(p, new String(b, StandardCharsets.UTF_8)));
        } catch (Throwable t) {
            it.crash("java-emit", t);
        } finally {
            time("java-emit", t1);
        }
        long t2 = System.nanoTime();
        try {
            it.header = CEmitter.header(it.checked);
        } catch (Throwable t) {
            it.crash("c-emit", t);
        } finally {
            time("c-emit", t2);
        }
    }

    // ---- Java ----

    private ClassLoader compileJava(List<Item> items) {
        if (items.isEmpty()) {
            return null;
        }
        long t0 = System.nanoTime();
        try {
            Compilation all = compile(items);
            if (all.status() == Compilation.Status.SUCCESS) {
                return InMemoryJava.load(all);
            }
            // Find out which specs do not compile.
            for (Item it : items) {
                Compilation one = compile(List.of(it));
                if (one.status() != Compilation.Status.SUCCESS) {
                    it.find("javac", errors(one));
                }
            }
            List<Item> ok = items.stream().filter(it -> it.findings.isEmpty()).toList();
            if (ok.isEmpty()) {
                return null;
            }
            Compilation rest = compile(ok);
            return rest.status() == Compilation.Status.SUCCESS ? InMemoryJava.load(rest) : null;
        } finally {
            time("javac", t0);
        }
    }

    private static Compilation compile(List<Item> items) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (Item it : items) {
            it.java.forEach((path, text) -> sources.add(JavaFileObjects.forSourceString(
                    path.substring(0, path.length() - ".java".length()).replace('/', '.'), text)));
        }
        return InMemoryJava.compile(sources);
    }

    private static String errors(Compilation c) {
        StringBuilder b = new StringBuilder("javac -Xlint:all -Werror fails:");
        int n = 0;
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.NOTE || n++ >= 5) {
                continue;
            }
            b.append("\n  ").append(d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                    .append(d.getMessage(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    /** Runs every generated conformance suite of the batch, with the fuzzed specs registered as oracles. */
    private static void runSuites(List<Item> items, ClassLoader loader) {
        long t0 = System.nanoTime();
        Map<String, Item> byPackage = new HashMap<>();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        try {
            for (Item it : items) {
                Spec spec = it.fuzzed.spec();
                Oracle.register(spec);
                byPackage.put(JavaNames.packageName(spec), it);
                for (Profile p : spec.profiles().values()) {
                    String suite = JavaNames.packageName(spec) + "." + JavaNames.className(p) + "ConformanceTest";
                    try {
                        request.selectors(selectClass(loader.loadClass(suite)));
                    } catch (ClassNotFoundException | LinkageError e) {
                        it.crash("suite", e);
                    }
                }
            }
            Map<Item, Integer> ran = new java.util.concurrent.ConcurrentHashMap<>();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request.build(), new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!(id.getSource().orElse(null) instanceof MethodSource ms)) {
                        return;
                    }
                    String pkg = ms.getClassName().substring(0, ms.getClassName().lastIndexOf('.'));
                    Item it = byPackage.get(pkg);
                    if (it == null) {
                        return;
                    }
                    ran.merge(it, 1, Integer::sum);
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        it.find("suite", ms.getClassName().substring(pkg.length() + 1) + " \"" + id.getDisplayName()
                                + "\": " + result.getThrowable().map(Throwable::toString).orElse(result.getStatus().toString()));
                    }
                }
            });
            for (Item it : items) {
                if (!ran.containsKey(it)) {
                    it.find("suite", "no generated conformance test ran");
                }
            }
        } finally {
            for (Item it : items) {
                Oracle.unregister(it.fuzzed.spec().name());
            }
            time("suites", t0);
        }
    }

    // ---- runtime versus interpreter ----

    /** Constants, field accessors and every function of every profile class against the interpreter. */
    private static void compareRuntime(Item it, ClassLoader loader) {
        long t0 = System.nanoTime();
        Spec spec = it.fuzzed.spec();
        SplittableRandom random = new SplittableRandom(it.seed());
        try {
            for (Profile p : spec.profiles().values()) {
                Interpreter in = new Interpreter(spec, p);
                Class<?> rt = loader.loadClass(JavaNames.packageName(spec) + "." + JavaNames.className(p));
                String where = spec.name() + "/" + p.name();
                for (Constant c : in.layout().constants().values()) {
                    Object v = rt.getField(JavaNames.constant(c.name())).get(null);
                    long actual = v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
                    if (actual != in.constant(c.name())) {
                        it.find("runtime", where + " constant " + c.name() + ": generated " + Bits.hex(actual)
                                + ", interpreter " + Bits.hex(in.constant(c.name())));
                    }
                }
                for (String f : in.layout().fields().keySet()) {
                    FieldBits bits = in.field(f);
                    Method get = rt.getMethod(JavaNames.getter(f), long.class);
                    Method with = rt.getMethod(JavaNames.wither(f), long.class, long.class);
                    for (int k = 0; k < 64; k++) {
                        long word = random.nextLong();
                        long value = random.nextLong();
                        long g = (Long) get.invoke(null, word);
                        long w = (Long) with.invoke(null, word, value);
                        if (g != bits.get(word) || w != bits.put(word, value)) {
                            it.find("runtime", where + " field " + f + " on " + Bits.hex16(word) + ", value " + Bits.hex(value)
                                    + ": generated get " + Bits.hex(g) + " with " + Bits.hex(w) + ", interpreter "
                                    + Bits.hex(bits.get(word)) + " " + Bits.hex(bits.put(word, value)));
                            break;
                        }
                    }
                }
                for (Function f : in.layout().functions().values()) {
                    compareFunction(it, where, in, rt, f, random);
                }
            }
        } catch (Throwable t) {
            it.crash("runtime", t instanceof InvocationTargetException ite ? ite.getCause() : t);
        } finally {
            time("compare", t0);
        }
    }

    private static void compareFunction(Item it, String where, Interpreter in, Class<?> rt, Function f,
                                        SplittableRandom random) throws ReflectiveOperationException {
        Class<?>[] types = new Class<?>[f.args().size()];
        for (int i = 0; i < types.length; i++) {
            ArgDomain d = f.args().get(i).domain();
            types[i] = d instanceof ArgDomain.Flag ? boolean.class : d instanceof ArgDomain.Range ? int.class : long.class;
        }
        Method m = rt.getMethod(JavaNames.method(f.name()), types);
        for (long[] args : inputs(in, f, random, 192)) {
            Object[] boxed = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                boxed[i] = types[i] == boolean.class ? (Object) (args[i] != 0) : types[i] == int.class ? (Object) (int) args[i]
                        : (Object) args[i];
            }
            long expected;
            try {
                expected = in.call(f.name(), args);
            } catch (RuntimeException e) {
                it.find("interpreter", where + " " + call(f, args) + " throws " + e);
                return;
            }
            Object r = m.invoke(null, boxed);
            long actual = r instanceof Boolean b ? (b ? 1 : 0) : (Long) r;
            if (actual != expected) {
                it.find("runtime", where + " " + call(f, args) + ": generated " + Bits.hex(actual) + ", interpreter "
                        + Bits.hex(expected));
                return;
            }
        }
    }

    /** Inputs of a function: the first of its case space, then random ones in the arguments' domains. */
    static List<long[]> inputs(Interpreter in, Function f, SplittableRandom random, int count) {
        List<long[]> out = new ArrayList<>();
        CaseSpace.of(in, f, new CaseSpace.Budget(8, 4, random.nextLong())).forEach(a -> {
            out.add(a.clone());
            return out.size() < count / 2;
        });
        for (int k = 0; k < count / 2; k++) {
            long[] a = new long[f.args().size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = sample(in, f.args().get(i).domain(), random);
            }
            out.add(a);
        }
        return out;
    }

    private static long sample(Interpreter in, ArgDomain d, SplittableRandom random) {
        if (d instanceof ArgDomain.Flag) {
            return random.nextInt(2);
        } else if (d instanceof ArgDomain.Range r) {
            long span = r.max() - r.min() + 1;
            return span <= 0 ? r.min() : r.min() + random.nextLong(span);
        } else if (d instanceof ArgDomain.Bits b) {
            long w = in.eval(b.width(), dev.sptegen.dsl.eval.Frame.EMPTY);
            return w >= 64 ? random.nextLong() : random.nextLong() & ((1L << w) - 1);
        } else if (d instanceof ArgDomain.OfEnum e) {
            EnumType t = in.spec().enums().get(e.enumName());
            return t.values().get(random.nextInt(t.values().size())).code();
        }
        return random.nextLong();
    }

    private static String call(Function f, long[] args) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            parts.add(f.args().get(i).name() + "=" + Bits.hex(args[i]));
        }
        return f.name() + "(" + String.join(", ", parts) + ")";
    }

    // ---- C ----

    /** Inputs per function in the C checker (the generated suites cover the Java runtime exhaustively). */
    private static final int C_INPUTS = Integer.getInteger("fuzz.cInputs", 12);

    private static final List<String> GCC = List.of("gcc", "-std=gnu99", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror",
            "-Wstrict-prototypes", "-O0");

    /** Each spec's header with a checker translation unit; one gcc run and one program per batch. */
    private void compileAndRunC(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            String keep = System.getProperty("fuzz.keep");
            Path dir = keep != null ? Files.createTempDirectory(Files.createDirectories(Paths.get(keep)), "c")
                    : Files.createTempDirectory(work, "c");
            Path shim = shim(dir);
            List<String> units = new ArrayList<>();
            Map<String, Item> byUnit = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                String header = CNames.header(it.fuzzed.spec());
                Files.writeString(dir.resolve(header), it.header);
                String unit = "s" + i + ".c";
                Files.writeString(dir.resolve(unit), checker(it, header, i));
                units.add(unit);
                byUnit.put(unit, it);
            }
            StringBuilder main = new StringBuilder("#include <stdio.h>\n\n");
            for (int i = 0; i < items.size(); i++) {
                main.append("int check_").append(i).append("(void);\n");
            }
            main.append("\nint main(void)\n{\n\tint bad = 0;\n\n");
            for (int i = 0; i < items.size(); i++) {
                main.append("\tbad += check_").append(i).append("();\n");
            }
            main.append("\treturn bad != 0;\n}\n");
            Files.writeString(dir.resolve("main.c"), main.toString());
            List<String> cmd = new ArrayList<>(GCC);
            cmd.addAll(List.of("-isystem", shim.toString(), "-o", "fuzz", "main.c"));
            cmd.addAll(units);
            Result r = run(dir, cmd);
            if (r.code() != 0 || !r.output().isBlank()) {
                // Attribute the failure to the specs whose unit does not compile cleanly.
                List<String> ok = new ArrayList<>();
                for (String unit : units) {
                    List<String> one = new ArrayList<>(GCC);
                    one.addAll(List.of("-isystem", shim.toString(), "-c", unit, "-o", unit + ".o"));
                    Result u = run(dir, one);
                    if (u.code() != 0 || !u.output().isBlank()) {
                        byUnit.get(unit).find("gcc", "gcc -Wall -Wextra -Werror fails:\n"
                                + u.output().lines().limit(15).reduce("", (a, b) -> a + "  " + b + "\n"));
                    } else {
                        ok.add(unit);
                    }
                }
                if (ok.size() == units.size()) {
                    items.get(0).find("gcc", "the batch does not link:\n" + r.output());
                    return;
                }
                return;
            }
            Result exec = run(dir, List.of(dir.resolve("fuzz").toString()));
            for (String line : exec.output().lines().toList()) {
                if (line.startsWith("MISMATCH ")) {
                    String unit = line.substring("MISMATCH ".length(), line.indexOf(' ', "MISMATCH ".length()));
                    byUnit.get(unit).find("c-runtime", line.substring(line.indexOf(' ', "MISMATCH ".length()) + 1));
                }
            }
            if (exec.code() != 0 && exec.output().lines().noneMatch(l -> l.startsWith("MISMATCH "))) {
                items.get(0).find("c-runtime", "the checker program failed (" + exec.code() + "):\n" + exec.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            time("gcc", t0);
        }
    }

    /** Stand-ins for the kernel's linux/bits.h and linux/types.h, as the C emitter's own tests use. */
    private static Path shim(Path dir) throws IOException {
        Path shim = dir.resolve("shim");
        for (String h : List.of("bits.h", "types.h")) {
            try (InputStream in = FuzzHarness.class.getResourceAsStream("/dev/sptegen/gen/c/shim/linux/" + h)) {
                Files.createDirectories(shim.resolve("linux"));
                Files.write(shim.resolve("linux").resolve(h), in.readAllBytes());
            }
        }
        return shim;
    }

    /** A C function that compares the header's constants, accessors and helpers with the interpreter. */
    private static String checker(Item it, String header, int index) {
        Spec spec = it.fuzzed.spec();
        StringBuilder b = new StringBuilder();
        b.append("#include <stdio.h>\n#include \"").append(header).append("\"\n\n");
        b.append("int check_").append(index).append("(void);\n\n");
        b.append("int check_").append(index).append("(void)\n{\n\tint bad = 0;\n\n");
        SplittableRandom random = new SplittableRandom(it.seed() ^ 0xc0ffeeL);
        String unit = "s" + index + ".c";
        for (Profile p : spec.profiles().values()) {
            Interpreter in = new Interpreter(spec, p);
            for (Constant c : in.layout().constants().values()) {
                check(b, unit, "(u64)(" + CNames.constant(p, c.name()) + ")", in.constant(c.name()),
                        p.name() + " constant " + c.name());
            }
            for (String f : in.layout().fields().keySet()) {
                FieldBits bits = in.field(f);
                for (int k = 0; k < 2; k++) {
                    long word = random.nextLong();
                    long value = random.nextLong();
                    check(b, unit, CNames.fieldGet(p, f) + "(" + lit(word) + ")", bits.get(word),
                            p.name() + " get " + f + " " + Bits.hex(word));
                    check(b, unit, CNames.fieldSet(p, f) + "(" + lit(word) + ", " + lit(value) + ")", bits.put(word, value),
                            p.name() + " set " + f + " " + Bits.hex(word) + " " + Bits.hex(value));
                }
            }
            for (Function f : in.layout().functions().values()) {
                for (long[] args : inputs(in, f, random, C_INPUTS)) {
                    long expected;
                    try {
                        expected = in.call(f.name(), args);
                    } catch (RuntimeException e) {
                        continue;
                    }
                    List<String> actual = new ArrayList<>();
                    for (long a : args) {
                        actual.add(lit(a));
                    }
                    check(b, unit, "(u64)" + CNames.function(p, f.name()) + "(" + String.join(", ", actual) + ")", expected,
                            p.name() + " " + call(f, args));
                }
            }
        }
        b.append("\treturn bad;\n}\n");
        return b.toString();
    }

    private static void check(StringBuilder b, String unit, String expr, long expected, String what) {
        b.append("\tif (").append(expr).append(" != ").append(lit(expected)).append(") {\n")
                .append("\t\tprintf(\"MISMATCH ").append(unit).append(" ").append(what.replace("\"", "'"))
                .append(": C %#llx, interpreter ").append(Bits.hex(expected)).append("\\n\", (unsigned long long)(")
                .append(expr).append("));\n\t\tbad++;\n\t}\n");
    }

    private static String lit(long v) {
        return "0x" + Long.toHexString(v) + "ULL";
    }

    record Result(int code, String output) {
    }

    private static Result run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timeout)");
        }
        return new Result(p.exitValue(), out);
    }

    static Path defaultWork() {
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    static String typeName(Type t) {
        return t.toString();
    }

    static String argsOf(List<Arg> args) {
        return args.toString();
    }
}
