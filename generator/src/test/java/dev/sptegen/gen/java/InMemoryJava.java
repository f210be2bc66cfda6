package dev.sptegen.gen.java;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles generated sources in memory with the build's strictness, and loads the classes. */
public final class InMemoryJava {
    private InMemoryJava() {
    }

    /** javac -Xlint:all -Werror over the sources. */
    public static Compilation compile(List<JavaFileObject> sources) {
        return javac().withOptions("-Xlint:all", "-Werror", "--release", "17").compile(sources);
    }

    /** A class loader over the compiled classes, delegating everything else to the test's loader. */
    public static ClassLoader load(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject f : compilation.generatedFiles()) {
            if (f.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = f.toUri().getPath();
            String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(), path.length() - 6)
                    .replace('/', '.');
            try (InputStream in = f.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassLoader(InMemoryJava.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    byte[] bytes = classes.get(name);
                    if (bytes == null) {
                        return super.loadClass(name, resolve);
                    }
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, bytes, 0, bytes.length);
                }
            }
        };
    }
}
