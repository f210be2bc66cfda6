package dev.sptegen.gen.text;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Renders the FreeMarker templates of the templates module. The configuration never depends on the
 * machine: fixed locale, time zone and number format; records are read by their accessors; errors
 * are thrown, never printed into the output.
 */
public final class Templates {
    /** Class-path folder of the templates module. */
    public static final String BASE = "/dev/sptegen/templates";

    private static final Configuration CONFIG = configuration();

    private Templates() {
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setClassForTemplateLoading(Templates.class, BASE);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("c");
        c.setBooleanFormat("c");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        c.setObjectWrapper(wrapper.build());
        return c;
    }

    /** Renders {@code name} (e.g. {@code c/header.ftl}) with one model object, exposed as {@code m}. */
    public static String render(String name, Object model) {
        try {
            Template t = CONFIG.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(java.util.Map.of("m", model), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
