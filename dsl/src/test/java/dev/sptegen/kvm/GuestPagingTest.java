package dev.sptegen.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guest page-walk semantics of the spec, against cases whose outcome real KVM (TDP and shadow
 * MMU, nested under QEMU) showed in the hand-written guest_pte_access_test prototype, and against
 * the SDM's rules for the cases around them.
 */
class GuestPagingTest {
    private static final long P = 1, W = 2, U = 4, A = 0x20, D = 0x40, PS = 0x80;
    private static final long NX = 1L << 63, B51 = 1L << 51, B13 = 1L << 13;
    private static final long OK = P | W | U;
    private static final long PT = 0x1000, PAGE = 0x2000;

    private final Interpreter npt = new Interpreter(KvmX86_5_13.SPEC, "npt");

    /** The outcome as the tests read it: "ok A-bits" or "pf error-code". */
    private String walk(long pde, long pte, String access, String cpu) {
        long acc = switch (access) {
            case "read" -> 0;
            case "write" -> 1;
            case "fetch" -> 2;
            case "uread" -> 4;
            case "uwrite" -> 5;
            default -> 6;
        };
        long wp = cpu.contains("wp") ? 1 : 0;
        long smep = cpu.contains("smep") ? 1 : 0;
        long smap = cpu.contains("smap") ? 1 : 0;
        long[] args = {pde, pte, acc, wp, 1, smep, smap};
        if (npt.call("guest_walk_fault", args) != 0) {
            return "pf " + Long.toHexString(npt.call("guest_walk_error_code", args));
        }
        long pdeAfter = npt.call("guest_walk_pde_after", args);
        long pteAfter = npt.call("guest_walk_pte_after", args);
        return "ok " + Long.toHexString(pdeAfter & (A | D)) + "/" + Long.toHexString(pteAfter & (A | D));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "read,             0x7,    0x7,    read,  '',       ok 20/20",
        "write,            0x7,    0x7,    write, '',       ok 20/60",
        "fetch,            0x7,    0x7,    fetch, '',       ok 20/20",
        "pte_np_read,      0x7,    0x0,    read,  '',       pf 0",
        "pte_np_write,     0x7,    0x0,    write, '',       pf 2",
        "pte_np_fetch,     0x7,    0x0,    fetch, '',       pf 10",
        "pde_np_write,     0x0,    0x7,    write, '',       pf 2",
        "pte_ro_write_wp0, 0x7,    0x5,    write, '',       ok 20/60",
        "pte_ro_write_wp1, 0x7,    0x5,    write, wp,       pf 3",
        "pde_ro_write_wp1, 0x5,    0x7,    write, wp,       pf 3",
        "smep_user_fetch,  0x7,    0x7,    fetch, smep,     pf 11",
        "smep_super_fetch, 0x3,    0x7,    fetch, smep,     ok 20/20",
        "smap_user_read,   0x7,    0x7,    read,  smap,     pf 1",
        "smap_user_write,  0x7,    0x7,    write, smap,     pf 3",
        "smap_user_fetch,  0x7,    0x7,    fetch, smap,     ok 20/20",
        "smap_super_read,  0x7,    0x3,    read,  smap,     ok 20/20",
        "user_read_super,  0x7,    0x3,    uread, '',       pf 5",
        "user_write_ro_wp0,0x7,    0x5,    uwrite,'',       pf 7",
    })
    void permissionCases(String name, String pde, String pte, String access, String cpu, String expected) {
        assertEquals(expected, walk(Long.decode(pde) | PT, Long.decode(pte) | PAGE, access, cpu), name);
    }

    @Test
    void reservedAndLargePages() {
        assertEquals("pf 9", walk(OK | PT, OK | PAGE | B51, "read", ""), "PTE bit 51: RSVD with P");
        assertEquals("pf b", walk(OK | PT, OK | PAGE | (1L << 46), "write", ""), "PTE bit MAXPHYADDR (46)");
        assertEquals("pf 19", walk(OK | PT | B51, OK | PAGE, "fetch", ""), "PDE bit 51, fetch");
        assertEquals("pf 0", walk(OK | PT, W | PAGE | B51, "read", ""), "reserved bits of a not-present PTE are ignored");
        assertEquals("pf 9", walk(OK | PT | B51, 0, "read", ""), "the walk stops at the PDE's reserved bit");
        assertEquals("ok 20/0", walk(OK | PS, 0, "read", ""), "2 MiB page: PTE unused");
        assertEquals("ok 60/0", walk(OK | PS, 0, "write", ""), "2 MiB page written: Dirty in the PDE");
        assertEquals("pf 9", walk(OK | PS | B13, 0, "read", ""), "bit 13 of a 2 MiB PDE is reserved");
        assertEquals("ok 20/20", walk(OK | PT | B13, OK | PAGE, "read", ""), "bit 13 of a PDE table entry is an address bit");
        assertEquals("pf 11", walk(OK | PS | NX, 0, "fetch", ""), "XD on a 2 MiB page");
        assertEquals("pf 11", walk(OK | PT | NX, OK | PAGE, "fetch", ""), "XD in the PDE applies to the PTE's page");
        assertEquals("ok 20/60", walk(OK | PT | A, OK | PAGE | A | D, "write", ""), "preset A/D stay set");
    }

    @Test
    void maxphyaddr52HasNoReservedAddressBits() {
        Interpreter in = new Interpreter(KvmX86_5_13.SPEC, "npt-sme");
        assertEquals(0x000f000000000000L, in.constant("guest_rsvd_high_mask"), "MAXPHYADDR 48");
        assertEquals(0, new Interpreter(KvmX86_5_13.SPEC, "npt").call("guest_pte_rsvd", OK | (1L << 45), 1),
                "bit 45 is an address bit with MAXPHYADDR 46");
    }

    @Test
    void everySpecDeclaresItAndValidates() {
        for (Spec s : KvmSpecs.all()) {
            for (var layout : s.layouts().values()) {
                assertTrue(layout.functions().containsKey("guest_walk_error_code"), s.name() + " " + layout.vendor());
            }
            new Validator().check(s);
        }
    }
}
