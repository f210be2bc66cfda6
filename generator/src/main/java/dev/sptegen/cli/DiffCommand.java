package dev.sptegen.cli;

import dev.sptegen.dsl.model.Spec;
import dev.sptegen.tools.diff.DiffJson;
import dev.sptegen.tools.diff.DiffText;
import dev.sptegen.tools.diff.SpecDiff;
import dev.sptegen.tools.diff.SpecDiffer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sptegen diff}: what changed between two spec versions, profile by profile. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed between two spec versions: fields moved or resized, constants with old and "
                + "new values, functions whose results changed (with an input that shows it), views, invariants, "
                + "profiles and parameters. Renamed elements are shown as renames.",
            "Exit code 0 whether or not there are differences."})
final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC_A", description = "The old spec, e.g. kvm-5.13 (see: sptegen list).")
    String from;

    @Parameters(index = "1", paramLabel = "SPEC_B", description = "The new spec, e.g. kvm-6.10.")
    String to;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Compare only this profile (it must be in both specs).")
    String profile;

    @Option(names = "--json", description = "One JSON object: spec-wide changes, then the changes of each profile.")
    boolean json;

    @Override
    public Integer call() {
        Spec a = SpecOptions.findSpec(from);
        Spec b = SpecOptions.findSpec(to);
        List<String> comparable = SpecDiffer.comparable(a, b);
        if (profile != null && !comparable.contains(profile)) {
            throw new UsageException("profile '" + profile + "' is not in both " + a.name() + " and " + b.name()
                    + " (profiles in both: " + String.join(", ", comparable) + ")");
        }
        SpecDiff diff = SpecDiffer.diff(a, b, Optional.ofNullable(profile));
        PrintWriter out = command.commandLine().getOut();
        out.print(json ? Json.write(DiffJson.of(diff)) : DiffText.render(diff));
        out.flush();
        return ExitCodes.OK;
    }
}
