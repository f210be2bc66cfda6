package dev.sptegen.gen.c.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an installer needs to know about a kernel source tree: its version and the layout of its KVM
 * selftests (6.12: {@code x86_64/} and {@code TEST_GEN_PROGS_x86_64} in {@code Makefile}; 6.14+:
 * {@code x86/} and {@code TEST_GEN_PROGS_x86} in {@code Makefile.kvm}; 7.0+: per-MMU
 * {@code struct pte_masks} and {@code vm_get_pte()}).
 *
 * @param kvmDir tools/testing/selftests/kvm
 * @param archDir the x86 test directory name
 * @param makefile the makefile that lists the x86 tests
 * @param variable the make variable of the x86 test programs
 * @param pteMasks the library has struct pte_masks (7.0+)
 * @param vmGetPte the library has vm_get_pte() instead of vm_get_page_table_entry()
 */
public record KernelTree(Path root, int version, int patchlevel, Path kvmDir, String archDir, Path makefile,
                         String variable, boolean pteMasks, boolean vmGetPte) {

    private static final Pattern VERSION = Pattern.compile("(?m)^VERSION\\s*=\\s*(\\d+)\\s*$");
    private static final Pattern PATCHLEVEL = Pattern.compile("(?m)^PATCHLEVEL\\s*=\\s*(\\d+)\\s*$");

    /** The tree at {@code root}, or an explanation of why it is not a kernel tree with KVM selftests. */
    public static KernelTree detect(Path root) throws InstallException {
        Path top = root.resolve("Makefile");
        String text = read(top).orElseThrow(() -> new InstallException(root + " is not a kernel tree (no top-level Makefile)"));
        Matcher v = VERSION.matcher(text);
        Matcher p = PATCHLEVEL.matcher(text);
        if (!v.find() || !p.find() || !Files.isDirectory(root.resolve("arch/x86"))) {
            throw new InstallException(root + " is not a kernel tree (its Makefile has no VERSION/PATCHLEVEL, or arch/x86 is missing)");
        }
        Path kvm = root.resolve("tools/testing/selftests/kvm");
        if (!Files.isDirectory(kvm)) {
            throw new InstallException(root + " is a kernel tree without KVM selftests (no tools/testing/selftests/kvm)");
        }
        String make = read(kvm.resolve("Makefile")).orElse("");
        String makeKvm = read(kvm.resolve("Makefile.kvm")).orElse("");
        String arch;
        Path makefile;
        String variable;
        if (Files.isDirectory(kvm.resolve("x86_64")) && make.contains("TEST_GEN_PROGS_x86_64")) {
            arch = "x86_64";
            makefile = kvm.resolve("Makefile");
            variable = "TEST_GEN_PROGS_x86_64";
        } else if (Files.isDirectory(kvm.resolve("x86")) && makeKvm.contains("TEST_GEN_PROGS_x86")) {
            arch = "x86";
            makefile = kvm.resolve("Makefile.kvm");
            variable = "TEST_GEN_PROGS_x86";
        } else {
            throw new InstallException("cannot find the x86 KVM selftests in " + kvm
                    + " (neither x86_64/ with Makefile TEST_GEN_PROGS_x86_64 nor x86/ with Makefile.kvm TEST_GEN_PROGS_x86)");
        }
        String processor = read(kvm.resolve("include/" + arch + "/processor.h")).orElse("");
        return new KernelTree(root, Integer.parseInt(v.group(1)), Integer.parseInt(p.group(1)), kvm, arch, makefile,
                variable, processor.contains("struct pte_masks"), processor.contains("vm_get_pte("));
    }

    /** {@code 6.12}. */
    public String release() {
        return version + "." + patchlevel;
    }

    public Path testDir() {
        return kvmDir.resolve(archDir);
    }

    private static Optional<String> read(Path p) throws InstallException {
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InstallException("cannot read " + p + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new InstallException("cannot read " + p + ": " + e.getMessage());
        }
    }
}
