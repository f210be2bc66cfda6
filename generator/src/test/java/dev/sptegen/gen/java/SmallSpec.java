package dev.sptegen.gen.java;

import static dev.sptegen.dsl.api.Dsl.SPTE;
import static dev.sptegen.dsl.api.Dsl.arg;
import static dev.sptegen.dsl.api.Dsl.bit;
import static dev.sptegen.dsl.api.Dsl.bits;
import static dev.sptegen.dsl.api.Dsl.c;
import static dev.sptegen.dsl.api.Dsl.call;
import static dev.sptegen.dsl.api.Dsl.enumValue;
import static dev.sptegen.dsl.api.Dsl.get;
import static dev.sptegen.dsl.api.Dsl.lit;
import static dev.sptegen.dsl.api.Dsl.maskOf;
import static dev.sptegen.dsl.api.Dsl.not;
import static dev.sptegen.dsl.api.Dsl.p;
import static dev.sptegen.dsl.api.Dsl.prep;
import static dev.sptegen.dsl.api.Dsl.range;
import static dev.sptegen.dsl.api.Dsl.spte;
import static dev.sptegen.dsl.api.Dsl.when;

import dev.sptegen.dsl.api.SpecBuilder;
import dev.sptegen.dsl.check.CheckedSpec;
import dev.sptegen.dsl.check.Validator;
import dev.sptegen.dsl.model.Vendor;

/**
 * A small spec with one of everything the Java emitter handles: a split field, an enumeration, a
 * parameter, constants that depend on it, predicates, an extractor, a maker, a view and invariants.
 */
final class SmallSpec {
    private SmallSpec() {
    }

    static CheckedSpec checked() {
        SpecBuilder s = SpecBuilder.create("small-1.0", "1.0", "a small spec for the emitter's golden files", Vendor.EPT);
        s.boolParam("wide_gen", false, "use a 10-bit generation");
        s.enumType("kind", 2, "what an entry is").value("NONE", 0, "nothing").value("PAGE", 1, "a page")
                .value("TABLE", 2, "a table");
        var all = s.all();
        all.field("present").bit(11).software().doc("present bit");
        all.field("kind").bits(52, 53).enumOf("kind").software().doc("entry kind");
        all.field("gen").bits(3, 6).bits(54, 59).width(10).software().doc("a split generation");
        all.field("pfn").bits(12, 51).address().doc("page frame");
        all.mask("PRESENT_MASK").is(maskOf("present")).doc("the present bit");
        all.mask("GEN_MASK").is(when(p("wide_gen"), lit(0x3ff), lit(0xff))).doc("generation bits in use");
        all.value("MARKER").is(bit(63).or(lit(0x20))).doc("a marker value");
        all.predicate("is_present").of(spte()).is(SPTE.anySet(c("PRESENT_MASK"))).doc("the present bit is set");
        all.predicate("is_marker").of(spte()).is(SPTE.eq(c("MARKER"))).doc("the marker");
        all.predicate("is_table").of(spte(), range("level", 1, 4))
                .is(arg("level").gt(1).andAlso(get("kind", SPTE).eq(enumValue("kind", "TABLE")))).doc("a table above level 1");
        all.extractor("gen_of").of(spte()).is(get("gen", SPTE).and(c("GEN_MASK"))).doc("the generation");
        all.maker("make_page").of(dev.sptegen.dsl.api.Dsl.address("pfn", lit(40)), bits("gen", 10))
                .is(c("PRESENT_MASK").or(prep("kind", enumValue("kind", "PAGE"))).or(arg("pfn").shl(12))
                        .or(prep("gen", arg("gen").and(c("GEN_MASK")))))
                .doc("a present page");
        all.view("page").when(call("is_present", SPTE).andAlso(not(call("is_table", SPTE, arg("level")))))
                .fields("present", "kind", "gen", "pfn").producedBy("make_page").levels(1, 1).doc("a page");
        all.invariant("marker_not_present").disjoint(c("MARKER"), c("PRESENT_MASK")).doc("the marker is not present");
        all.invariant("page_gen_roundtrip").forEveryCall("make_page")
                .holds(call("gen_of", arg("result")).eq(arg("gen").and(c("GEN_MASK")))).doc("the generation reads back");
        s.profile("narrow", Vendor.EPT, "8-bit generation");
        s.profile("wide", Vendor.EPT, "10-bit generation").set("wide_gen", true);
        return new Validator().check(s.build());
    }
}
