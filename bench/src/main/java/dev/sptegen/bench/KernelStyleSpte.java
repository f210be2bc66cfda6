package dev.sptegen.bench;

/**
 * The hand-written baseline: the kvm-6.11 SPTE helpers written the way the kernel writes them, with
 * the fixed layout as compile-time constants and the vendor/host-dependent masks in mutable static
 * fields that are set once at start-up (the kernel's {@code __read_mostly} / {@code __ro_after_init}
 * globals, filled by {@code kvm_mmu_reset_all_pte_masks()} and the vendor's {@code hardware_setup}).
 *
 * <p>Written from the SPTE facts reference (shared/reference/kvm-spte-facts.md, sections 1.2, 1.3,
 * 2.1, 2.2, 2.7 and 4), not from the generator or its spec. Field names follow the kernel's so a
 * reader can compare; C2 cannot constant-fold these fields (they are not final), exactly as gcc
 * cannot fold the kernel's globals.
 */
public final class KernelStyleSpte {
    private KernelStyleSpte() {
    }

    // Fixed layout (#defines in spte.h / mmu.h / vmx.h).
    static final int PAGE_SHIFT = 12;
    static final long PT_WRITABLE_MASK = 1L << 1;
    static final long PT_PAGE_SIZE_MASK = 1L << 7;
    static final long ACC_EXEC_MASK = 1;
    static final long ACC_WRITE_MASK = PT_WRITABLE_MASK;
    static final long ACC_USER_MASK = 1L << 2;
    static final long SPTE_MMU_PRESENT_MASK = 1L << 11;
    static final long SPTE_TDP_AD_SHIFT = 52;
    static final long SPTE_TDP_AD_MASK = 3L << SPTE_TDP_AD_SHIFT;
    static final long SPTE_TDP_AD_ENABLED = 0L << SPTE_TDP_AD_SHIFT;
    static final long SPTE_TDP_AD_DISABLED = 1L << SPTE_TDP_AD_SHIFT;
    static final long SPTE_TDP_AD_WRPROT_ONLY = 2L << SPTE_TDP_AD_SHIFT;
    static final long SPTE_EPT_READABLE_MASK = 1L;
    static final long SPTE_EPT_EXECUTABLE_MASK = 1L << 2;
    static final long SHADOW_ACC_TRACK_SAVED_BITS_MASK = SPTE_EPT_READABLE_MASK | SPTE_EPT_EXECUTABLE_MASK;
    static final int SHADOW_ACC_TRACK_SAVED_BITS_SHIFT = 54;
    static final long SHADOW_ACC_TRACK_SAVED_MASK = SHADOW_ACC_TRACK_SAVED_BITS_MASK << SHADOW_ACC_TRACK_SAVED_BITS_SHIFT;
    static final long SHADOW_NONPRESENT_VALUE = 1L << 63;
    static final long FROZEN_SPTE = SHADOW_NONPRESENT_VALUE | 0x5a0L;
    static final int SHADOW_NONPRESENT_OR_RSVD_MASK_LEN = 5;
    static final int MMIO_SPTE_GEN_LOW_START = 3;
    static final int MMIO_SPTE_GEN_LOW_END = 10;
    static final int MMIO_SPTE_GEN_HIGH_START = 52;
    static final int MMIO_SPTE_GEN_HIGH_END = 62;
    static final long MMIO_SPTE_GEN_LOW_MASK = genmask(MMIO_SPTE_GEN_LOW_END, MMIO_SPTE_GEN_LOW_START);
    static final long MMIO_SPTE_GEN_HIGH_MASK = genmask(MMIO_SPTE_GEN_HIGH_END, MMIO_SPTE_GEN_HIGH_START);
    static final int MMIO_SPTE_GEN_LOW_BITS = MMIO_SPTE_GEN_LOW_END - MMIO_SPTE_GEN_LOW_START + 1;
    static final int MMIO_SPTE_GEN_LOW_SHIFT = MMIO_SPTE_GEN_LOW_START;
    static final int MMIO_SPTE_GEN_HIGH_SHIFT = MMIO_SPTE_GEN_HIGH_START - MMIO_SPTE_GEN_LOW_BITS;
    static final long VMX_EPT_IPAT_BIT = 1L << 6;
    static final int VMX_EPT_MT_EPTE_SHIFT = 3;
    static final long MTRR_TYPE_UNCACHABLE = 0;
    static final long MTRR_TYPE_WRBACK = 6;

