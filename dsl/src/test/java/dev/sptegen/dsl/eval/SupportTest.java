package dev.sptegen.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.kvm.KvmSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The bit-support analysis: exact on the helpers KVM writes as mask tests, and sound everywhere. */
class SupportTest {
    private static final long SEED = 0x5099047L;

    private static Map<String, Long> support(String spec, String profile, String function) {
        Interpreter in = new Interpreter(KvmSpecs.byName(spec).orElseThrow(), profile);
        return new Support(in).of(in.layout().function(function));
    }

    @Test
    void maskTestsDependOnExactlyTheirMask() {
        assertEquals(Map.of("spte", 0x8000000000000007L), support("kvm-6.10", "ept", "is_mmio_spte"));
        assertEquals(Map.of("spte", 0x7L), support("kvm-5.13", "ept", "is_mmio_spte"));
        assertEquals(Map.of("spte", 0x0008000000000001L), support("kvm-6.10", "npt", "is_mmio_spte"));
        assertEquals(Map.of("spte", 0x800L), support("kvm-7.2", "ept", "is_shadow_present_pte"));
        assertEquals(Map.of("spte", 0x7ff00000000007f8L), support("kvm-6.11", "ept", "get_mmio_spte_generation"));
        assertEquals(Map.of("spte", 0x7ff00000000003f8L), support("kvm-7.2", "ept", "get_mmio_spte_generation"));
        assertEquals(Map.of("spte", 0x000ffffffffff000L), support("kvm-6.11", "npt", "spte_to_pfn"));
        assertEquals(Map.of("spte", -1L), support("kvm-6.11", "ept", "is_frozen_spte"), "equality reads every bit");
    }

    @Test
    void constantConditionsNarrowTheSupport() {
        // shadow_acc_track_mask is 0 on NPT, so is_access_track_spte only reads the A/D type.
        assertEquals(Map.of("spte", 0x0030000000000000L), support("kvm-6.11", "npt", "is_access_track_spte"));
        assertEquals(Map.of("spte", 0x0030000000000007L), support("kvm-6.11", "ept", "is_access_track_spte"));
    }

    /** Flipping a bit outside the support never changes a result: checked for every bundled function. */
    @TestFactory
    Stream<DynamicTest> bitsOutsideTheSupportNeverMatter() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Spec spec : KvmSpecs.all()) {
            for (Profile profile : spec.profiles().values()) {
                Interpreter in = new Interpreter(spec, profile);
                for (Function f : in.layout().functions().values()) {
                    tests.add(DynamicTest.dynamicTest(spec.name() + "/" + profile.name() + " " + f.name()
                            + " (seed " + Bits.hex(SEED) + ")", () -> checkSound(in, f)));
                }
            }
        }
        return tests.stream();
    }

    private static void checkSound(Interpreter in, Function f) {
        Map<String, Long> support = new Support(in).of(f);
        SplittableRandom random = new SplittableRandom(SEED ^ f.name().hashCode());
        CaseSpace cases = CaseSpace.of(in, f, new CaseSpace.Budget(10, 4, SEED));
        int[] checked = {0};
        cases.forEach(args -> {
            if (checked[0]++ > 2000) {
                return false;
            }
            long expected = in.call(f.name(), args);
            long[] flipped = args.clone();
            for (int i = 0; i < args.length; i++) {
                Arg a = f.args().get(i);
                long domain = CaseSpace.wordBits(in, a.domain());
                flipped[i] ^= random.nextLong() & domain & ~support.getOrDefault(a.name(), 0L);
            }
            if (in.admits(f.name(), flipped)) {
                assertEquals(expected, in.call(f.name(), flipped),
                        () -> f.name() + " changed when bits outside its support changed: " + java.util.Arrays.toString(args));
            }
            return true;
        });
    }

}
