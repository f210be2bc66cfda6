package dev.sptegen.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.sptegen.cli.Sptegen;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A timed main for generator speed that also reports CPU time, so a result taken on a shared, loaded
 * machine can be read: {@code sptegen generate --out DIR} for all bundled specs, in-process, W warm-up
 * runs then M measured runs; prints the median wall time and the median process CPU time per run
 * (CPU time counts every thread: the validator checks profiles in parallel).
 *
 * <p>usage: {@code GeneratorTimer [WARMUP] [MEASURED]}
 */
public final class GeneratorTimer {
    private GeneratorTimer() {
    }

    public static void main(String[] args) throws IOException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path out = Files.createTempDirectory("sptegen-timer-");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[measured];
        double[] cpu = new double[measured];
        for (int i = 0; i < warmup + measured; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            StringWriter sink = new StringWriter();
            int code = Sptegen.run(new PrintWriter(sink), new PrintWriter(sink), "generate", "--out", out.toString());
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            if (code != 0) {
                throw new IllegalStateException(sink.toString());
            }
            if (i >= warmup) {
                wall[i - warmup] = (t1 - t0) / 1e6;
                cpu[i - warmup] = (c1 - c0) / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("generate all bundled specs, in-process, after %d warm-up runs: median wall %.0f ms "
                + "[min %.0f, max %.0f], median process CPU %.0f ms [min %.0f] over %d runs%n", warmup,
                wall[measured / 2], wall[0], wall[measured - 1], cpu[measured / 2], cpu[0], measured);
    }
}
