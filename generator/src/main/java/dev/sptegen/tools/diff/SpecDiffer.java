package dev.sptegen.tools.diff;

import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two specs: first the spec as a whole, then every profile both have (same name, same
 * vendor), section by section, with renames found across all those profiles.
 */
public final class SpecDiffer {
    private SpecDiffer() {
    }

    /** Profiles both specs have with the same vendor, in the new spec's order. */
    public static List<String> comparable(Spec a, Spec b) {
        List<String> out = new ArrayList<>();
        for (Profile pb : b.profiles().values()) {
            Profile pa = a.profiles().get(pb.name());
            if (pa != null && pa.vendor() == pb.vendor()) {
                out.add(pb.name());
            }
        }
        return out;
    }

    /**
     * The differences from {@code a} to {@code b}.
     *
     * @param only compare just this profile (it must be one of {@link #comparable})
     */
    public static SpecDiff diff(Spec a, Spec b, Optional<String> only) {
        List<String> common = comparable(a, b);
        if (only.isPresent() && !common.contains(only.get())) {
            throw new IllegalArgumentException("profile " + only.get() + " is not in both " + a.name() + " and "
                    + b.name());
        }
        List<RenameFinder.Pair> pairs = new ArrayList<>();
        for (String name : common) {
            pairs.add(new RenameFinder.Pair(name, new Interpreter(a, a.profile(name)), new Interpreter(b, b.profile(name))));
        }
        Renames renames = RenameFinder.find(pairs);
        List<ProfileDiff> profiles = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        for (RenameFinder.Pair p : pairs) {
            if (only.isPresent() && !only.get().equals(p.profile())) {
                continue;
            }
            compared.add(p.profile());
            ProfileComparison pc = new ProfileComparison(p.profile(), p.a(), p.b(), renames);
            List<Change> changes = new ArrayList<>();
            SpecLevelDiffer.profileParameters(pc, changes);
            FieldDiffer.diff(pc, changes);
            ConstantDiffer.diff(pc, changes);
            FunctionDiffer.diff(pc, changes);
            ViewDiffer.diff(pc, changes);
            InvariantDiffer.diff(pc, changes);
            profiles.add(new ProfileDiff(p.profile(), p.a().profile().vendor().id(), changes));
        }
        return new SpecDiff(ref(a), ref(b), SpecLevelDiffer.diff(a, b), compared, profiles);
    }

    private static SpecDiff.SpecRef ref(Spec s) {
        return new SpecDiff.SpecRef(s.name(), s.kernel(), s.summary());
    }
}
