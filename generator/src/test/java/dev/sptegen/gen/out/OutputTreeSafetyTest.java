package dev.sptegen.gen.out;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output safety of {@link OutputTree} (issue 7): it writes a staging directory and moves it into place
 * only when everything succeeded; a failure leaves the previous output as it was; a file is written
 * only when its bytes change (inode and mtime of the others stay); nothing outside the output
 * directory is deleted, and a directory sptegen did not write is refused.
 */
class OutputTreeSafetyTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    private static OutputTree tree(String... pathsAndTexts) {
        OutputTree t = new OutputTree();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            t.add(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return t;
    }

    /** Every file under a directory with its bytes, by relative path. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino");
    }

    @Test
    void commitWritesExactlyTheTreeAndMarksIt(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        assertEquals(2, tree("a.txt", "a\n", "sub/b.txt", "b\n").commit(out));
        assertEquals(Map.of("a.txt", "a\n", "sub/b.txt", "b\n", OutputTree.MARKER,
                "written by sptegen; replaced as a whole on every run\n"), snapshot(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no staging or old directory is left beside the output");
        }
    }

    @Test
    void unchangedFilesAreNotWrittenAgain(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        tree("same.txt", "same\n", "changes.txt", "v1\n", "goes.txt", "bye\n").commit(out);
        Files.setLastModifiedTime(out.resolve("same.txt"), LONG_AGO);
        Files.setLastModifiedTime(out.resolve("changes.txt"), LONG_AGO);
        Object sameInode = inode(out.resolve("same.txt"));

        assertEquals(0, tree("same.txt", "same\n", "changes.txt", "v1\n", "goes.txt", "bye\n").commit(out),
                "nothing changed, nothing written");
        assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("same.txt")));
        assertEquals(sameInode, inode(out.resolve("same.txt")));

        assertEquals(2, tree("same.txt", "same\n", "changes.txt", "v2\n").commit(out), "one changed, one removed");
        assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("same.txt")), "unchanged file keeps its mtime");
        assertEquals(sameInode, inode(out.resolve("same.txt")), "unchanged file is the same file (hard link)");
        assertNotEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("changes.txt")));
        assertEquals("v2\n", Files.readString(out.resolve("changes.txt")));
        assertFalse(Files.exists(out.resolve("goes.txt")));
    }

    @Test
    void theNewTreeIsBuiltBesideAndRenamedIntoPlace(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        tree("keep.txt", "k\n", "v.txt", "1\n").commit(out);
        Object dirInode = inode(out);
        Object keepInode = inode(out.resolve("keep.txt"));
        tree("keep.txt", "k\n", "v.txt", "2\n").commit(out);
        assertNotEquals(dirInode, inode(out), "a new directory, renamed into place as a whole");
        assertEquals(keepInode, inode(out.resolve("keep.txt")), "holding a hard link to the unchanged file");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "neither the staging nor the old directory is left");
        }
    }

    @Test
    void aProducerThatFailsHalfwayLeavesThePreviousOutput(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        tree("a.txt", "old a\n", "b.txt", "old b\n").commit(out);
        Map<String, String> before = snapshot(out);
        Object inode = inode(out.resolve("a.txt"));
        // An emitter that adds some files, then throws: the tree is never committed.
        OutputTree t = new OutputTree();
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    throw new IllegalStateException("emitter failed halfway");
                }
                t.add("f" + i + ".txt", "new " + i + "\n");
            }
            t.commit(out);
        });
        assertEquals("emitter failed halfway", e.getMessage());
        assertEquals(before, snapshot(out));
        assertEquals(inode, inode(out.resolve("a.txt")));
    }

    @Test
    void aCommitThatFailsHalfwayLeavesThePreviousOutput(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        tree("a.txt", "old a\n", "b.txt", "old b\n").commit(out);
        Map<String, String> before = snapshot(out);
        // "x" is a file and also the directory of "x/y": writing the staging tree fails part way.
        OutputTree bad = tree("a.txt", "new a\n", "x", "a file\n", "x/y", "under a file\n", "z.txt", "new z\n");
        OutputException e = assertThrows(OutputException.class, () -> bad.commit(out));
        assertTrue(e.getMessage().startsWith("cannot write " + out + ": "), e.getMessage());
        assertEquals(before, snapshot(out), "the previous output is intact");
        // The next good commit replaces the output and whatever the failed one left.
        assertEquals(2, tree("a.txt", "new a\n").commit(out));
        assertEquals(Map.of("a.txt", "new a\n", OutputTree.MARKER, before.get(OutputTree.MARKER)), snapshot(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing left beside the output after a good commit");
        }
    }

    /** A failed commit removes its staging directory: nothing is left beside the output. */
    @Test
    void aFailedCommitLeavesNothingBeside(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        tree("a.txt", "a\n").commit(out);
        assertThrows(OutputException.class, () -> tree("x", "f\n", "x/y", "g\n").commit(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void siblingsOfTheOutputSurvive(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Path sibling = Files.writeString(dir.resolve("sibling.txt"), "keep me\n");
        Path siblingDir = Files.createDirectories(dir.resolve("data"));
        Files.writeString(siblingDir.resolve("d.txt"), "keep me too\n");
        tree("a.txt", "1\n").commit(out);
        tree("b.txt", "2\n").commit(out);
        tree("b.txt", "3\n").commit(out);
        assertEquals("keep me\n", Files.readString(sibling));
        assertEquals("keep me too\n", Files.readString(siblingDir.resolve("d.txt")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(3, s.count(), "out, sibling.txt and data: nothing else");
        }
    }

    @Test
    void aLinkInsideTheOutputIsRemovedButNotFollowed(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("precious.txt"), "precious\n");
        tree("a.txt", "1\n").commit(out);
        Files.createSymbolicLink(out.resolve("link"), elsewhere);
        tree("a.txt", "2\n").commit(out);
        assertFalse(Files.exists(out.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("precious\n", Files.readString(elsewhere.resolve("precious.txt")));
    }

    @Test
    void aDirectoryNotWrittenBySptegenIsRefused(@TempDir Path dir) throws IOException {
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.writeString(theirs.resolve("notes.txt"), "mine\n");
        OutputException e = assertThrows(OutputException.class, () -> tree("a.txt", "a\n").commit(theirs));
        assertEquals("refusing to replace " + theirs + ": it is not empty and was not written by sptegen (no "
                + OutputTree.MARKER + " file)", e.getMessage());
        assertEquals(Map.of("notes.txt", "mine\n"), snapshot(theirs));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no staging directory");
        }
    }

    @Test
    void anEmptyDirectoryMayBecomeTheOutput(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(1, tree("a.txt", "a\n").commit(empty));
        assertTrue(Files.exists(empty.resolve(OutputTree.MARKER)));
    }

    @Test
    void aFileIsNeverReplacedByTheOutput(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "a file\n");
        OutputException e = assertThrows(OutputException.class, () -> tree("a.txt", "a\n").commit(file));
        assertEquals("refusing to replace " + file + ": it is a file, not an output directory", e.getMessage());
        assertEquals("a file\n", Files.readString(file));
    }

    @Test
    void pathsOutsideTheTreeAreRejected() {
        for (String p : new String[] {"/etc/passwd", "../up.txt", "a/../../up.txt", "a\\b", "", OutputTree.MARKER}) {
            assertThrows(IllegalArgumentException.class, () -> new OutputTree().add(p, "x"), p);
        }
        OutputTree t = tree("a.txt", "1");
        assertThrows(IllegalArgumentException.class, () -> t.add("a.txt", "2"), "two outputs for one path");
    }

    @Test
    void bytesAreKeptExactly(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Path out = dir.resolve("out");
        new OutputTree().add("all.bin", bytes).commit(out);
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("all.bin")));
    }
}
