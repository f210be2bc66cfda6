package dev.sptegen.tools.decode;

import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.Decoder;
import dev.sptegen.dsl.eval.EvalException;
import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Frame;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads one SPTE value with one profile of a spec: view, bits, fields, invariants, hardware, helpers. */
public final class SpteReader {
    private final Interpreter in;
    private final Decoder decoder;

    public SpteReader(Interpreter in) {
        this.in = in;
        this.decoder = new Decoder(in);
    }

    public SpteReading read(long spte, long level) {
        Optional<View> view = decoder.view(spte, level);
        boolean viewHasFields = view.isPresent() && !view.get().fields().isEmpty();
        long allFields = BitOwners.mask(in, in.layout().fields().keySet());
        long outside = viewHasFields ? spte & ~BitOwners.mask(in, view.get().fields()) : 0;
        Map<String, Long> helpers = decoder.functions(spte, level);
        return new SpteReading(spte, in.spec().name(), in.profile().name(), in.profile().vendor().id(), level,
                view.map(v -> new SpteReading.ViewName(v.name(), v.doc())), viewHasFields,
                BitOwners.of(in, spte, view), spte & ~allFields, outside, fields(spte, view),
                invariants(spte, level, view), HardwareReader.read(in, spte, level), extras(helpers, view),
                helpers(helpers));
    }

    /** The view's fields; with no view, every field that is not zero; a marker view has none. */
    private List<SpteReading.FieldValue> fields(long spte, Optional<View> view) {
        List<String> names;
        if (view.isPresent()) {
            names = view.get().fields();
        } else {
            names = in.layout().fields().keySet().stream().filter(f -> in.field(f).get(spte) != 0).toList();
        }
        List<SpteReading.FieldValue> out = new ArrayList<>();
        for (String name : names) {
            Field f = in.layout().field(name);
            FieldBits bits = in.field(name);
            long v = bits.get(spte);
            Optional<String> meaning = f.enumType().map(e -> in.spec().enums().get(e)).map(t -> t.nameOf(v));
            out.add(new SpteReading.FieldValue(name, bits.parts().stream().map(FieldBits.Part::toString)
                    .collect(Collectors.joining(",")), BitOwners.role(f),
                    bits.width() == 1 ? Long.toString(v) : Bits.hex(v), meaning));
        }
        return out;
    }

    /** The invariants over the values of the view (and over what its makers produce), on this value. */
    private List<SpteReading.InvariantResult> invariants(long spte, long level, Optional<View> view) {
        List<SpteReading.InvariantResult> out = new ArrayList<>();
        if (view.isEmpty()) {
            return out;
        }
        String v = view.get().name();
        Frame frame = Frame.of(View.args(), spte, level);
        for (Invariant i : in.layout().invariants().values()) {
            String scope;
            if (i.scope() instanceof Scope.EveryValue ev && ev.view().equals(v)) {
                scope = "every " + v + " value";
            } else if (i.scope() instanceof Scope.EveryProduced ep && ep.view().equals(v)) {
                scope = "every " + v + " value KVM makes";
            } else {
                continue;
            }
            try {
                out.add(new SpteReading.InvariantResult(i.name(), scope, in.test(i.claim().asCondition(), frame),
                        Optional.empty(), i.doc()));
            } catch (EvalException e) {
                out.add(new SpteReading.InvariantResult(i.name(), scope, false, Optional.of(e.getMessage()), i.doc()));
            }
        }
        return out;
    }

    /** Extractors named after the view (get_mmio_spte_generation, get_mmio_spte_gfn for mmio). */
    private List<SpteReading.NamedValue> extras(Map<String, Long> values, Optional<View> view) {
        List<SpteReading.NamedValue> out = new ArrayList<>();
        if (view.isEmpty()) {
            return out;
        }
        for (Function f : decoder.decodingFunctions()) {
            if (f.kind() == Function.Kind.EXTRACTOR && f.name().contains(view.get().name())) {
                out.add(new SpteReading.NamedValue(f.name(), Bits.hex(values.get(f.name()))));
            }
        }
        return out;
    }

    /** Every predicate and extractor of an SPTE, as the JSON output has them. */
    private List<SpteReading.NamedValue> helpers(Map<String, Long> values) {
        List<SpteReading.NamedValue> out = new ArrayList<>();
        for (Function f : decoder.decodingFunctions()) {
            long v = values.get(f.name());
            String text;
            if (f.returns() == Type.BOOL) {
                text = Boolean.toString(v != 0);
            } else {
                Optional<EnumType> e = f.returnsEnum().map(n -> in.spec().enums().get(n));
                text = e.map(t -> t.nameOf(v)).orElse(Bits.hex(v));
            }
            out.add(new SpteReading.NamedValue(f.name(), text));
        }
        return out;
    }
}
