package dev.sptegen.dsl.check;

import dev.sptegen.dsl.eval.CaseSpace;
import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a spec in two stages. Structure first (names, docs, references, types, cycles,
 * enumerations, profiles), for the spec as a whole; then, only if the structure is sound, each
 * profile: values, field placement, static invariants, and a bounded search for counterexamples
 * to the invariants over values.
 */
public final class Validator {
    /** Fixed so that validation is deterministic. */
    private static final long SEED = 0x5eed_5e7e_0000_0001L;

    private final CaseSpace.Budget budget;

    public Validator() {
        this(CaseSpace.Budget.validation(SEED));
    }

    public Validator(CaseSpace.Budget budget) {
        this.budget = budget;
    }

    /** All problems; empty if the spec is valid. */
    public List<Problem> problems(Spec spec) {
        return problems(spec, new java.util.concurrent.ConcurrentHashMap<>());
    }

    private List<Problem> problems(Spec spec, Map<Profile, Interpreter> interpreters) {
        Problems problems = Problems.forSpec(spec.name());
        NameRule.check(spec, problems);
        DocRule.check(spec, problems);
        EnumRule.check(spec, problems);
        ProfileRule.check(spec, problems);
        ElementRule.check(spec, problems);
        CycleRule.check(spec, problems);
        if (!problems.isEmpty()) {
            return problems.all();
        }
        // Profiles are independent (one interpreter each): check them in parallel, report in order.
        List<List<Problem>> perProfile = spec.profiles().values().parallelStream()
                .map(profile -> profileProblems(spec, profile, interpreters))
                .toList();
        List<Problem> all = new ArrayList<>(problems.all());
        perProfile.forEach(all::addAll);
        return all;
    }

    private List<Problem> profileProblems(Spec spec, Profile profile, Map<Profile, Interpreter> interpreters) {
        Problems inProfile = Problems.forSpec(spec.name()).inProfile(profile.name());
        Interpreter in = new Interpreter(spec, profile);
        interpreters.put(profile, in);
        if (!EvaluationRule.check(in, inProfile)) {
            return inProfile.all();
        }
        try {
            FieldRule.check(in, inProfile);
            StaticInvariantRule.check(in, inProfile);
            if (inProfile.isEmpty()) {
                PartialOperationRule.check(in, inProfile, budget);
            }
            if (inProfile.isEmpty()) {
                DynamicInvariantRule.check(in, inProfile, budget);
            }
        } catch (EvalException e) {
            inProfile.add("spec " + spec.name(), "evaluation", e.getMessage());
        }
        return inProfile.all();
    }

    /**
     * The spec, marked as checked.
     *
     * @throws SpecException with every problem if it is not valid
     */
    public CheckedSpec check(Spec spec) {
        Map<Profile, Interpreter> interpreters = new java.util.concurrent.ConcurrentHashMap<>();
        List<Problem> problems = problems(spec, interpreters);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        // The interpreters validation used become the emitters': what they derived is reused.
        return new CheckedSpec(spec, interpreters);
    }
}
