package dev.sptegen.gen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.check.Validator;
import dev.sptegen.gen.out.OutputTree;
import dev.sptegen.kvm.KvmX86_6_10;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders a generated diagram and the index in headless Chromium (Debian package {@code chromium},
 * with {@code fonts-dejavu-core}) and checks that the picture is not blank and that the labels are
 * in the rendered document. The screenshot is kept as test output:
 * {@code target/docs-render/kvm-6.10-ept.png}. Skipped, with the reason, when Chromium is not installed.
 */
class ChromiumRenderTest {
    static final Path OUT = Path.of("target/docs-render");
    static Path site;
    static Path chromium;

    @BeforeAll
    static void writeSite() throws IOException {
        Optional<Path> found = findChromium();
        Assumptions.assumeTrue(found.isPresent(),
                "chromium is not installed (apt-get install -y --no-install-recommends chromium fonts-dejavu-core)");
        chromium = found.get();
        site = OUT.resolve("site").toAbsolutePath();
        OutputTree tree = new OutputTree();
        new DocsEmitter().emit(List.of(new Validator().check(KvmX86_6_10.SPEC)), tree);
        tree.commit(site);
    }

    static Optional<Path> findChromium() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void theDiagramRendersAsAPictureWithContent() throws Exception {
        Path png = OUT.resolve("kvm-6.10-ept.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run("--screenshot=" + png, "--window-size=1496,918", site.resolve("kvm-6.10/ept.svg").toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1496, image.getWidth());
        long coloured = 0;
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                coloured += rgb != 0xffffff ? 1 : 0;
                dark += brightness(rgb) < 80 ? 1 : 0;
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        // Six rows of coloured fields cover well over a third of the picture; text makes dark pixels.
        assertTrue(coloured > pixels / 3, "only " + coloured + " of " + pixels + " pixels are not white");
        assertTrue(dark > 2_000, "only " + dark + " dark pixels: no text rendered?");
    }

    @Test
    void theRenderedDiagramHasEveryLabel() throws Exception {
        String dom = run("--dump-dom", site.resolve("kvm-6.10/ept.svg").toUri().toString());
        for (String label : List.of("frozen", "nonpresent", "mmio", "access_tracked", "leaf", "nonleaf", "suppress_ve",
                "mmio_gen", "pfn", "ad_type", "mmu_present", "memtype", "acc_track_saved_x", "0x80000000000005a0", "63", "0")) {
            assertTrue(dom.contains(">" + label + "</text>"), "no text element '" + label + "' in the rendered DOM");
        }
    }

    @Test
    void theIndexRendersWithItsLinks() throws Exception {
        String dom = run("--dump-dom", site.resolve("index.html").toUri().toString());
        assertTrue(dom.contains("<h1>sptegen: KVM x86 SPTE layouts</h1>"), dom);
        assertTrue(dom.contains("href=\"kvm-6.10/ept-ve.svg\""), dom);
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
    }

    /** Runs headless Chromium with a fresh profile; returns its standard output. */
    private static String run(String... args) throws Exception {
        Path profile = Files.createTempDirectory("sptegen-chromium");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 120 s: " + command);
            }
            assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(stderr));
            return read(stdout);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
