/* The kernel-style globals and their start-up initialization (see kstyle.h). */
#include <string.h>
#include "kstyle.h"

u64 physical_mask;
u64 shadow_present_mask;
u64 shadow_user_mask;
u64 shadow_accessed_mask;
u64 shadow_dirty_mask;
u64 shadow_nx_mask;
u64 shadow_x_mask;
u64 shadow_memtype_mask;
u64 shadow_acc_track_mask;
u64 shadow_host_writable_mask;
u64 shadow_mmu_writable_mask;
u64 shadow_me_value;
u64 shadow_me_mask;
u64 shadow_mmio_value;
u64 shadow_mmio_mask;
u64 shadow_mmio_access_mask;
u64 shadow_nonpresent_or_rsvd_mask;
u64 shadow_nonpresent_or_rsvd_lower_gfn_mask;
bool enable_mmio_caching;
bool is_nx_huge_page_enabled;
bool vmx_ignore_guest_pat;
u64 kvm_shadow_mmio_value;

static void set_mmio_spte_mask(u64 mmio_value, u64 mmio_mask, u64 access_mask)
{
	if (!enable_mmio_caching)
		mmio_value = 0;
	shadow_mmio_value = mmio_value;
	shadow_mmio_mask = mmio_mask;
	shadow_mmio_access_mask = access_mask;
}

/* kvm_mmu_reset_all_pte_masks(): the legacy x86 format; no L1TF on this host. */
static void reset_all_pte_masks(int maxphyaddr)
{
	u64 mask;

	shadow_user_mask = BIT_ULL(2);
	shadow_accessed_mask = BIT_ULL(5);
	shadow_dirty_mask = BIT_ULL(6);
	shadow_nx_mask = BIT_ULL(63);
	shadow_x_mask = 0;
	shadow_present_mask = 1;
	shadow_memtype_mask = 0;
	shadow_acc_track_mask = 0;
	shadow_me_mask = 0;
	shadow_me_value = 0;
	shadow_host_writable_mask = BIT_ULL(9);
	shadow_mmu_writable_mask = BIT_ULL(10);
	shadow_nonpresent_or_rsvd_mask = 0;
	shadow_nonpresent_or_rsvd_lower_gfn_mask = GENMASK_ULL(maxphyaddr - 1, K_PAGE_SHIFT);
	mask = maxphyaddr < 52 ? (BIT_ULL(51) | 1) : 0;
	set_mmio_spte_mask(mask, mask, K_ACC_WRITE_MASK | K_ACC_USER_MASK);
}

/* kvm_mmu_set_ept_masks() as of 6.10-6.12. */
static void set_ept_masks(bool has_ad_bits, bool has_exec_only)
{
	shadow_user_mask = K_SPTE_EPT_READABLE_MASK;
	shadow_accessed_mask = has_ad_bits ? BIT_ULL(8) : 0;
	shadow_dirty_mask = has_ad_bits ? BIT_ULL(9) : 0;
	shadow_nx_mask = 0;
	shadow_x_mask = K_SPTE_EPT_EXECUTABLE_MASK;
	shadow_present_mask = (has_exec_only ? 0 : K_SPTE_EPT_READABLE_MASK) | BIT_ULL(63);
	shadow_memtype_mask = 0x78;
	shadow_acc_track_mask = 7;
	shadow_host_writable_mask = BIT_ULL(57);
	shadow_mmu_writable_mask = BIT_ULL(58);
	shadow_me_value = 0;
	shadow_me_mask = 0;
	set_mmio_spte_mask(6, 7 | BIT_ULL(63), 0);
}

int kstyle_init(const char *profile)
{
	physical_mask = GENMASK_ULL(51, 0);
	enable_mmio_caching = true;
	is_nx_huge_page_enabled = false;
	vmx_ignore_guest_pat = false;
	reset_all_pte_masks(46);
	if (!strcmp(profile, "ept")) {
		set_ept_masks(true, true);
		vmx_ignore_guest_pat = true;
	} else if (strcmp(profile, "npt")) {
		return -1;
	}
	kvm_shadow_mmio_value = shadow_mmio_value;
	return 0;
}
