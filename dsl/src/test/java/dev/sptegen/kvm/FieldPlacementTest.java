package dev.sptegen.kvm;

import static dev.sptegen.kvm.Era.ANY;
import static dev.sptegen.kvm.Era.EPT;
import static dev.sptegen.kvm.Era.K6_16;
import static dev.sptegen.kvm.Era.K7_2;
import static dev.sptegen.kvm.Era.X86;
import static dev.sptegen.kvm.Era.all;
import static dev.sptegen.kvm.Era.only;
import static dev.sptegen.kvm.Era.upTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.EnumType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bit positions of the SPTE fields per era and vendor (facts 1.2 software bits, 1.3 MMIO
 * generation, 3.1 EPT entry, 3.2 x86-64 entry). Expected positions are written as KVM documents
 * them: "11" for one bit, "52-53" for a range, "3-10,52-62" for a split field, least significant
 * part first.
 */
class FieldPlacementTest {
    private static final FactTable<String> FACTS = new FactTable<>();

    static {
        softwareBits();
        eptHardware();
        x86Hardware();
    }

    private static FactTable<String>.Where at(Set<Era> eras, Set<String> profiles) {
        return FACTS.where(eras, profiles);
    }

    /** Facts 1.2 (table) and 1.3: KVM's own bits. */
    private static void softwareBits() {
        at(all(), ANY)
                .is("mmu_present", "11", "1.2 (5.13+)")
                .is("pfn", "12-51", "1.2 (SPTE_BASE_ADDR_MASK)")
                .is("large", "7", "3.1 / 3.2 (PS)");
        at(all(), X86)
                .is("host_writable", "9", "1.2 (non-EPT, 5.13+)")
                .is("mmu_writable", "10", "1.2 (non-EPT, 5.13+)");
        at(upTo(K6_16), ANY)
                .is("ad_type", "52-53", "1.2 (5.13-7.1)")
                .is("acc_track_saved_r", "54", "1.2 (5.4-7.1)")
                .is("acc_track_saved_x", "56", "1.2 (5.4-7.1)")
                .is("mmio_gen", "3-10,52-62", "1.3 (5.13-7.1)");
        at(upTo(K6_16), EPT)
                .is("host_writable", "57", "1.2 (EPT, 5.13-7.1)")
                .is("mmu_writable", "58", "1.2 (EPT, 5.13-7.1)");
        at(only(K7_2), ANY)
                .is("ad_type", "60-61", "1.2 (7.2+)")
                .is("acc_track_saved_r", "52", "1.2 (7.2+)")
                .is("acc_track_saved_x", "54", "1.2 (7.2+)")
                .is("acc_track_saved_xu", "62", "1.2 (7.2+)")
                .is("mmio_gen", "3-9,52-62", "1.3 (7.2+)");
        at(only(K7_2), EPT)
                .is("host_writable", "53", "1.2 (EPT, 7.2+)")
                .is("mmu_writable", "55", "1.2 (EPT, 7.2+)");
    }

    /** Facts 3.1: the EPT paging-structure entry. */
    private static void eptHardware() {
        at(all(), EPT)
                .is("ept_r", "0", "3.1")
                .is("ept_w", "1", "3.1")
                .is("ept_x", "2", "3.1")
                .is("memtype", "3-5", "3.1")
                .is("ipat", "6", "3.1")
                .is("accessed", "8", "3.1")
                .is("dirty", "9", "3.1")
                .is("suppress_ve", "63", "3.1");
        at(only(K7_2), EPT)
                .is("ept_xu", "10", "3.1 (XU under MBEC)");
    }

    /** Facts 3.2: the x86-64 / NPT entry. */
    private static void x86Hardware() {
        at(all(), X86)
                .is("present", "0", "3.2")
                .is("writable", "1", "3.2")
                .is("user", "2", "3.2")
                .is("pwt", "3", "3.2")
                .is("pcd", "4", "3.2")
                .is("accessed", "5", "3.2")
                .is("dirty", "6", "3.2")
                .is("global", "8", "3.2")
                .is("nx", "63", "3.2");
    }

