package dev.sptegen.dsl;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.maskOf;
import static dev.sptegen.dsl.api.Dsl.spte;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.model.Vendor;

/** A small valid spec to start test specs from: one field, one constant, one predicate, one view, one profile. */
public final class TinySpec {
    private TinySpec() {
    }

    public static SpecBuilder builder() {
        SpecBuilder s = SpecBuilder.create("tiny", "1.0", "a tiny test spec", Vendor.EPT);
        s.intParam("maxphyaddr", 36, 52, 46, "host MAXPHYADDR");
        s.all().field("present").bit(11).software().doc("present bit");
        s.all().mask("PRESENT_MASK").is(maskOf("present")).doc("the present bit as a mask");
        s.all().value("FROZEN").is(bit(5)).doc("a marker");
        s.all().predicate("is_present").of(spte()).is(SPTE.anySet(c("PRESENT_MASK"))).doc("present?");
        s.all().view("present_view").when(SPTE.anySet(c("PRESENT_MASK"))).fields("present").doc("present values");
        s.profile("only", Vendor.EPT, "the only profile");
        return s;
    }
}
