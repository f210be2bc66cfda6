package dev.sptegen.dsl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A helper of the layout, under the kernel's name ({@code is_mmio_spte}, {@code make_mmio_spte}),
 * defined by an expression over its arguments, the constants and the parameters.
 *
 * @param returnsEnum the enumeration whose codes a word result holds (an access outcome), if any
 * @param requires a precondition over the arguments; inputs that fail it are outside the function's
 *                 domain and are never enumerated
 */
public record Function(String name, Kind kind, List<Arg> args, Type returns, Optional<String> returnsEnum,
                       Expr body, Optional<Expr> requires, String doc) implements Element {

    /** What the function is for; tools pick functions by kind. */
    public enum Kind {
        /** SPTE -> bool, a classification (is_mmio_spte). */
        PREDICATE,
        /** SPTE -> word, a decoded value (spte_to_pfn). */
        EXTRACTOR,
        /** inputs -> SPTE, builds a new SPTE (make_mmio_spte). */
        MAKER,
        /** SPTE -> SPTE, changes an SPTE (mark_spte_for_access_track). */
        TRANSFORM,
        /** What the hardware does with an entry: presence, reserved bits, access outcome. */
        HARDWARE,
        /** A building block of other functions. */
        HELPER
    }

    public Function {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(returnsEnum, "returnsEnum");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(doc, "doc");
    }

    @Override
    public String elementKind() {
        return "function";
    }

    public Optional<Arg> arg(String argName) {
        return args.stream().filter(a -> a.name().equals(argName)).findFirst();
    }

    public int argIndex(String argName) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).name().equals(argName)) {
                return i;
            }
        }
        return -1;
    }

    /** A function of one SPTE: what {@code decode} shows for every value. */
    public boolean isSpteOnly() {
        return args.size() == 1 && args.get(0).domain() instanceof ArgDomain.Word;
    }

    public Function withBody(Expr newBody) {
        return new Function(name, kind, args, returns, returnsEnum, newBody, requires, doc);
    }

    public Function withArgs(List<Arg> newArgs) {
        return new Function(name, kind, newArgs, returns, returnsEnum, body, requires, doc);
    }

    public Function withRequires(Expr newRequires) {
        return new Function(name, kind, args, returns, returnsEnum, body, Optional.of(newRequires), doc);
    }

    public Function withReturnsEnum(String enumName) {
        return new Function(name, kind, args, returns, Optional.of(enumName), body, requires, doc);
    }

    public Function withDoc(String newDoc) {
        return new Function(name, kind, args, returns, returnsEnum, body, requires, newDoc);
    }

    public Function withName(String newName) {
        return new Function(newName, kind, args, returns, returnsEnum, body, requires, doc);
    }
}
