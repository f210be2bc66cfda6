package dev.sptegen.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a profile's inputs and the results the Java versions agree on for the C harness, so both
 * languages run over the very same values: {@code DumpData DIR} writes {@code DIR/kvm-6.11-<profile>.bin}.
 *
 * <p>Format (little-endian u64 words): "SPTEBNCH", N, mixed[N], leaves[N], pfn[N], gen[N], flags[N],
 * then classify[4], extract[2], make, roundTrip.
 */
public final class DumpData {
    private DumpData() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        for (String profile : new String[] {"ept", "npt"}) {
            SpteSet d = SpteSet.of(profile);
            Workloads.Results r = Workloads.checked(d);
            int words = 2 + 5 * SpteSet.N + 8;
            ByteBuffer b = ByteBuffer.allocate(words * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.put("SPTEBNCH".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            b.putLong(SpteSet.N);
            for (long v : d.mixed) {
                b.putLong(v);
            }
            for (long v : d.leaves) {
                b.putLong(v);
            }
            for (long v : d.pfn) {
                b.putLong(v);
            }
            for (long v : d.gen) {
                b.putLong(v);
            }
            for (int v : d.flags) {
                b.putLong(v);
            }
            for (long v : r.classify()) {
                b.putLong(v);
            }
            for (long v : r.extract()) {
                b.putLong(v);
            }
            b.putLong(r.make());
            b.putLong(r.roundTrip());
            Path f = dir.resolve("kvm-6.11-" + profile + ".bin");
            try (OutputStream o = Files.newOutputStream(f)) {
                o.write(b.array());
            }
            System.out.println("wrote " + f + " (" + r + ")");
        }
    }
}
