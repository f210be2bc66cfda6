package dev.sptegen.kvm;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.allOf;
import static dev.sptegen.dsl.api.Dsl.anyOf;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.enumValue;
import static dev.sptegen.dsl.api.Dsl.flag;
import static dev.sptegen.dsl.api.Dsl.genmask;
import static dev.sptegen.dsl.api.Dsl.get;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.not;
import static dev.sptegen.dsl.api.Dsl.oneOf;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.range;
import static dev.sptegen.dsl.api.Dsl.spte;
import static dev.sptegen.dsl.api.Dsl.when;

import dev.sptegen.dsl.api.LayoutScope;
import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.Vendor;

/**
 * What the hardware does with an entry: when it is present, which bits are reserved at each level,
 * when an EPT entry is a misconfiguration, and the outcome of an access. Written from the SDM and
 * APM rules KVM relies on (Intel SDM vol. 3 ch. 29 for EPT; the x86-64 PTE format for NPT and
 * shadow paging), independent of how KVM encodes its own software bits.
 */
final class Hardware {
    static final Expr LEVEL = arg("level");
    static final Expr ACCESS = arg("access");

    private Hardware() {
    }

    /** The enumerations of access kinds and hardware outcomes. */
    static void enums(SpecBuilder s) {
        s.enumType("access_kind", 3, "A memory access: bit 0 write, bit 1 instruction fetch, bit 2 user mode")
                .value("READ", 0, "supervisor data read")
                .value("WRITE", 1, "supervisor data write")
                .value("FETCH", 2, "supervisor instruction fetch")
                .value("USER_READ", 4, "user-mode data read (every NPT access is a user access)")
                .value("USER_WRITE", 5, "user-mode data write")
                .value("USER_FETCH", 6, "user-mode instruction fetch");
        s.enumType("hw_outcome", 3, "What the hardware does when an access uses an entry")
                .value("OK", 0, "the access is allowed")
                .value("NOT_PRESENT", 1, "#PF or #NPF with P=0: the entry is not present")
                .value("PROTECTION", 2, "#PF or #NPF with P=1: the entry denies this access")
                .value("RESERVED", 3, "#PF or #NPF with RSVD=1: a reserved bit is set")
                .value("EPT_VIOLATION", 4, "EPT violation VM exit")
                .value("EPT_MISCONFIG", 5, "EPT misconfiguration VM exit")
                .value("VE", 6, "EPT violation converted to #VE in the guest (suppress-#VE clear)");
    }

