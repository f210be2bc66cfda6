package dev.sptegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sptegen decode} end to end: the human view, the unchanged JSON, and every bad input. */
class DecodeCommandTest {

    @Test
    void humanViewOfTheFrozenMarker() {
        InProcessCli.Result r = InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "0x80000000000005a0");
        r.assertOk();
        assertTrue(r.out().startsWith("0x80000000000005a0  kvm-6.10/ept (ept), level 1\n"), r.out());
        assertTrue(r.out().contains("  view      frozen: "), r.out());
        assertTrue(r.out().contains("    63  suppress_ve (hardware)\n"), r.out());
        assertTrue(r.out().contains("    READ        EPT_VIOLATION\n"), r.out());
        assertTrue(r.out().contains("    holds frozen_not_hw_present"), r.out());
    }

    @Test
    void severalValuesAreSeparatedByABlankLine() {
        InProcessCli.Result r = InProcessCli.run("decode", "--spec", "kvm-6.11", "--profile", "npt", "0x8000000000000000",
                "0x80000000000005a0");
        r.assertOk();
        assertTrue(r.out().contains("\n\n0x80000000000005a0  kvm-6.11/npt (npt), level 1\n"), r.out());
        assertTrue(r.out().contains("view      nonpresent"), r.out());
        assertTrue(r.out().contains("view      frozen"), r.out());
    }

    @Test
    void jsonKeepsItsShape() throws Exception {
        InProcessCli.Result r = InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "--json",
                "0x80000000000005a0");
        r.assertOk();
        JsonNode o = Json.mapper().readTree(r.out()).get(0);
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("value", "view", "is_shadow_present_pte", "is_mmio_spte", "is_removed_spte", "is_large_pte",
                "is_last_spte", "spte_ad_enabled", "spte_ad_need_write_protect", "is_access_track_spte",
                "is_executable_pte", "is_writable_pte", "is_mmu_writable_spte", "is_accessed_spte", "is_dirty_spte",
                "spte_to_pfn", "spte_shadow_accessed_mask", "spte_shadow_dirty_mask", "get_mmio_spte_generation",
                "get_mmio_spte_gfn", "get_mmio_spte_access", "is_ept_ve_possible"), keys);
        assertEquals("0x80000000000005a0", o.get("value").asText());
        assertEquals("frozen", o.get("view").asText());
        assertTrue(o.get("is_removed_spte").asBoolean());
        assertEquals("0xb4", o.get("get_mmio_spte_generation").asText());
    }

    @Test
    void unknownSpec() {
        InProcessCli.run("decode", "--spec", "kvm-5.12", "--profile", "ept", "0x0").assertUsageError("unknown spec 'kvm-5.12'");
    }

    @Test
    void unknownProfile() {
        InProcessCli.run("decode", "--spec", "kvm-5.13", "--profile", "tdx", "0x0")
                .assertUsageError("spec kvm-5.13 has no profile 'tdx' (it has: ept,");
    }

    @Test
    void malformedHex() {
        InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "0x5g0")
                .assertUsageError("malformed value '0x5g0'");
    }

    @Test
    void emptyValue() {
        InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "0x").assertUsageError("malformed value '0x'");
    }

    @Test
    void negativeValue() {
        InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "-1").assertUsageError("malformed value '-1'");
    }

    @Test
    void valueWiderThan64Bits() {
        InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "0x10000000000000000")
                .assertUsageError("value '0x10000000000000000' is wider than 64 bits (65 bits)");
    }

    @Test
    void badValueAfterGoodOnesPrintsNothing() {
        InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "0x0", "0xfffffffffffffffff")
                .assertUsageError("wider than 64 bits");
    }

    @Test
    void levelOutOfRange() {
        InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "--level", "6", "0x0")
                .assertUsageError("--level 6 is outside 1..5");
    }

    @Test
    void unknownParameter() {
        InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept", "--param", "maxphys=40", "0x0")
                .assertUsageError("spec kvm-6.10 has no parameter 'maxphys'");
    }

    @Test
    void missingValue() {
        InProcessCli.run("decode", "--spec", "kvm-6.10", "--profile", "ept").assertUsageError("Missing required parameter");
    }
}
