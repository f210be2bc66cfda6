package dev.sptegen.cli;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.gen.c.CEmitter;
import dev.sptegen.gen.c.install.InstallException;
import dev.sptegen.gen.c.install.Installer;
import dev.sptegen.gen.c.install.KernelTree;
import dev.sptegen.gen.c.selftests.Compat;
import dev.sptegen.gen.out.OutputTree;
import dev.sptegen.kvm.KvmSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sptegen selftests}: the generated C header and KVM selftests, written out or installed into a kernel tree. */
@Command(name = "selftests", mixinStandardHelpOptions = true,
        description = "Install the generated KVM selftests into a kernel tree, or write them to a directory.",
        subcommands = {SelftestsCommand.Install.class, SelftestsCommand.Write.class})
final class SelftestsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (install or write)");
    }

    /** {@code sptegen selftests install --kernel-tree DIR [--uninstall] [--spec S]}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Copy the header and the selftests of a spec into a kernel tree's KVM selftests and add "
                    + "them to its makefile (idempotent); --uninstall removes them again.")
    static final class Install implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec cmd;

        @Option(names = "--kernel-tree", required = true, paramLabel = "DIR", description = "Root of a kernel source tree.")
        Path tree;

        @Option(names = "--spec", paramLabel = "SPEC",
                description = "The spec to generate from (default: the newest bundled spec not newer than the tree).")
        String specName;

        @Option(names = "--uninstall", description = "Remove the installed files and makefile entries.")
        boolean uninstall;

        @Override
        public Integer call() {
            PrintWriter out = cmd.commandLine().getOut();
            try {
                KernelTree t = KernelTree.detect(tree);
                Spec s = specName != null ? SpecOptions.findSpec(specName) : specFor(t);
                Installer installer = new Installer(t);
                Map<String, String> files = files(new Validator().check(s), t);
                Installer.Report r = uninstall ? installer.uninstall(allNames(t)) : installer.install(files);
                String where = tree.relativize(t.testDir()).toString();
                if (uninstall) {
                    out.println("sptegen: removed " + r.removed().size() + " file(s) from " + where
                            + (r.makefileChanged() ? " and the makefile entries" : ""));
                } else {
                    out.println("sptegen: installed " + s.name() + " selftests into " + where + " (Linux " + t.release()
                            + ", " + t.variable() + " in " + t.kvmDir().relativize(t.makefile()) + "): "
                            + r.written().size() + " written, " + r.unchanged().size() + " unchanged"
                            + (r.makefileChanged() ? ", makefile updated" : ", makefile already up to date"));
                }
                return ExitCodes.OK;
            } catch (InstallException e) {
                throw new UsageException(e.getMessage());
            }
        }

        /** Every file name any bundled spec installs, so uninstall also finds another spec's files. */
        private static List<String> allNames(KernelTree t) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            for (Spec s : KvmSpecs.all()) {
                names.add(dev.sptegen.gen.c.CNames.header(s));
            }
            names.add(Compat.FILE);
            for (String n : dev.sptegen.gen.c.selftests.Selftests.NAMES) {
                names.add(n + ".c");
            }
            return List.copyOf(names);
        }
    }

    /** {@code sptegen selftests write --spec S --out DIR}. */
    @Command(name = "write", mixinStandardHelpOptions = true,
            description = "Write the header and the selftests of a spec into a directory (replaced as a whole).")
    static final class Write implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec cmd;

        @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "A bundled spec, e.g. kvm-6.11.")
        String specName;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
        Path outDir;

        @Override
        public Integer call() {
            CheckedSpec s = new Validator().check(SpecOptions.findSpec(specName));
            OutputTree t = new OutputTree();
            CEmitter.files(s).forEach(t::add);
            int changed = t.commit(outDir);
            cmd.commandLine().getOut().println("sptegen: wrote " + t.files().size() + " file(s) to " + outDir
                    + " (" + changed + " changed)");
            return ExitCodes.OK;
        }
    }

    /** The files to install: the generated ones plus the compatibility header for this tree. */
    static Map<String, String> files(CheckedSpec s, KernelTree t) {
        Map<String, String> files = new LinkedHashMap<>(CEmitter.files(s));
        files.put(Compat.FILE, Compat.render(t.pteMasks(), t.vmGetPte(), t.release()));
        return files;
    }

    /** The newest bundled spec whose first kernel is not newer than the tree (6.12 tree: kvm-6.11). */
    static Spec specFor(KernelTree t) {
        Spec best = null;
        for (Spec s : KvmSpecs.all()) {
            String[] v = s.kernel().split("\\.");
            int major = Integer.parseInt(v[0]);
            int minor = Integer.parseInt(v[1]);
            if (major < t.version() || major == t.version() && minor <= t.patchlevel()) {
                best = s;
            }
        }
        if (best == null) {
            throw new UsageException("no bundled spec covers Linux " + t.release() + " (oldest: "
                    + KvmSpecs.all().get(0).kernel() + ")");
        }
        return best;
    }
}
