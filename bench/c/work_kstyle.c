/* The workloads over the kernel-style helpers (masks in globals set by kstyle_init). */
#include "kstyle.h"
#include "work.h"

#define H(name) k_##name
#define W(name) kstyle_##name
#include "workloads.inc"