    // Run-time masks (__read_mostly / __ro_after_init globals). Set by init().
    static long physical_mask;
    static long shadow_present_mask;
    static long shadow_user_mask;
    static long shadow_accessed_mask;
    static long shadow_dirty_mask;
    static long shadow_nx_mask;
    static long shadow_x_mask;
    static long shadow_memtype_mask;
    static long shadow_acc_track_mask;
    static long shadow_host_writable_mask;
    static long shadow_mmu_writable_mask;
    static long shadow_me_value;
    static long shadow_me_mask;
    static long shadow_mmio_value;
    static long shadow_mmio_mask;
    static long shadow_mmio_access_mask;
    static long shadow_nonpresent_or_rsvd_mask;
    static long shadow_nonpresent_or_rsvd_lower_gfn_mask;
    static boolean enable_mmio_caching;
    static boolean is_nx_huge_page_enabled;
    static boolean vmx_ignore_guest_pat;
    /** kvm->arch.shadow_mmio_value of the one VM (copied from shadow_mmio_value at VM creation). */
    static long kvm_shadow_mmio_value;

    static long genmask(int h, int l) {
        return (~0L << l) & (~0L >>> (63 - h));
    }

    /** Module init for a host like the kvm-6.11 {@code ept} or {@code npt} profile (maxphyaddr 46, no SME, no L1TF). */
    public static void init(String profile) {
        int maxphyaddr = 46;
        physical_mask = (1L << 52) - 1;
        enable_mmio_caching = true;
        is_nx_huge_page_enabled = false;
        resetAllPteMasks(maxphyaddr);
        switch (profile) {
            case "ept" -> {
                setEptMasks(true, true);
                vmx_ignore_guest_pat = true;
            }
            case "npt" -> setMeSpteMask(0, 0);
            default -> throw new IllegalArgumentException("kernel-style baseline has no profile " + profile);
        }
        kvm_shadow_mmio_value = shadow_mmio_value;
    }

    /** kvm_mmu_reset_all_pte_masks(): the legacy x86 format. */
    static void resetAllPteMasks(int maxphyaddr) {
        shadow_user_mask = 1L << 2;
        shadow_accessed_mask = 1L << 5;
        shadow_dirty_mask = 1L << 6;
        shadow_nx_mask = 1L << 63;
        shadow_x_mask = 0;
        shadow_present_mask = 1L;
        shadow_memtype_mask = 0;
        shadow_acc_track_mask = 0;
        shadow_me_mask = 0;
        shadow_me_value = 0;
        shadow_host_writable_mask = 1L << 9;
        shadow_mmu_writable_mask = 1L << 10;
        // No L1TF on this host.
        shadow_nonpresent_or_rsvd_mask = 0;
        shadow_nonpresent_or_rsvd_lower_gfn_mask = genmask(maxphyaddr - 1, PAGE_SHIFT);
        long mask = maxphyaddr < 52 ? (1L << 51) | 1L : 0;
        setMmioSpteMask(mask, mask, ACC_WRITE_MASK | ACC_USER_MASK);
    }

    /** kvm_mmu_set_mmio_spte_mask(). */
    static void setMmioSpteMask(long mmioValue, long mmioMask, long accessMask) {
        if (!enable_mmio_caching) {
            mmioValue = 0;
        }
        shadow_mmio_value = mmioValue;
        shadow_mmio_mask = mmioMask;
        shadow_mmio_access_mask = accessMask;
    }

