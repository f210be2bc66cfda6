package dev.sptegen.tools.diff;

import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Type;
import dev.sptegen.dsl.model.View;
import java.util.List;
import java.util.Optional;

/** Something with arguments and a body whose meaning can be compared: a function or a view predicate. */
record Subject(String name, List<Arg> args, Expr body, Type returns, Optional<String> returnsEnum,
               Optional<Expr> requires) {

    static Subject of(Function f) {
        return new Subject(f.name(), f.args(), f.body(), f.returns(), f.returnsEnum(), f.requires());
    }

    static Subject of(View v) {
        return new Subject(v.name(), View.args(), v.predicate(), Type.BOOL, Optional.empty(), Optional.empty());
    }
}
