package dev.sptegen.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.cli.Sptegen;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmX86_6_11;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trace check on real kvmmmu traces of Linux 6.12 nested under QEMU TCG (MAXPHYADDR 40): npt=1
 * (TDP MMU) read with the npt profile, npt=0 (shadow MMU on AMD, no L1TF) with the shadow profile.
 */
class TraceCheckTest {
    static final String NPT1 = "trace-6.12-npt1.txt";
    static final String NPT0 = "trace-6.12-npt0.txt";
    /** npt=0 run of the generated mmio_spte_test: MMIO generations with the top (19th) bit set. */
    static final String NPT0_WRAP = "trace-6.12-npt0-generated.txt";

    static Interpreter npt(Spec spec) {
        return interpreter(spec, "npt", Map.of("maxphyaddr", 40L));
    }

    static Interpreter shadow(Spec spec) {
        return interpreter(spec, "shadow", Map.of("maxphyaddr", 40L, "l1tf_cache_bits", 0L));
    }

    static Interpreter interpreter(Spec spec, String profile, Map<String, Long> params) {
        Profile p = spec.profile(profile);
        Map<String, Long> b = new LinkedHashMap<>(p.bindings());
        b.putAll(params);
        return new Interpreter(spec, new Profile(p.name(), p.vendor(), b, p.doc()));
    }

    static TraceSummary run(Interpreter in, String fixture) throws Exception {
        try (InputStream s = TraceCheckTest.class.getResourceAsStream("/traces/" + fixture)) {
            return TraceRun.check(in, s, fixture, new PrintWriter(new StringWriter()), false);
        }
    }

    static String report(TraceSummary s) {
        StringWriter w = new StringWriter();
        TraceReport.print(new PrintWriter(w), "test", s);
        return w.toString();
    }

    @Test
    void tdpMmuTraceIsFullyClassified() throws Exception {
        TraceSummary s = run(npt(KvmX86_6_11.SPEC), NPT1);
        assertTrue(s.ok(), report(s));
        assertEquals(540, s.events(TraceEvent.Kind.SET_SPTE));
        assertEquals(55, s.events(TraceEvent.Kind.MARK_MMIO));
        assertEquals(s.values(), s.classified());
        assertTrue(s.views().keySet().containsAll(java.util.List.of("leaf", "nonleaf", "mmio", "nonpresent", "frozen")),
                s.views().toString());
        assertTrue(s.mmioPaired() > 0, "some mark_mmio_spte pair with the value KVM wrote");
    }

    @Test
    void shadowMmuTraceIsFullyClassified() throws Exception {
        TraceSummary s = run(shadow(KvmX86_6_11.SPEC), NPT0);
        assertTrue(s.ok(), report(s));
        assertEquals(488, s.events(TraceEvent.Kind.SET_SPTE));
        assertEquals(55, s.mmioFromSpec());
    }

    @Test
    void generationsWithTheTopBitSetDecode() throws Exception {
        TraceSummary s = run(shadow(KvmX86_6_11.SPEC), NPT0_WRAP);
        assertTrue(s.ok(), report(s));
    }

    @Test
    void nonPresentValueWithoutBit63IsCaught() throws Exception {
        TraceSummary s = run(npt(WrongSpecs.nonPresentWithoutBit63()), NPT1);
        assertFalse(s.ok());
        assertTrue(s.unclassified().size() > 1000, report(s));
        assertTrue(s.unclassified().get(0).raw().contains("old_spte 8000000000000000"), report(s));
    }

    @Test
    void narrowerMmioGenerationIsCaught() throws Exception {
        TraceSummary s = run(shadow(WrongSpecs.narrowerMmioGeneration()), NPT0_WRAP);
        assertFalse(s.ok());
        assertTrue(s.violations().stream().anyMatch(f -> f.message().contains("does not fit the spec's 18-bit")),
                report(s));
    }

    @Test
    void aLeafWithAReservedAddressBitBreaksInvariants() throws Exception {
        String line = " t-1 [000] ...1. 1.0: kvm_mmu_set_spte: gfn 1 spte 200002567e67 (rwxu) level 1 at 0\n";
        TraceSummary s = TraceRun.check(npt(KvmX86_6_11.SPEC), stream(line), "x", new PrintWriter(new StringWriter()), false);
        assertFalse(s.ok());
        assertTrue(report(s).contains("beyond the host's physical address width"), report(s));
    }

    @Test
    void traceCmdReportLinesParse() {
        String line = "  mmio_spte_test-168   [000]     5.366127: kvm_tdp_mmu_spte_changed:    as id 0 gfn d0000 level 1 "
                + "old_spte 8000000000000000 new_spte 80000d0000027";
        TraceEvent e = TraceParser.parse(7, line).orElseThrow();
        assertEquals(0xd0000, e.gfn());
        assertEquals(0x80000d0000027L, e.spte());
    }

    @Test
    void emptyBinaryAndEventlessInputsAreRefused() {
        PrintWriter err = new PrintWriter(new StringWriter());
        Interpreter in = npt(KvmX86_6_11.SPEC);
        assertThrows(TraceInputException.class, () -> TraceRun.check(in, stream(""), "e", err, false));
        assertThrows(TraceInputException.class, () -> TraceRun.check(in,
                new ByteArrayInputStream(new byte[] {0x7f, 'E', 'L', 'F', 0, 1}), "b", err, false));
        assertThrows(TraceInputException.class, () -> TraceRun.check(in, stream("# tracer: nop\n"), "n", err, false));
    }

    @Test
    void commandLineExitCodes() throws IOException {
        Path fixture = Paths.get("src/test/resources/traces", NPT1);
        assertEquals(0, cli("trace", "--spec", "kvm-6.11", "--profile", "npt", "--param", "maxphyaddr=40",
                fixture.toString()));
        Path empty = java.nio.file.Files.createTempFile("empty", ".txt");
        assertEquals(2, cli("trace", "--spec", "kvm-6.11", "--profile", "npt", empty.toString()));
        java.nio.file.Files.delete(empty);
    }

    private static int cli(String... args) {
        return Sptegen.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
