package dev.sptegen.gen.out;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The complete contents of one output directory, built in memory and then committed in one step.
 * Commit writes a sibling staging directory (unchanged files are hard-linked from the old tree, so
 * their timestamps survive and incremental builds stay incremental), then swaps it in by renames.
 * A failure before the swap leaves the old directory untouched. The directory is marked as
 * sptegen's own, and a non-empty directory without that mark is never replaced or deleted.
 */
public final class OutputTree {
    /** Marks a directory as written by sptegen, so it may be replaced. */
    public static final String MARKER = ".sptegen-output";

    private final Map<String, byte[]> files = new TreeMap<>();

    /** Adds a file; {@code path} is relative, with '/' separators. */
    public OutputTree add(String path, String text) {
        return add(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public OutputTree add(String path, byte[] bytes) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\") || path.isEmpty() || path.equals(MARKER)) {
            throw new IllegalArgumentException("not a relative output path: " + path);
        }
        if (files.putIfAbsent(path, bytes.clone()) != null) {
            throw new IllegalArgumentException("two outputs for " + path);
        }
        return this;
    }

    /** Adds every file of another tree under a prefix (e.g. {@code c/}). */
    public OutputTree addAll(String prefix, OutputTree other) {
        other.files.forEach((path, bytes) -> add(prefix + path, bytes));
        return this;
    }

    /** The files, in path order. */
    public Map<String, byte[]> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /**
     * Makes {@code dir} hold exactly these files.
     *
     * @return how many files were written or changed (0 if the tree was already up to date)
     */
    public int commit(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputException("refusing to write to the root directory");
        }
        String name = target.getFileName().toString();
        Path staging = parent.resolve("." + name + ".sptegen-new");
        Path old = parent.resolve("." + name + ".sptegen-old");
        try {
            Files.createDirectories(parent);
            checkOurs(target);
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
            Files.createDirectory(staging);
            int changed = 0;
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path previous = target.resolve(f.getKey());
                Path next = staging.resolve(f.getKey());
                Files.createDirectories(next.getParent());
                if (Files.isRegularFile(previous) && Arrays.equals(Files.readAllBytes(previous), f.getValue())) {
                    keep(previous, next);
                } else {
                    Files.write(next, f.getValue());
                    changed++;
                }
            }
            changed += removed(target);
            Files.write(staging.resolve(MARKER), "written by sptegen; replaced as a whole on every run\n".getBytes(StandardCharsets.UTF_8));
            if (changed == 0 && Files.isDirectory(target)) {
                deleteTree(staging);
                return 0;
            }
            swap(target, staging, old);
            return changed;
        } catch (IOException | UncheckedIOException e) {
            removeStaging(staging);
            throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** After a failure, the half-built staging tree is ours to remove; the old tree stays as it was. */
    private static void removeStaging(Path staging) {
        try {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        } catch (IOException | UncheckedIOException e) {
            // The original failure is the one to report; a staging leftover is replaced by the next run.
        }
    }

    /** A non-empty directory we did not write is somebody else's: never touch it. */
    private static void checkOurs(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new OutputException("refusing to replace " + target + ": it is a file, not an output directory");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent() && !Files.exists(target.resolve(MARKER))) {
                throw new OutputException("refusing to replace " + target + ": it is not empty and was not written by "
                        + "sptegen (no " + MARKER + " file)");
            }
        }
    }

    /** Number of files in the old tree that the new one drops. */
    private int removed(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(target)) {
            return (int) walk.filter(Files::isRegularFile)
                    .map(p -> target.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !rel.equals(MARKER) && !files.containsKey(rel))
                    .count();
        }
    }

    private static void keep(Path previous, Path next) throws IOException {
        try {
            Files.createLink(next, previous);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(previous, next, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void swap(Path target, Path staging, Path old) throws IOException {
        if (Files.exists(old)) {
            deleteTree(old);
        }
        if (Files.exists(target)) {
            move(target, old);
        }
        move(staging, target);
        if (Files.exists(old)) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a directory this class created (staging or old copy of an output tree). */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
