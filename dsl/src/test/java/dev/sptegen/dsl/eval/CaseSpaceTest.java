package dev.sptegen.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.kvm.KvmSpecs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which inputs get tried. */
class CaseSpaceTest {
    private final Interpreter ept = new Interpreter(KvmSpecs.byName("kvm-6.11").orElseThrow(), "ept");

    private static List<long[]> all(CaseSpace cases) {
        List<long[]> out = new ArrayList<>();
        cases.forEach(a -> out.add(a.clone()));
        return out;
    }

    @Test
    void smallSupportsAreEnumeratedExhaustively() {
        CaseSpace cases = CaseSpace.of(ept, ept.layout().function("is_mmio_spte"), CaseSpace.Budget.tests(1));
        assertEquals(CaseSpace.Mode.EXHAUSTIVE, cases.mode());
        List<long[]> values = all(cases);
        assertEquals(16, values.size());
        Set<Long> distinct = new HashSet<>();
        values.forEach(v -> distinct.add(v[0]));
        assertEquals(16, distinct.size());
        assertTrue(distinct.stream().allMatch(v -> (v & ~0x8000000000000007L) == 0));
    }

    @Test
    void theWholeGenerationIsEnumerated() {
        CaseSpace cases = CaseSpace.of(ept, ept.layout().function("get_mmio_spte_generation"), CaseSpace.Budget.tests(1));
        assertEquals(CaseSpace.Mode.EXHAUSTIVE, cases.mode());
        assertEquals(1L << 19, cases.size());
    }

    @Test
    void wideAddressBitsAreSampledAndNarrowBitsEnumerated() {
        CaseSpace cases = CaseSpace.of(ept, ept.layout().function("make_mmio_spte"), CaseSpace.Budget.tests(7));
        assertEquals(CaseSpace.Mode.NARROW_EXHAUSTIVE, cases.mode());
        // access is not read on EPT (access mask 0); every generation value is tried.
        assertEquals(1L << 19, cases.size());
        Set<Long> gens = new HashSet<>();
        Set<Long> gfns = new HashSet<>();
        cases.forEach(a -> {
            gfns.add(a[0]);
            gens.add(a[2]);
            return true;
        });
        assertEquals(1 << 19, gens.size());
        assertTrue(gfns.contains(0L) && gfns.contains((1L << 34) - 1) && gfns.contains(1L << 33), "boundaries of the GFN");
        assertTrue(cases.describe().contains("seed 0x7"), cases.describe());
    }

    @Test
    void preconditionsFilterInputs() {
        CaseSpace cases = CaseSpace.of(ept, ept.layout().function("make_spte"), CaseSpace.Budget.tests(3));
        cases.forEach(a -> {
            long pfn = a[0];
            long level = a[2];
            assertEquals(0, pfn & ((1L << (9 * (level - 1))) - 1), "huge-page PFNs are aligned");
            return true;
        });
    }

    @Test
    void sameSeedSameCases() {
        var f = ept.layout().function("make_spte");
        List<long[]> a = all(CaseSpace.of(ept, f, CaseSpace.Budget.tests(42)));
        List<long[]> b = all(CaseSpace.of(ept, f, CaseSpace.Budget.tests(42)));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(java.util.Arrays.toString(a.get(i)), java.util.Arrays.toString(b.get(i)));
        }
    }
}
