package dev.sptegen.gen.docs;

import java.util.List;

/**
 * The model of {@code docs/page.md.ftl}: one spec and profile. Every string is final Markdown text
 * (table cells already escaped).
 */
public record DocsPage(String spec, String kernel, String parent, String specSummary, String profile,
                       String profileDoc, String vendor, String parameters, String svgFile, List<ViewRow> views,
                       List<FieldRow> fields, List<ConstantRow> constants) {

    public DocsPage {
        views = List.copyOf(views);
        fields = List.copyOf(fields);
        constants = List.copyOf(constants);
    }

    /** A row of the views table. */
    public record ViewRow(String name, String levels, String predicate, String fields, String doc) {
    }

    /** A row of the fields table. */
    public record FieldRow(String name, String bits, String role, String values, String doc) {
    }

    /** A row of the constants table. */
    public record ConstantRow(String name, String kind, String value, String bits, String definition, String doc) {
    }
}
