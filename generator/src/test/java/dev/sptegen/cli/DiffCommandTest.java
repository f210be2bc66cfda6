package dev.sptegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code sptegen diff} end to end: real specs, text and JSON, and every bad input. */
class DiffCommandTest {

    @Test
    void textNamesBothSpecsAndTheSuppressVeChange() {
        InProcessCli.Result r = InProcessCli.run("diff", "kvm-5.13", "kvm-6.10");
        r.assertOk();
        assertTrue(r.out().startsWith("kvm-5.13 -> kvm-6.10 (Linux 5.13 -> 6.10)\n"), r.out());
        assertTrue(r.out().contains("value: 0x0 -> 0x8000000000000000"), r.out());
        assertTrue(r.out().contains("value: 0x5a0 -> 0x80000000000005a0"), r.out());
    }

    @Test
    void jsonIsOneObjectWithEveryComparedProfile() throws Exception {
        InProcessCli.Result r = InProcessCli.run("diff", "kvm-5.13", "kvm-6.10", "--json");
        r.assertOk();
        JsonNode root = Json.mapper().readTree(r.out());
        assertEquals("kvm-5.13", root.get("from").get("name").asText());
        assertEquals(6, root.get("compared").size());
        assertEquals(6, root.get("profiles").size());
        assertEquals("ept-ve", root.get("spec").get(0).get("name").asText());
    }

    @Test
    void profileOptionLimitsTheComparison() throws Exception {
        InProcessCli.Result r = InProcessCli.run("diff", "kvm-5.13", "kvm-6.10", "--profile", "npt", "--json");
        r.assertOk();
        JsonNode root = Json.mapper().readTree(r.out());
        assertEquals(1, root.get("compared").size());
        assertTrue(root.get("profiles").has("npt"));
        assertFalse(r.out().contains("shadow_present_mask"), "the EPT-only mask change is not in npt");
    }

    @Test
    void sameSpecHasNoDifferences() {
        InProcessCli.Result r = InProcessCli.run("diff", "kvm-6.13", "kvm-6.13");
        r.assertOk();
        assertTrue(r.out().endsWith("\nno differences\n"), r.out());
    }

    @Test
    void unknownOldSpec() {
        InProcessCli.run("diff", "kvm-4.0", "kvm-6.10").assertUsageError("unknown spec 'kvm-4.0' (bundled: kvm-5.13");
    }

    @Test
    void unknownNewSpec() {
        InProcessCli.run("diff", "kvm-5.13", "linux").assertUsageError("unknown spec 'linux'");
    }

    @Test
    void unknownProfile() {
        InProcessCli.run("diff", "kvm-5.13", "kvm-6.10", "--profile", "vmx")
                .assertUsageError("profile 'vmx' is not in both kvm-5.13 and kvm-6.10 (profiles in both: ept,");
    }

    @Test
    void profileOnlyInTheNewSpec() {
        InProcessCli.run("diff", "kvm-5.13", "kvm-6.10", "--profile", "ept-ve")
                .assertUsageError("profile 'ept-ve' is not in both");
    }

    @Test
    void missingSecondSpec() {
        InProcessCli.run("diff", "kvm-5.13").assertUsageError("Missing required parameter: 'SPEC_B'");
    }

    @Test
    void unknownOption() {
        InProcessCli.run("diff", "kvm-5.13", "kvm-6.10", "--color").assertUsageError("Unknown option: '--color'");
    }

    @Test
    void helpDescribesTheCommand() {
        InProcessCli.Result r = InProcessCli.run("diff", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: sptegen diff"), r.out());
        assertTrue(r.out().contains("--profile=PROFILE"), r.out());
    }
}
