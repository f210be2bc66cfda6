package dev.sptegen.bench;

import dev.sptegen.cli.Sptegen;
import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.c.CEmitter;
import dev.sptegen.gen.docs.DocsEmitter;
import dev.sptegen.gen.java.JavaEmitter;
import dev.sptegen.gen.out.OutputTree;
import dev.sptegen.kvm.KvmSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generator speed, in-process after warm-up. {@code generateAllCli} is the whole main job as
 * {@code sptegen generate --out DIR} runs it (validate every bundled spec, every emitter, compare and
 * write the tree; after the first run nothing changes on disk). The others split it: validation alone,
 * and each emitter alone over already-validated specs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 8, time = 2)
public class GeneratorBench {
    private List<Spec> specs;
    private List<CheckedSpec> checked;
    private Path out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        specs = KvmSpecs.all();
        checked = validateAll();
        out = Files.createTempDirectory("sptegen-bench-");
    }

    @Benchmark
    public int generateAllCli() {
        StringWriter sink = new StringWriter();
        int code = Sptegen.run(new PrintWriter(sink), new PrintWriter(sink), "generate", "--out", out.toString());
        if (code != 0) {
            throw new IllegalStateException("sptegen generate failed: " + sink);
        }
        return sink.getBuffer().length();
    }

    @Benchmark
    public List<CheckedSpec> validateAll() {
        Validator v = new Validator();
        List<CheckedSpec> r = new ArrayList<>();
        for (Spec s : specs) {
            r.add(v.check(s));
        }
        return r;
    }

    @Benchmark
    public int emitJavaRuntime() {
        OutputTree t = new OutputTree();
        new JavaEmitter().runtime(checked, t);
        return t.files().size();
    }

    @Benchmark
    public int emitJavaSuites() {
        OutputTree t = new OutputTree();
        new JavaEmitter().suites(checked, t);
        return t.files().size();
    }

    @Benchmark
    public int emitC() {
        OutputTree t = new OutputTree();
        new CEmitter().emit(checked, t);
        return t.files().size();
    }

    @Benchmark
    public int emitDocs() {
        OutputTree t = new OutputTree();
        new DocsEmitter().emit(checked, t);
        return t.files().size();
    }
}
