package dev.sptegen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sptegen.dsl.eval.Bits;
import dev.sptegen.dsl.eval.Decoder;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.View;
import dev.sptegen.tools.decode.ReadingText;
import dev.sptegen.tools.decode.SpteReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sptegen decode}: what the spec makes of SPTE values. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode SPTE values with one profile of a spec: the view (present leaf, non-leaf, MMIO, "
                + "access-tracked, non-present, frozen), every set bit and the fields it belongs to, field values "
                + "with enum names, unknown and reserved bits, the invariants of the view, and what the hardware "
                + "does on each kind of access.",
            "--json prints one object per value: its view and every predicate and extractor, by kernel name."})
final class DecodeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Mixin
    SpecOptions which;

    @Option(names = "--level", defaultValue = "1", paramLabel = "N",
            description = "Paging level of the SPTEs (1 = 4 KiB PTE, 2 = PDE, ...); default ${DEFAULT-VALUE}.")
    long level;

    @Option(names = "--json", description = "A JSON array, one object per value, keyed by kernel helper names.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "SPTE values in hex, e.g. 0x80000000000005a0.")
    List<String> values = new ArrayList<>();

    @Override
    public Integer call() {
        if (level < 1 || level > 5) {
            throw new UsageException("--level " + level + " is outside 1..5");
        }
        List<Long> words = values.stream().map(Values::parseWord).toList();
        Interpreter in = new Interpreter(which.spec(), which.profile());
        Decoder decoder = new Decoder(in);
        PrintWriter out = command.commandLine().getOut();
        ArrayNode array = Json.array();
        for (long spte : words) {
            array.add(decode(decoder, spte, level));
        }
        if (json) {
            out.print(Json.write(array));
        } else {
            SpteReader reader = new SpteReader(in);
            for (int i = 0; i < words.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(ReadingText.render(reader.read(words.get(i), level)));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode decode(Decoder decoder, long spte, long level) {
        ObjectNode o = Json.object();
        o.put("value", Bits.hex16(spte));
        o.put("view", decoder.view(spte, level).map(View::name).orElse("unclassified"));
        Map<String, Long> values = decoder.functions(spte, level);
        for (Function f : decoder.decodingFunctions()) {
            long v = values.get(f.name());
            if (f.returns() == Type.BOOL) {
                o.put(f.name(), v != 0);
            } else {
                o.put(f.name(), Bits.hex(v));
            }
        }
        return o;
    }
}
