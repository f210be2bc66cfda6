package dev.sptegen.tools.decode;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.kvm.KvmX86_6_10;
import dev.sptegen.kvm.KvmX86_7_2;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The human reading of real SPTE values: views, bit owners, fields, invariants and hardware outcomes. */
class SpteReaderTest {

    private static SpteReading read(Spec spec, String profile, long spte, long level) {
        return new SpteReader(new Interpreter(spec, profile)).read(spte, level);
    }

    private static List<String> outcomes(SpteReading r) {
        return r.hardware().outcomes().stream().map(o -> o.name() + "=" + o.value()).toList();
    }

    @Test
    void theFrozenMarkerIsNotPresentAndExitsToKvm() {
        SpteReading r = read(KvmX86_6_10.SPEC, "ept", 0x80000000000005a0L, 1);
        assertEquals("frozen", r.view().orElseThrow().name());
        assertFalse(r.viewHasFields());
        assertEquals(List.of(63, 10, 8, 7, 5), r.bits().stream().map(SpteReading.SetBit::bit).toList());
        // Bit 8 is EPT Accessed to the hardware and generation bit 5 to KVM's MMIO reading.
        assertEquals(List.of("accessed", "mmio_gen[5]"),
                r.bits().get(2).owners().stream().map(SpteReading.Owner::label).toList());
        assertEquals(0, r.unknownBits());
        assertTrue(r.invariants().stream().allMatch(SpteReading.InvariantResult::holds));
        assertEquals(List.of("hw_present no", "hw_misconfig no"),
                r.hardware().facts().stream().map(f -> f.name() + " " + f.value()).toList());
        assertTrue(outcomes(r).stream().allMatch(o -> o.endsWith("=EPT_VIOLATION")), outcomes(r).toString());
    }

    @Test
    void withVeEnabledTheOldNonPresentValueRaisesVe() {
        SpteReading zero = read(KvmX86_6_10.SPEC, "ept-ve", 0, 1);
        assertTrue(zero.view().isEmpty(), "0 is no longer the non-present value in 6.10");
        assertEquals("READ=VE", outcomes(zero).get(0));
        SpteReading nonpresent = read(KvmX86_6_10.SPEC, "ept-ve", 0x8000000000000000L, 1);
        assertEquals("nonpresent", nonpresent.view().orElseThrow().name());
        assertEquals("READ=EPT_VIOLATION", outcomes(nonpresent).get(0));
    }

    @Test
    void anMmioSpteShowsItsGenerationAndGfn() {
        Interpreter in = new Interpreter(KvmX86_6_10.SPEC, "npt");
        long spte = in.call("make_mmio_spte", 0x12345, 0x6, 0x4c43);
        SpteReading r = new SpteReader(in).read(spte, 1);
        assertEquals("mmio", r.view().orElseThrow().name());
        assertEquals(List.of(new SpteReading.NamedValue("get_mmio_spte_generation", "0x4c43"),
                new SpteReading.NamedValue("get_mmio_spte_gfn", "0x12345"),
                new SpteReading.NamedValue("get_mmio_spte_access", "0x6")), r.extras());
        assertEquals("0x4c43", r.fields().get(0).value());
        assertTrue(outcomes(r).stream().allMatch(o -> o.endsWith("=RESERVED")), outcomes(r).toString());
    }

    @Test
    void aLeafShowsEnumNamesAndAnInvariantItBreaks() {
        SpteReading r = read(KvmX86_6_10.SPEC, "ept", 0x0600000000000b77L, 1);
        assertEquals("leaf", r.view().orElseThrow().name());
        SpteReading.FieldValue memtype = r.fields().stream().filter(f -> f.name().equals("memtype")).findFirst().orElseThrow();
        assertEquals(new SpteReading.FieldValue("memtype", "3-5", "hardware", "0x6", Optional.of("WB")), memtype);
        assertEquals(Optional.of("ENABLED"),
                r.fields().stream().filter(f -> f.name().equals("ad_type")).findFirst().orElseThrow().meaning());
        // Without suppress-#VE, 6.10 says KVM would never install it.
        SpteReading.InvariantResult noVe = r.invariants().stream().filter(i -> i.name().equals("leaf_no_ve"))
                .findFirst().orElseThrow();
        assertFalse(noVe.holds());
        assertTrue(ReadingText.render(r).contains("    FAILS leaf_no_ve"));
    }

    @Test
    void reservedBitsThatAreSetAreCalledOut() {
        // Bit 50 is above MAXPHYADDR 46: reserved in every EPT entry.
        SpteReading r = read(KvmX86_6_10.SPEC, "ept", 0x8004000000000b77L, 1);
        assertEquals(Optional.of(0x000fc00000000000L), r.hardware().reserved());
        assertTrue(ReadingText.render(r).contains("  reserved bits at level 1 (46-51): SET 50 (the hardware faults on them)\n"),
                ReadingText.render(r));
        assertEquals("READ=EPT_MISCONFIG", outcomes(r).get(0));
    }

    @Test
    void mbecMakesBitTenUserExecute() {
        SpteReading r = read(KvmX86_7_2.SPEC, "ept", 0x8000000000000c00L | 0x400, 1);
        assertTrue(r.bits().stream().anyMatch(b -> b.bit() == 10 && b.owners().get(0).label().equals("ept_xu")));
        assertEquals("hw_present yes", r.hardware().facts().get(0).name() + " " + r.hardware().facts().get(0).value());
    }

    @Test
    void bitsNoFieldCoversAreCalledOut() {
        SpecBuilder s = SpecBuilder.create("tiny", "1.0", "one field", Vendor.EPT);
        s.all().field("r").bit(0).doc("read");
        s.all().view("any").when(SPTE.and(lit(1)).nonZero()).fields("r").doc("readable");
        s.profile("only", Vendor.EPT, "the only profile");
        SpteReading r = read(s.build(), "only", 0x10000000001L, 1);
        assertEquals(0x10000000000L, r.unknownBits());
        assertEquals(0x10000000000L, r.outsideView());
        String text = ReadingText.render(r);
        assertTrue(text.contains("    40  UNKNOWN: no field covers this bit\n"), text);
        assertTrue(text.contains("  unknown bits (no field): 40\n"), text);
        assertTrue(r.hardware().outcomes().isEmpty(), "the tiny spec says nothing about the hardware");
    }
}