    /** kvm_mmu_set_me_spte_mask(). */
    static void setMeSpteMask(long meValue, long meMask) {
        shadow_me_value = meValue;
        shadow_me_mask = meMask;
    }

    /** kvm_mmu_set_ept_masks() as of 6.10-6.12. */
    static void setEptMasks(boolean hasAdBits, boolean hasExecOnly) {
        shadow_user_mask = SPTE_EPT_READABLE_MASK;
        shadow_accessed_mask = hasAdBits ? 1L << 8 : 0;
        shadow_dirty_mask = hasAdBits ? 1L << 9 : 0;
        shadow_nx_mask = 0;
        shadow_x_mask = SPTE_EPT_EXECUTABLE_MASK;
        shadow_present_mask = (hasExecOnly ? 0 : SPTE_EPT_READABLE_MASK) | (1L << 63);
        shadow_memtype_mask = 0x78;
        shadow_acc_track_mask = 7;
        shadow_host_writable_mask = 1L << 57;
        shadow_mmu_writable_mask = 1L << 58;
        shadow_me_value = 0;
        shadow_me_mask = 0;
        setMmioSpteMask(6, 7 | (1L << 63), 0);
    }

    static long spteBaseAddrMask() {
        return physical_mask & ~((1L << PAGE_SHIFT) - 1);
    }

    public static boolean isShadowPresentPte(long spte) {
        return (spte & SPTE_MMU_PRESENT_MASK) != 0;
    }

    public static boolean isMmioSpte(long spte) {
        return (spte & shadow_mmio_mask) == kvm_shadow_mmio_value && enable_mmio_caching;
    }

    public static boolean isFrozenSpte(long spte) {
        return spte == FROZEN_SPTE;
    }

    public static boolean spteAdEnabled(long spte) {
        return (spte & SPTE_TDP_AD_MASK) != SPTE_TDP_AD_DISABLED;
    }

    public static boolean isAccessTrackSpte(long spte) {
        return !spteAdEnabled(spte) && (spte & shadow_acc_track_mask) == 0;
    }

    public static long spteToPfn(long spte) {
        return (spte & spteBaseAddrMask()) >>> PAGE_SHIFT;
    }

    public static long getMmioSpteGeneration(long spte) {
        long gen = (spte & MMIO_SPTE_GEN_LOW_MASK) >>> MMIO_SPTE_GEN_LOW_SHIFT;
        gen |= (spte & MMIO_SPTE_GEN_HIGH_MASK) >>> MMIO_SPTE_GEN_HIGH_SHIFT;
        return gen;
    }

    static long generationMmioSpteMask(long gen) {
        long mask = (gen << MMIO_SPTE_GEN_LOW_SHIFT) & MMIO_SPTE_GEN_LOW_MASK;
        mask |= (gen << MMIO_SPTE_GEN_HIGH_SHIFT) & MMIO_SPTE_GEN_HIGH_MASK;
        return mask;
    }

    public static long makeMmioSpte(long gfn, long access, long gen) {
        long gpa = gfn << PAGE_SHIFT;
        access &= shadow_mmio_access_mask;
        long spte = generationMmioSpteMask(gen);
        spte |= kvm_shadow_mmio_value | access;
        spte |= gpa | shadow_nonpresent_or_rsvd_mask;
        spte |= (gpa & shadow_nonpresent_or_rsvd_mask) << SHADOW_NONPRESENT_OR_RSVD_MASK_LEN;
        return spte;
    }

    public static long makeNonleafSpte(long childPfn, boolean adDisabled) {
        long spte = SPTE_MMU_PRESENT_MASK;
        spte |= (childPfn << PAGE_SHIFT) | shadow_present_mask | PT_WRITABLE_MASK
                | shadow_user_mask | shadow_x_mask | shadow_me_value;
        if (adDisabled) {
            spte |= SPTE_TDP_AD_DISABLED;
        } else {
            spte |= shadow_accessed_mask;
        }
        return spte;
    }

