package dev.sptegen.gen.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.View;
import dev.sptegen.gen.out.OutputTree;
import dev.sptegen.kvm.KvmX86_6_10;
import dev.sptegen.kvm.KvmX86_7_2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The docs of two real specs: which files, byte-for-byte determinism, golden page and diagram, and
 * diagrams that are well-formed SVG with a label for every field of every view. Regenerate the golden
 * files with {@code -Dgolden.update=true} and review them.
 */
class DocsEmitterTest {
    static final Path GOLDEN = Path.of("src/test/resources/docs");
    static List<CheckedSpec> specs;

    @BeforeAll
    static void validate() {
        Validator v = new Validator();
        specs = List.of(v.check(KvmX86_6_10.SPEC), v.check(KvmX86_7_2.SPEC));
    }

    static Map<String, byte[]> emit() {
        OutputTree tree = new OutputTree();
        new DocsEmitter().emit(specs, tree);
        return tree.files();
    }

    @Test
    void onePageAndOneDiagramPerProfileAndAnIndex() {
        Set<String> expected = new TreeSet<>();
        expected.add("index.html");
        for (CheckedSpec c : specs) {
            for (String p : c.spec().profiles().keySet()) {
                expected.add(c.name() + "/" + p + ".md");
                expected.add(c.name() + "/" + p + ".svg");
            }
        }
        assertEquals(expected, emit().keySet());
        assertEquals("docs", new DocsEmitter().name());
    }

    @Test
    void theBytesAreTheSameEveryTime() {
        Map<String, byte[]> first = emit();
        Map<String, byte[]> second = emit();
        for (String path : first.keySet()) {
            assertArrayEquals(first.get(path), second.get(path), path);
        }
    }

    @Test
    void pageAndDiagramMatchTheirGoldenFiles() throws IOException {
        Map<String, byte[]> files = emit();
        check(files, "kvm-6.10/ept.md", "kvm-6.10_ept.md");
        check(files, "kvm-6.10/ept.svg", "kvm-6.10_ept.svg");
    }

    private static void check(Map<String, byte[]> files, String path, String golden) throws IOException {
        String actual = new String(files.get(path), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN.resolve(golden), actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN.resolve(golden), StandardCharsets.UTF_8), actual, path);
    }

    @Test
    void everyDiagramIsSvgWithEveryViewAndFieldLabelled() throws Exception {
        Map<String, byte[]> files = emit();
        for (CheckedSpec c : specs) {
            for (Profile p : c.spec().profiles().values()) {
                Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(files.get(c.name() + "/" + p.name() + ".svg")));
                assertEquals("svg", svg.getDocumentElement().getTagName());
                List<String> texts = texts(svg);
                Layout layout = c.spec().layout(p);
                for (View v : layout.views().values()) {
                    assertTrue(texts.contains(v.name()), c.name() + "/" + p.name() + " lacks the row label " + v.name());
                    for (String f : v.fields()) {
                        assertTrue(texts.contains(f), c.name() + "/" + p.name() + " lacks the label " + f);
                    }
                }
                for (int bit = 0; bit < 64; bit++) {
                    assertTrue(texts.contains(Integer.toString(bit)), "bit number " + bit);
                }
            }
        }
    }

    @Test
    void softwareFieldsAreHatchedAndHardwareFieldsAreNot() {
        String svg = new String(emit().get("kvm-6.10/ept.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<title>mmu_present: bit 11, software. "), svg);
        assertTrue(svg.startsWith("<rect class=\"hatch\"", afterBox(svg, "<title>mmu_present:")), "hatch on a software field");
        assertTrue(svg.startsWith("<rect class=\"hatch\"", afterBox(svg, "<title>mmio_gen:")), "hatch on a software field");
        assertTrue(svg.startsWith("\n", afterBox(svg, "<title>ept_r:")), "no hatch on a hardware field");
        assertTrue(svg.startsWith("\n", afterBox(svg, "<title>pfn:")), "no hatch on address bits");
    }

    @Test
    void theIndexLinksEveryPageAndDiagram() {
        String index = new String(emit().get("index.html"), StandardCharsets.UTF_8);
        for (CheckedSpec c : specs) {
            for (String p : c.spec().profiles().keySet()) {
                assertTrue(index.contains("href=\"" + c.name() + "/" + p + ".md\""), p);
                assertTrue(index.contains("href=\"" + c.name() + "/" + p + ".svg\""), p);
            }
        }
    }

    @Test
    void tableCellsEscapePipes() {
        String page = new String(emit().get("kvm-6.10/ept.md"), StandardCharsets.UTF_8);
        assertTrue(page.contains("| REMOVED_SPTE | value | `0x80000000000005a0` | 5,7-8,10,63 | `SHADOW_NONPRESENT_VALUE \\| 0x5a0` |"),
                page);
    }

    /** Where the SVG continues after the field box whose tooltip starts so. */
    private static int afterBox(String svg, String title) {
        int at = svg.indexOf(title);
        assertTrue(at >= 0, title);
        return svg.indexOf("</rect>", at) + "</rect>".length();
    }

    static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
