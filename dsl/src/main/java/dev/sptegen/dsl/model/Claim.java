package dev.sptegen.dsl.model;

import java.util.Objects;

/**
 * What an invariant asserts. The structured forms exist so that a violation can be explained in
 * the kernel's terms ("FROZEN_SPTE sets bit 11 (SPTE_MMU_PRESENT_MASK)") and emitted as the
 * matching {@code static_assert}.
 */
public sealed interface Claim {

    /** {@code (a & b) == 0}. */
    record Disjoint(Expr a, Expr b) implements Claim {
        public Disjoint {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }
    }

    /** {@code a == b}. */
    record Equal(Expr a, Expr b) implements Claim {
        public Equal {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }
    }

    /** {@code (a & ~of) == 0}: every bit of {@code a} is in {@code of}. */
    record Subset(Expr a, Expr of) implements Claim {
        public Subset {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(of, "of");
        }
    }

    /** A boolean condition. */
    record Holds(Expr condition) implements Claim {
        public Holds {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** The claim as one boolean expression. */
    default Expr asCondition() {
        if (this instanceof Disjoint d) {
            return d.a().and(d.b()).isZero();
        } else if (this instanceof Equal e) {
            return e.a().eq(e.b());
        } else if (this instanceof Subset s) {
            return s.a().clear(s.of()).isZero();
        }
        return ((Holds) this).condition();
    }
}
