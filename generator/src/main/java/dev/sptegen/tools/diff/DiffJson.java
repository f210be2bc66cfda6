package dev.sptegen.tools.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The report for tools: the same facts as the text, per profile and without grouping. A property
 * only one side has is {@code null} on the other.
 */
public final class DiffJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiffJson() {
    }

    public static ObjectNode of(SpecDiff diff) {
        ObjectNode root = NODES.objectNode();
        root.set("from", spec(diff.from()));
        root.set("to", spec(diff.to()));
        root.set("spec", changes(diff.specChanges()));
        ArrayNode compared = root.putArray("compared");
        diff.compared().forEach(compared::add);
        ObjectNode profiles = root.putObject("profiles");
        for (ProfileDiff p : diff.profiles()) {
            ObjectNode o = profiles.putObject(p.profile());
            o.put("vendor", p.vendor());
            o.set("changes", changes(p.changes()));
        }
        return root;
    }

    private static ObjectNode spec(SpecDiff.SpecRef s) {
        return NODES.objectNode().put("name", s.name()).put("kernel", s.kernel()).put("summary", s.summary());
    }

    private static ArrayNode changes(List<Change> changes) {
        ArrayNode out = NODES.arrayNode();
        for (Change c : changes) {
            ObjectNode o = out.addObject();
            o.put("section", c.section().label());
            o.put("change", c.kind().label());
            o.put("name", c.name());
            c.renamedFrom().ifPresent(old -> o.put("renamedFrom", old));
            if (!c.summary().isEmpty()) {
                o.put("summary", c.summary());
            }
            ObjectNode deltas = o.putObject("deltas");
            for (Delta d : c.deltas()) {
                ObjectNode pair = deltas.putObject(d.property());
                text(pair, "old", d.before());
                text(pair, "new", d.after());
            }
            c.example().ifPresent(e -> o.putObject("example").put("input", e.input()).put("old", e.before())
                    .put("new", e.after()));
            if (!c.cause().isEmpty()) {
                ObjectNode cause = o.putObject("cause");
                cause.put("redefined", c.cause().redefined());
                ArrayNode via = cause.putArray("via");
                c.cause().via().forEach(via::add);
            }
        }
        return out;
    }

    private static void text(ObjectNode o, String key, String value) {
        if (value.isEmpty()) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
