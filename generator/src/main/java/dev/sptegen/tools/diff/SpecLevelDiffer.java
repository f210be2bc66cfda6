package dev.sptegen.tools.diff;

import dev.sptegen.dsl.model.EnumType;
import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import dev.sptegen.dsl.model.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What changed in the spec as a whole: profiles, vendor layouts, parameters and enumerations. */
final class SpecLevelDiffer {
    private SpecLevelDiffer() {
    }

    static List<Change> diff(Spec a, Spec b) {
        List<Change> out = new ArrayList<>();
        profiles(a, b, out);
        vendors(a, b, out);
        parameters(a, b, out);
        enums(a, b, out);
        return out;
    }

    private static void profiles(Spec a, Spec b, List<Change> out) {
        for (Profile pb : b.profiles().values()) {
            Profile pa = a.profiles().get(pb.name());
            if (pa == null) {
                out.add(new Change(Section.PROFILE, ChangeKind.ADDED, pb.name(), Optional.empty(), "vendor " + pb.vendor().id(),
                        profile(b, pb, false), Optional.empty(), Cause.NONE));
            } else if (pa.vendor() != pb.vendor()) {
                out.add(Change.changed(Section.PROFILE, pb.name(), "not compared: another vendor",
                        List.of(new Delta("vendor", pa.vendor().id(), pb.vendor().id())), Optional.empty(), Cause.NONE));
            }
        }
        for (Profile pa : a.profiles().values()) {
            if (!b.profiles().containsKey(pa.name())) {
                out.add(new Change(Section.PROFILE, ChangeKind.REMOVED, pa.name(), Optional.empty(), "vendor " + pa.vendor().id(),
                        profile(a, pa, true), Optional.empty(), Cause.NONE));
            }
        }
    }

    private static List<Delta> profile(Spec spec, Profile p, boolean old) {
        List<Delta> deltas = new ArrayList<>();
        if (!p.bindings().isEmpty()) {
            deltas.add(ConstantDiffer.one(old, "parameters", p.bindings().entrySet().stream()
                    .map(e -> e.getKey() + "=" + spec.parameters().get(e.getKey()).format(e.getValue()))
                    .collect(Collectors.joining(", "))));
        }
        deltas.add(ConstantDiffer.one(old, "doc", p.doc()));
        return deltas;
    }

    private static void vendors(Spec a, Spec b, List<Change> out) {
        for (Vendor v : b.layouts().keySet()) {
            if (!a.layouts().containsKey(v)) {
                out.add(Change.added(Section.VENDOR, v.id(), "new " + v.format().name() + " layout"));
            }
        }
        for (Vendor v : a.layouts().keySet()) {
            if (!b.layouts().containsKey(v)) {
                out.add(Change.removed(Section.VENDOR, v.id(), v.format().name() + " layout"));
            }
        }
    }

    private static void parameters(Spec a, Spec b, List<Change> out) {
        for (Parameter pb : b.parameters().values()) {
            Parameter pa = a.parameters().get(pb.name());
            if (pa == null) {
                out.add(new Change(Section.PARAMETER, ChangeKind.ADDED, pb.name(), Optional.empty(), kind(pb),
                        parameter(pb, false), Optional.empty(), Cause.NONE));
            } else if (pa.kind() != pb.kind() || pa.min() != pb.min() || pa.max() != pb.max()
                    || pa.defaultValue() != pb.defaultValue()) {
                List<Delta> deltas = new ArrayList<>();
                if (pa.kind() != pb.kind()) {
                    deltas.add(new Delta("kind", kind(pa), kind(pb)));
                }
                if (pa.min() != pb.min() || pa.max() != pb.max()) {
                    deltas.add(new Delta("range", range(pa), range(pb)));
                }
                if (pa.defaultValue() != pb.defaultValue()) {
                    deltas.add(new Delta("default", pa.format(pa.defaultValue()), pb.format(pb.defaultValue())));
                }
                out.add(Change.changed(Section.PARAMETER, pb.name(), "", deltas, Optional.empty(), Cause.NONE));
            }
        }
        for (Parameter pa : a.parameters().values()) {
            if (!b.parameters().containsKey(pa.name())) {
                out.add(new Change(Section.PARAMETER, ChangeKind.REMOVED, pa.name(), Optional.empty(), kind(pa),
                        parameter(pa, true), Optional.empty(), Cause.NONE));
            }
        }
    }

    private static String kind(Parameter p) {
        return p.kind() == Parameter.Kind.BOOL ? "bool" : "int";
    }

    private static String range(Parameter p) {
        return p.min() + ".." + p.max();
    }

    private static List<Delta> parameter(Parameter p, boolean old) {
        List<Delta> deltas = new ArrayList<>();
        if (p.kind() == Parameter.Kind.INT) {
            deltas.add(ConstantDiffer.one(old, "range", range(p)));
        }
        deltas.add(ConstantDiffer.one(old, "default", p.format(p.defaultValue())));
        deltas.add(ConstantDiffer.one(old, "doc", p.doc()));
        return deltas;
    }

    private static void enums(Spec a, Spec b, List<Change> out) {
        for (EnumType eb : b.enums().values()) {
            EnumType ea = a.enums().get(eb.name());
            if (ea == null) {
                out.add(new Change(Section.ENUM, ChangeKind.ADDED, eb.name(), Optional.empty(), eb.width() + "-bit codes",
                        List.of(new Delta("values", "", values(eb)), new Delta("doc", "", eb.doc())),
                        Optional.empty(), Cause.NONE));
            } else if (ea.width() != eb.width() || !values(ea).equals(values(eb))) {
                List<Delta> deltas = new ArrayList<>();
                if (ea.width() != eb.width()) {
                    deltas.add(new Delta("width", Integer.toString(ea.width()), Integer.toString(eb.width())));
                }
                if (!values(ea).equals(values(eb))) {
                    deltas.add(new Delta("values", values(ea), values(eb)));
                }
                out.add(Change.changed(Section.ENUM, eb.name(), "", deltas, Optional.empty(), Cause.NONE));
            }
        }
        for (EnumType ea : a.enums().values()) {
            if (!b.enums().containsKey(ea.name())) {
                out.add(new Change(Section.ENUM, ChangeKind.REMOVED, ea.name(), Optional.empty(), ea.width() + "-bit codes",
                        List.of(new Delta("values", values(ea), ""), new Delta("doc", ea.doc(), "")),
                        Optional.empty(), Cause.NONE));
            }
        }
    }

    /** {@code UC=0, WC=1, WT=4}. */
    private static String values(EnumType e) {
        return e.values().stream().map(v -> v.name() + "=" + v.code()).collect(Collectors.joining(", "));
    }

    /** Parameter values of a profile that differ between the specs (a parameter both specs have). */
    static void profileParameters(ProfileComparison pc, List<Change> out) {
        Spec a = pc.before().spec();
        Spec b = pc.after().spec();
        Map<String, Long> va = a.parameterValues(pc.before().profile());
        Map<String, Long> vb = b.parameterValues(pc.after().profile());
        for (Map.Entry<String, Long> e : vb.entrySet()) {
            Long old = va.get(e.getKey());
            if (old != null && !old.equals(e.getValue())) {
                Parameter p = b.parameters().get(e.getKey());
                out.add(Change.changed(Section.PARAMETER, e.getKey(), "value in this profile",
                        List.of(new Delta("value", p.format(old), p.format(e.getValue()))), Optional.empty(),
                        Cause.NONE));
            }
        }
    }
}
