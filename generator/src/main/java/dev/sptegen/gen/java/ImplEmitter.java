package dev.sptegen.gen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.sptegen.dsl.eval.Interpreter;
import dev.sptegen.dsl.model.Arg;
import dev.sptegen.dsl.model.Constant;
import dev.sptegen.dsl.model.Function;
import dev.sptegen.dsl.model.Profile;
import dev.sptegen.dsl.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.lang.model.element.Modifier;

/** The nested class through which a profile implements its spec's interface, delegating to the static methods. */
final class ImplEmitter {
    private final Spec spec;
    private final Profile profile;
    private final Interpreter in;
    private final ClassName outer;

    ImplEmitter(Spec spec, Profile profile, Interpreter in, ClassName outer) {
        this.spec = spec;
        this.profile = profile;
        this.in = in;
        this.outer = outer;
    }

    TypeSpec type() {
        TypeSpec.Builder impl = TypeSpec.classBuilder("Impl")
                .addModifiers(Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ClassName.get(outer.packageName(), JavaNames.interfaceName()))
                .addJavadoc("$L through $L.\n", profile.name(), JavaNames.interfaceName());
        impl.addMethod(MethodSpec.constructorBuilder().build());
        impl.addMethod(string("spec", spec.name()));
        impl.addMethod(string("profile", profile.name()));
        impl.addMethod(string("vendor", profile.vendor().id()));
        impl.addMethod(constantLookup());
        for (Function f : Signatures.common(spec)) {
            impl.addMethod(delegate(f));
        }
        return impl.build();
    }

    private static MethodSpec string(String method, String value) {
        return MethodSpec.methodBuilder(method).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $S", value).build();
    }

    private MethodSpec constantLookup() {
        CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (kernelName)");
        for (Constant c : in.layout().constants().values()) {
            String value = c.kind() == Constant.Kind.FLAG
                    ? "$T.of(" + JavaNames.constant(c.name()) + " ? 1L : 0L)"
                    : "$T.of(" + JavaNames.constant(c.name()) + ")";
            body.add("case $S:\n", c.name()).indent().addStatement("return " + value, OptionalLong.class).unindent();
        }
        body.add("default:\n").indent().addStatement("return $T.empty()", OptionalLong.class).unindent();
        body.endControlFlow();
        return MethodSpec.methodBuilder("constant").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(OptionalLong.class).addParameter(String.class, "kernelName").addCode(body.build()).build();
    }

    private MethodSpec delegate(Function f) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(JavaNames.method(f.name()))
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(JavaType.of(f.returns()).typeName());
        List<String> names = new ArrayList<>();
        for (Arg a : f.args()) {
            m.addParameter(JavaType.of(a).typeName(), JavaNames.argument(a.name()));
            names.add(JavaNames.argument(a.name()));
        }
        return m.addStatement("return $T.$L($L)", outer, JavaNames.method(f.name()), String.join(", ", names)).build();
    }

}