    /** Fields, constants and functions of the EPT entry format. */
    static void ept(LayoutScope ept) {
        ept.field("ept_r").bit(0).doc("EPT read access (VMX_EPT_READABLE_MASK)");
        ept.field("ept_w").bit(1).doc("EPT write access (VMX_EPT_WRITABLE_MASK)");
        ept.field("ept_x").bit(2).doc("EPT execute access; supervisor-mode execute (XS) when MBEC is on");
        ept.field("memtype").bits(3, 5).enumOf("ept_memtype")
                .doc("EPT memory type of a leaf; reserved in non-leaf entries (VMX_EPT_MT_EPTE_SHIFT 3)");
        ept.field("ipat").bit(6).doc("Ignore guest PAT, leaf only (VMX_EPT_IPAT_BIT)");
        ept.field("accessed").bit(8).doc("EPT accessed flag, written by the CPU when EPTP enables A/D (VMX_EPT_ACCESS_BIT)");
        ept.field("dirty").bit(9).doc("EPT dirty flag of a leaf, written by the CPU when EPTP enables A/D (VMX_EPT_DIRTY_BIT)");
        ept.field("phys_addr").bits(lit(12), p("maxphyaddr").minus(1)).address()
                .doc("Physical-address bits the CPU uses: 12 up to MAXPHYADDR - 1 (the bits above, to 51, are reserved)");
        ept.field("suppress_ve").bit(63)
                .doc("Suppress #VE: an EPT violation on this entry exits to the host even when #VE is enabled");

        ept.mask("rsvd_high_mask").is(when(p("maxphyaddr").lt(52), genmask(lit(51), p("maxphyaddr")), lit(0)))
                .doc("Physical-address bits at and above MAXPHYADDR: reserved in every EPT entry");

        ept.helper("ept_bad_mt_xwr", Type.BOOL).of(spte())
                .is(anyOf(
                        SPTE.and(c("VMX_EPT_RWX_MASK")).eq(c("VMX_EPT_WRITABLE_MASK")),
                        SPTE.and(c("VMX_EPT_RWX_MASK")).eq(c("VMX_EPT_MISCONFIG_WX_VALUE")),
                        not(p("ept_exec_only")).andAlso(SPTE.and(c("VMX_EPT_RWX_MASK")).eq(c("VMX_EPT_EXECUTABLE_MASK"))),
                        illegalMemtype(get("memtype", SPTE))))
                .doc("The memtype/XWR combinations that are always a misconfiguration (KVM's bad_mt_xwr bitmap "
                        + "indexed by bits 5:0): write without read, and execute-only without CPU support, "
                        + "and memory types 2, 3 and 7");
        ept.hardware("hw_present", Type.BOOL).of(spte())
                .is(SPTE.anySet(c("VMX_EPT_RWX_MASK")))
                .doc("An EPT entry is present if any of R, W, X is set; all other bits but suppress-#VE are then ignored");
        ept.hardware("hw_rsvd_bits", Type.U64).of(range("level", 1, 5), flag("large"))
                .is(c("rsvd_high_mask").or(
                        when(LEVEL.ge(4), genmask(7, 3),
                        when(LEVEL.eq(3), when(arg("large"), genmask(29, 12), genmask(6, 3)),
                        when(LEVEL.eq(2), when(arg("large"), genmask(20, 12), genmask(6, 3)),
                        lit(0))))))
                .doc("Reserved bits of a present EPT entry at a level: bits 51:MAXPHYADDR everywhere; 7:3 in "
                        + "PML4E/PML5E; 6:3 in non-leaf PDPTE/PDE; the address bits below a 1 GiB or 2 MiB page");
        ept.hardware("hw_misconfig", Type.BOOL).of(spte(), range("level", 1, 5))
                .is(allOf(call("hw_present", SPTE),
                        anyOf(call("ept_bad_mt_xwr", SPTE),
                                SPTE.anySet(call("hw_rsvd_bits", LEVEL, isLargeAt(LEVEL))))))
                .doc("A present EPT entry with an illegal XWR/memtype combination or a reserved bit set: "
                        + "EPT misconfiguration");
        ept.hardware("hw_access", Type.U64).of(spte(), range("level", 1, 5), oneOf("access", "access_kind"))
                .returnsEnum("hw_outcome")
                .is(when(not(call("hw_present", SPTE)),
                        when(p("ept_ve").andAlso(SPTE.and(c("VMX_EPT_SUPPRESS_VE_BIT")).isZero()),
                                outcome("VE"), outcome("EPT_VIOLATION")),
                        when(call("hw_misconfig", SPTE, LEVEL), outcome("EPT_MISCONFIG"),
                        when(eptAllows(), outcome("OK"), outcome("EPT_VIOLATION")))))
                .doc("Outcome of an access through one EPT entry: reads need R, writes need W, fetches need X");
    }