    static long spteShadowAccessedMask(long spte) {
        return spteAdEnabled(spte) ? shadow_accessed_mask : 0;
    }

    static long spteShadowDirtyMask(long spte) {
        return spteAdEnabled(spte) ? shadow_dirty_mask : 0;
    }

    /** vmx_get_mt_mask() for a VM without non-coherent DMA (the vendor op make_spte calls). */
    static long vmxGetMtMask(boolean hostMmio) {
        if (hostMmio) {
            return MTRR_TYPE_UNCACHABLE << VMX_EPT_MT_EPTE_SHIFT;
        }
        return (MTRR_TYPE_WRBACK << VMX_EPT_MT_EPTE_SHIFT) | (vmx_ignore_guest_pat ? VMX_EPT_IPAT_BIT : 0);
    }

    /** make_spte() reduced to its bit logic (no memslot, no unsync, no dirty log). */
    public static long makeSpte(long pfn, long pteAccess, int level, boolean prefetch, boolean hostWritable,
            boolean wrprot, boolean adDisabled, boolean wrprotOnly, boolean hostMmio) {
        long spte = SPTE_MMU_PRESENT_MASK;
        if (adDisabled) {
            spte |= SPTE_TDP_AD_DISABLED;
        } else if (wrprotOnly) {
            spte |= SPTE_TDP_AD_WRPROT_ONLY;
        }
        spte |= shadow_present_mask;
        if (!prefetch) {
            spte |= spteShadowAccessedMask(spte);
        }
        if (level > 1 && (pteAccess & ACC_EXEC_MASK) != 0 && is_nx_huge_page_enabled) {
            pteAccess &= ~ACC_EXEC_MASK;
        }
        if ((pteAccess & ACC_EXEC_MASK) != 0) {
            spte |= shadow_x_mask;
        } else {
            spte |= shadow_nx_mask;
        }
        if ((pteAccess & ACC_USER_MASK) != 0) {
            spte |= shadow_user_mask;
        }
        if (level > 1) {
            spte |= PT_PAGE_SIZE_MASK;
        }
        if (shadow_memtype_mask != 0) {
            spte |= vmxGetMtMask(hostMmio);
        }
        if (hostWritable) {
            spte |= shadow_host_writable_mask;
        } else {
            pteAccess &= ~ACC_WRITE_MASK;
        }
        if (shadow_me_value != 0 && !hostMmio) {
            spte |= shadow_me_value;
        }
        spte |= pfn << PAGE_SHIFT;
        if ((pteAccess & ACC_WRITE_MASK) != 0 && !wrprot) {
            spte |= PT_WRITABLE_MASK | shadow_mmu_writable_mask;
            spte |= spteShadowDirtyMask(spte);
        }
        if (prefetch) {
            spte = markSpteForAccessTrack(spte);
        }
        return spte;
    }

    public static long markSpteForAccessTrack(long spte) {
        if (spteAdEnabled(spte)) {
            return spte & ~shadow_accessed_mask;
        }
        if (isAccessTrackSpte(spte)) {
            return spte;
        }
        spte |= (spte & SHADOW_ACC_TRACK_SAVED_BITS_MASK) << SHADOW_ACC_TRACK_SAVED_BITS_SHIFT;
        spte &= ~shadow_acc_track_mask;
        return spte;
    }

    public static long restoreAccTrackSpte(long spte) {
        long saved = (spte >>> SHADOW_ACC_TRACK_SAVED_BITS_SHIFT) & SHADOW_ACC_TRACK_SAVED_BITS_MASK;
        spte &= ~shadow_acc_track_mask;
        spte &= ~(SHADOW_ACC_TRACK_SAVED_BITS_MASK << SHADOW_ACC_TRACK_SAVED_BITS_SHIFT);
        spte |= saved;
        return spte;
    }
}