    static Stream<FactTable.Row<String>> fields() {
        return FACTS.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void fieldSitsWhereTheKernelPutsIt(FactTable.Row<String> row) {
        Interpreter in = row.interpreter();
        assertTrue(in.layout().fields().containsKey(row.name()), row + ": the spec has no field " + row.name());
        assertEquals(row.expected(), placement(in.field(row.name())), row + ": spec bits vs facts bits");
    }

    /** MMIO generation width: 19 bits in 5.13-7.1, 18 bits from 7.2 (facts 1.2 table, 1.3). */
    @ParameterizedTest(name = "{0}: mmio_gen is {1} bits wide")
    @CsvSource({"K5_13, 19", "K6_10, 19", "K6_11, 19", "K6_13, 19", "K6_16, 19", "K7_2, 18"})
    void mmioGenerationWidth(Era era, int width) {
        for (String profile : era.profiles()) {
            assertEquals(width, era.interpreter(profile).field("mmio_gen").width(), era.specName() + "/" + profile);
        }
    }

    /** MBEC's XU bits exist only from 7.2 (facts 1.1). */
    @ParameterizedTest(name = "{0} exists only from kvm-7.2")
    @CsvSource({"ept_xu", "acc_track_saved_xu"})
    void mbecFieldsOnlyFrom72(String field) {
        for (Era era : Era.values()) {
            for (String profile : era.profiles()) {
                boolean expected = era == K7_2 && (EPT.contains(profile) || field.startsWith("acc_track"));
                assertEquals(expected, era.interpreter(profile).layout().fields().containsKey(field),
                        era.specName() + "/" + profile + " " + field);
            }
        }
    }

    /** EPT memory types (facts 3.1): UC 0, WC 1, WT 4, WP 5, WB 6; 2, 3 and 7 are illegal. */
    @ParameterizedTest(name = "{0}: ept_memtype codes")
    @EnumSource(Era.class)
    void eptMemoryTypes(Era era) {
        EnumType memtype = era.spec().enums().get("ept_memtype");
        assertEquals(Map.of("UC", 0L, "WC", 1L, "WT", 4L, "WP", 5L, "WB", 6L),
                memtype.values().stream().collect(Collectors.toMap(EnumType.Value::name, EnumType.Value::code)),
                era.specName());
    }

    /** A/D types (facts 1.2): 0 enabled, 1 disabled, 2 write-protect-only. */
    @ParameterizedTest(name = "{0}: tdp_ad_type codes")
    @EnumSource(Era.class)
    void adTypes(Era era) {
        EnumType adType = era.spec().enums().get("tdp_ad_type");
        assertEquals(Map.of("ENABLED", 0L, "DISABLED", 1L, "WRPROT_ONLY", 2L),
                adType.values().stream().collect(Collectors.toMap(EnumType.Value::name, EnumType.Value::code)),
                era.specName());
    }

    /** 7.2: bits 56-59 are unused by the software bits of present SPTEs (facts 1.1, 7.2 row). */
    @ParameterizedTest(name = "kvm-7.2/{0}: bits 56-59 unused")
    @CsvSource({"ept", "ept-noad", "ept-noexec-only", "ept-ve", "tdx", "npt", "npt-sme", "shadow"})
    void bits56To59UnusedIn72(String profile) {
        Interpreter in = K7_2.interpreter(profile);
        long used = 0;
        for (String f : List.of("mmu_present", "ad_type", "acc_track_saved_r", "acc_track_saved_x",
                "acc_track_saved_xu", "host_writable", "mmu_writable")) {
            used |= in.field(f).mask();
        }
        assertEquals(0L, used & 0x0F00000000000000L, "kvm-7.2/" + profile);
    }

    private static String placement(FieldBits bits) {
        return bits.parts().stream()
                .map(p -> p.low() == p.high() ? Integer.toString(p.low()) : p.low() + "-" + p.high())
                .collect(Collectors.joining(","));
    }
}