    /**
     * MBEC (7.2 layout): bit 10 is user-mode execute (XU). With MBEC enabled it counts for presence and
     * user-mode fetches need it (supervisor fetches need X); KVM's misconfiguration check treats XU
     * like X. Without MBEC the CPU ignores bit 10.
     */
    static void eptMbec(LayoutScope ept) {
        ept.field("ept_xu").bit(10).doc("EPT user-mode execute (XU) under mode-based execute control; ignored without MBEC");
        ept.mask("ept_present_bits")
                .is(c("VMX_EPT_RWX_MASK").or(when(p("mbec"), c("VMX_EPT_USER_EXECUTABLE_MASK"), lit(0))))
                .doc("Bits that make an EPT entry present: R/W/X, and XU when MBEC is enabled");
        LayoutScope redo = ept.redefine();
        redo.function("hw_present").is(SPTE.anySet(c("ept_present_bits")))
                .doc("An EPT entry is present if any of R, W, X (or XU with MBEC) is set");
        Expr xwr = SPTE.and(c("VMX_EPT_RWX_MASK"))
                .or(when(p("mbec").andAlso(SPTE.anySet(c("VMX_EPT_USER_EXECUTABLE_MASK"))), c("VMX_EPT_EXECUTABLE_MASK"), lit(0)));
        redo.function("ept_bad_mt_xwr")
                .is(anyOf(xwr.eq(c("VMX_EPT_WRITABLE_MASK")), xwr.eq(c("VMX_EPT_MISCONFIG_WX_VALUE")),
                        not(p("ept_exec_only")).andAlso(xwr.eq(c("VMX_EPT_EXECUTABLE_MASK"))),
                        illegalMemtype(get("memtype", SPTE))))
                .doc("The memtype/XWR combinations that are always a misconfiguration, with XU counting as X under "
                        + "MBEC: write without read, execute-only without CPU support, memory types 2, 3 and 7");
        Expr userFetch = p("mbec").andAlso(ACCESS.and(4).nonZero());
        redo.function("hw_access")
                .is(when(not(call("hw_present", SPTE)),
                        when(p("ept_ve").andAlso(SPTE.and(c("VMX_EPT_SUPPRESS_VE_BIT")).isZero()),
                                outcome("VE"), outcome("EPT_VIOLATION")),
                        when(call("hw_misconfig", SPTE, LEVEL), outcome("EPT_MISCONFIG"),
                        when(when(ACCESS.and(1).nonZero(), SPTE.anySet(c("VMX_EPT_WRITABLE_MASK")),
                                when(ACCESS.and(2).nonZero(),
                                        when(userFetch, SPTE.anySet(c("VMX_EPT_USER_EXECUTABLE_MASK")),
                                                SPTE.anySet(c("VMX_EPT_EXECUTABLE_MASK"))),
                                        SPTE.anySet(c("VMX_EPT_READABLE_MASK")))),
                                outcome("OK"), outcome("EPT_VIOLATION")))))
                .doc("Outcome of an access through one EPT entry: reads need R, writes need W, supervisor fetches "
                        + "need X (XS), user fetches need XU when MBEC is enabled");
    }

    /** The permission check of a present, well-formed EPT entry (redefined when MBEC adds user execute). */
    static Expr eptAllows() {
        return when(ACCESS.and(1).nonZero(), SPTE.anySet(c("VMX_EPT_WRITABLE_MASK")),
                when(ACCESS.and(2).nonZero(), SPTE.anySet(c("VMX_EPT_EXECUTABLE_MASK")),
                        SPTE.anySet(c("VMX_EPT_READABLE_MASK"))));
    }

