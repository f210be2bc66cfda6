package dev.sptegen.dsl.model;

/** The hardware page-table entry format a vendor's SPTEs are walked with. */
public enum PagingFormat {
    /** Intel EPT paging-structure entries (also used by TDX mirror and direct roots). */
    EPT,
    /** x86-64 PTEs: AMD NPT and legacy shadow paging. */
    X86
}
