package dev.sptegen.dsl.check;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Element;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Invariant;
import dev.sptegen.dsl.model.Layout;
import dev.sptegen.dsl.model.Scope;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.View;
import java.util.ArrayList;
import java.util.List;

/** The arguments an element's expressions may read. */
final class ElementArgs {
    private ElementArgs() {
    }

    static List<Arg> of(Layout layout, Element e) {
        if (e instanceof Function f) {
            return f.args();
        } else if (e instanceof View v) {
            return v.argsAtItsLevels();
        } else if (e instanceof Invariant i) {
            String view = i.scope() instanceof Scope.EveryValue ev ? ev.view()
                    : i.scope() instanceof Scope.EveryProduced ep ? ep.view() : null;
            if (view != null) {
                View v = layout.views().get(view);
                return v == null ? View.args() : v.argsAtItsLevels();
            } else if (i.scope() instanceof Scope.EveryCall c) {
                Function f = layout.functions().get(c.function());
                if (f == null) {
                    return List.of();
                }
                List<Arg> args = new ArrayList<>(f.args());
                args.add(new Arg(Invariant.RESULT,
                        f.returns() == Type.BOOL ? new ArgDomain.Flag() : new ArgDomain.Word()));
                return args;
            }
        }
        return List.of();
    }
}