    /** Fields, constants and functions of the x86-64 PTE format (NPT and shadow paging). */
    static void x86(SpecBuilder s) {
        LayoutScope x86 = s.on(Vendor.NPT, Vendor.SHADOW);
        x86.field("present").bit(0).doc("P: the entry is present (PT_PRESENT_MASK)");
        x86.field("writable").bit(1).doc("R/W: writes allowed (PT_WRITABLE_MASK)");
        x86.field("user").bit(2).doc("U/S: user-mode accesses allowed; every NPT access is a user access (PT_USER_MASK)");
        x86.field("pwt").bit(3).doc("Page-level write-through");
        x86.field("pcd").bit(4).doc("Page-level cache disable");
        x86.field("accessed").bit(5).doc("A: set by the CPU on first use (PT_ACCESSED_MASK)");
        x86.field("dirty").bit(6).doc("D: set by the CPU on first write to a leaf (PT_DIRTY_MASK)");
        x86.field("global").bit(8).doc("G: global translation (leaf only)");
        x86.field("nx").bit(63).doc("XD/NX: instruction fetches not allowed (PT64_NX_MASK)");
        x86.field("phys_addr").bits(lit(12), c("x86_phys_bits").minus(1)).address()
                .doc("Physical-address bits the CPU uses: 12 up to its physical-address width - 1 (MAXPHYADDR less the "
                        + "memory-encryption reduction)");

        x86.mask("rsvd_high_mask")
                .is(when(c("x86_phys_bits").lt(52), genmask(lit(51), c("x86_phys_bits")), lit(0)).clear(c("shadow_me_mask")))
                .doc("Physical-address bits at and above the CPU's physical-address width (MAXPHYADDR less the "
                        + "memory-encryption reduction): reserved, except the memory-encryption bits");

        x86.hardware("hw_present", Type.BOOL).of(spte())
                .is(SPTE.anySet(c("PT_PRESENT_MASK")))
                .doc("An x86 entry is present iff P is set; the CPU ignores every other bit of a non-present entry");
        x86.hardware("hw_rsvd_bits", Type.U64).of(range("level", 1, 5), flag("large"))
                .is(c("rsvd_high_mask").or(
                        when(LEVEL.ge(4), bit(7).or(c("x86_rsvd_pml4_amd")),
                        when(LEVEL.eq(3), when(arg("large"), genmask(29, 13), lit(0)),
                        when(LEVEL.eq(2), when(arg("large"), genmask(20, 13), lit(0)),
                        lit(0))))))
                .doc("Reserved bits of a present 4/5-level entry with NX enabled and 1 GiB pages supported: the "
                        + "high address bits; PS in PML4E/PML5E (and bit 8 on AMD); the address bits below a huge page "
                        + "except the PAT bit 12");
        x86.hardware("hw_misconfig", Type.BOOL).of(spte(), range("level", 1, 5))
                .is(allOf(call("hw_present", SPTE), SPTE.anySet(call("hw_rsvd_bits", LEVEL, isLargeAt(LEVEL)))))
                .doc("A present entry with a reserved bit set: #PF or #NPF with RSVD=1");
        x86.hardware("hw_access", Type.U64).of(spte(), range("level", 1, 5), oneOf("access", "access_kind"))
                .returnsEnum("hw_outcome")
                .is(when(not(call("hw_present", SPTE)), outcome("NOT_PRESENT"),
                        when(call("hw_misconfig", SPTE, LEVEL), outcome("RESERVED"),
                        when(anyOf(
                                ACCESS.and(1).nonZero().andAlso(SPTE.and(c("PT_WRITABLE_MASK")).isZero()),
                                ACCESS.and(4).nonZero().andAlso(SPTE.and(c("PT_USER_MASK")).isZero()),
                                ACCESS.and(2).nonZero().andAlso(SPTE.anySet(c("PT64_NX_MASK")))),
                                outcome("PROTECTION"), outcome("OK")))))
                .doc("Outcome of an access through one x86 entry (CR0.WP=1, EFER.NX=1, no SMEP/SMAP/PKU): "
                        + "writes need R/W, user accesses need U/S, fetches need NX clear");
        s.on(Vendor.NPT).mask("x86_rsvd_pml4_amd").is(bit(8))
                .doc("AMD reserves bit 8 of PML4Es and PML5Es");
        s.on(Vendor.SHADOW).mask("x86_rsvd_pml4_amd").is(lit(0))
                .doc("Intel hosts (where legacy shadow paging is common) do not reserve bit 8 of PML4Es");
    }

    /** Whether the entry maps a huge page: bit 7 at the PDPTE or PDE level. */
    static Expr isLargeAt(Expr level) {
        return level.ge(2).andAlso(level.le(3)).andAlso(SPTE.anySet(c("PT_PAGE_SIZE_MASK")));
    }

    static Expr outcome(String name) {
        return enumValue("hw_outcome", name);
    }

    /** A memtype code without a name in the ept_memtype enumeration (2, 3 and 7). */
    private static Expr illegalMemtype(Expr memtype) {
        return allOf(memtype.ne(enumValue("ept_memtype", "UC")), memtype.ne(enumValue("ept_memtype", "WC")),
                memtype.ne(enumValue("ept_memtype", "WT")), memtype.ne(enumValue("ept_memtype", "WP")),
                memtype.ne(enumValue("ept_memtype", "WB")));
    }
}
