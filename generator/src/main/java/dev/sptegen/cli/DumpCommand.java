package dev.sptegen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.FieldBits;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Field;
import dev.sptegen.dsl.model.Parameter;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sptegen dump}: every constant, field and parameter of one profile. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print the constants (kernel names), fields and parameters of one profile.")
final class DumpCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    SpecOptions which;

    @Option(names = "--json", description = "One JSON object with constants, fields and parameters.")
    boolean json;

    @Override
    public Integer call() {
        Spec spec = which.spec();
        Profile profile = which.profile();
        Interpreter in = new Interpreter(spec, profile);
        PrintWriter out = command.commandLine().getOut();
        ObjectNode root = dump(spec, profile, in);
        if (json) {
            out.print(Json.write(root));
        } else {
            out.printf("%s / %s (%s)%n", spec.name(), profile.name(), profile.vendor().id());
            root.get("parameters").properties().forEach(e -> out.printf("  parameter %-24s %s%n", e.getKey(), e.getValue()));
            for (Constant c : in.layout().constants().values()) {
                long v = in.constant(c.name());
                out.printf("  constant  %-42s %s%n", c.name(), c.kind() == Constant.Kind.FLAG ? Boolean.toString(v != 0)
                        : c.kind() == Constant.Kind.NUMBER ? Long.toString(v) : Bits.hex16(v) + "  bits " + Bits.list(v));
            }
            for (Field f : in.layout().fields().values()) {
                out.printf("  field     %-24s %s%n", f.name(), in.field(f.name()).parts());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode dump(Spec spec, Profile profile, Interpreter in) {
        ObjectNode root = Json.object();
        root.put("spec", spec.name());
        root.put("kernel", spec.kernel());
        root.put("profile", profile.name());
        root.put("vendor", profile.vendor().id());
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, Long> e : spec.parameterValues(profile).entrySet()) {
            if (spec.parameters().get(e.getKey()).kind() == Parameter.Kind.BOOL) {
                params.put(e.getKey(), e.getValue() != 0);
            } else {
                params.put(e.getKey(), e.getValue());
            }
        }
        ObjectNode constants = root.putObject("constants");
        for (Constant c : in.layout().constants().values()) {
            long v = in.constant(c.name());
            if (c.kind() == Constant.Kind.FLAG) {
                constants.put(c.name(), v != 0);
            } else {
                constants.put(c.name(), Bits.hex(v));
            }
        }
        ObjectNode fields = root.putObject("fields");
        for (Field f : in.layout().fields().values()) {
            ArrayNode parts = fields.putArray(f.name());
            for (FieldBits.Part p : in.field(f.name()).parts()) {
                parts.addObject().put("low", p.low()).put("high", p.high());
            }
        }
        return root;
    }
}
