package dev.sptegen.gen.c.selftests;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;
import dev.sptegen.gen.c.CComments;
import dev.sptegen.gen.c.CNames;
import dev.sptegen.gen.c.selftests.NestedEptModel.Setters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * nested_ept_access_test: every R/W/X combination with every memory type code of the spec's
 * ept_memtype, for a read, a write and a fetch by L2 through a 4 KiB EPT leaf. The expected exit is
 * the spec's hw_access for EPT, with execute-only support (profile ept) and without it (profile
 * ept-noexec-only); an EPT violation's qualification reports the access and the leaf's R/W/X.
 */
public final class NestedEptBuilder {
    static final String[] ACCESSES = {"read", "write", "fetch"};
    /** access_kind codes of the spec for a supervisor read, write and fetch. */
    static final long[] ACCESS_KIND = {0, 1, 2};

    private NestedEptBuilder() {
    }

    /** The EPT profiles, or empty if the spec has none. */
    static Optional<Profile> eptProfile(Spec spec, String name) {
        Profile p = spec.profiles().get(name);
        return p != null && p.vendor() == Vendor.EPT ? Optional.of(p) : Optional.empty();
    }

    public static Optional<NestedEptModel> build(CheckedSpec checked) {
        Spec spec = checked.spec();
        Optional<Profile> ept = eptProfile(spec, "ept");
        Optional<Profile> noExecOnly = eptProfile(spec, "ept-noexec-only");
        if (ept.isEmpty() || noExecOnly.isEmpty()) {
            return Optional.empty();
        }
        Interpreter in = checked.interpreter(ept.get());
        Interpreter noX = checked.interpreter(noExecOnly.get());
        Profile p = ept.get();
        Setters setters = new Setters(CNames.fieldSet(p, "pfn"), CNames.fieldSet(p, "ept_r"), CNames.fieldSet(p, "ept_w"),
                CNames.fieldSet(p, "ept_x"), CNames.fieldSet(p, "memtype"), CNames.fieldSet(p, "accessed"),
                CNames.fieldSet(p, "dirty"));
        EnumType mt = spec.enums().get("ept_memtype");
        EnumType outcomes = spec.enums().get("hw_outcome");
        List<String> memtypes = new ArrayList<>();
        for (long code = 0; code < 8; code++) {
            memtypes.add(mt.nameOf(code));
        }
        List<String> rows = new ArrayList<>();
        int cases = 0;
        for (int perms = 0; perms < 8; perms++) {
            for (long code = 0; code < 8; code++) {
                for (int a = 0; a < ACCESSES.length; a++) {
                    long leaf = leaf(in, perms, code);
                    String expect = outcomes.nameOf(in.call("hw_access", leaf, 1, ACCESS_KIND[a]));
                    String expectNoX = outcomes.nameOf(noX.call("hw_access", leaf(noX, perms, code), 1, ACCESS_KIND[a]));
                    long qual = qualification(perms, a);
                    rows.addAll(TableRows.row(List.of(CComments.string(name(perms, mt, code, a)), "0x" + perms,
                            Long.toString(code), "ACC_" + ACCESSES[a].toUpperCase(java.util.Locale.ROOT),
                            "EXP_" + expect, "EXP_" + expectNoX, "0x" + Long.toHexString(qual))));
                    cases++;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (long code = 0; code < 1L << outcomes.width(); code++) {
            names.add(outcomes.byCode(code).map(EnumType.Value::name).orElse("CODE_" + code));
        }
        return Optional.of(new NestedEptModel(spec.name(), CNames.header(spec), p.name(), setters, memtypes, names,
                rows, cases));
    }

    /** The leaf as the spec encodes it: some page, Accessed and Dirty, the row's R/W/X and memory type. */
    static long leaf(Interpreter in, int perms, long memtype) {
        long v = in.field("pfn").put(0, 0x1234);
        v = in.field("accessed").put(v, 1);
        v = in.field("dirty").put(v, 1);
        v = in.field("ept_r").put(v, perms & 1);
        v = in.field("ept_w").put(v, perms >> 1 & 1);
        v = in.field("ept_x").put(v, perms >> 2 & 1);
        return in.field("memtype").put(v, memtype);
    }

    /** EPT violation qualification bits 5:0: the access (read 0, write 1, fetch 2) and the leaf's R/W/X at 3-5. */
    static long qualification(int perms, int access) {
        return (1L << access) | ((long) perms << 3);
    }

    private static String name(int perms, EnumType mt, long code, int access) {
        String p = ((perms & 1) != 0 ? "r" : "-") + ((perms & 2) != 0 ? "w" : "-") + ((perms & 4) != 0 ? "x" : "-");
        return p + "_" + mt.nameOf(code).toLowerCase(java.util.Locale.ROOT).replace("(", "").replace(")", "") + "_"
                + ACCESSES[access];
    }
}
