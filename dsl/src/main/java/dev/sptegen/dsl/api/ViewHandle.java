package dev.sptegen.dsl.api;

import dev.sptegen.dsl.model.ArgDomain;
import dev.sptegen.dsl.model.Expr;
import dev.sptegen.dsl.model.View;
import java.util.List;

/** Completes a view declaration. */
public final class ViewHandle {
    private final LayoutScope scope;
    private final String name;

    ViewHandle(LayoutScope scope, String name) {
        this.scope = scope;
        this.name = name;
    }

    /** The discriminating predicate over {@code spte} and {@code level}. */
    public ViewHandle when(Expr predicate) {
        scope.update(name, View.class, v -> v.withPredicate(predicate));
        scope.defined(name);
        return this;
    }

    /** The fields that carry meaning in this view. */
    public ViewHandle fields(String... fields) {
        List<String> list = List.of(fields);
        scope.update(name, View.class, v -> v.withFields(list));
        return this;
    }

    /** The makers whose outputs are values of this view. */
    public ViewHandle producedBy(String... makers) {
        List<String> list = List.of(makers);
        scope.update(name, View.class, v -> v.withProducers(list));
        return this;
    }

    /** The paging levels at which values of this view occur (default 1..4). */
    public ViewHandle levels(int min, int max) {
        scope.update(name, View.class, v -> v.withLevels(new ArgDomain.Range(min, max)));
        return this;
    }

    public ViewHandle doc(String doc) {
        scope.update(name, View.class, v -> v.withDoc(doc));
        return this;
    }
}
