package dev.sptegen.dsl.model;

/**
 * The kinds of MMU KVM builds SPTEs for. Each vendor has its own set of masks (the kernel's
 * {@code shadow_*} variables) and its own hardware semantics.
 */
public enum Vendor {
    /** Intel VMX with EPT ({@code kvm_mmu_set_ept_masks}). */
    EPT("ept", PagingFormat.EPT),
    /** AMD SVM with nested paging: the default x86 masks plus memory encryption. */
    NPT("npt", PagingFormat.X86),
    /** Legacy shadow paging of a 64-bit guest (ept=0 or npt=0): the default x86 masks. */
    SHADOW("shadow", PagingFormat.X86),
    /** A TDX guest: EPT masks, a per-VM MMIO value of 0 and #VE enabled by the TDX module. */
    TDX("tdx", PagingFormat.EPT);

    private final String id;
    private final PagingFormat format;

    Vendor(String id, PagingFormat format) {
        this.id = id;
        this.format = format;
    }

    /** Lower-case name used in specs, file names and the command line. */
    public String id() {
        return id;
    }

    public PagingFormat format() {
        return format;
    }
}
