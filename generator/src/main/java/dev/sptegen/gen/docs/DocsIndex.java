package dev.sptegen.gen.docs;

import java.util.List;

/** The model of {@code docs/index.html.ftl}: every spec with links to its profiles' pages and diagrams. */
public record DocsIndex(String title, String intro, List<SpecEntry> specs) {

    public DocsIndex {
        specs = List.copyOf(specs);
    }

    /** One spec and its profiles. */
    public record SpecEntry(String name, String kernel, String summary, List<ProfileEntry> profiles) {
        public SpecEntry {
            profiles = List.copyOf(profiles);
        }
    }

    /** One profile: relative links to its Markdown page and its SVG diagram. */
    public record ProfileEntry(String name, String vendor, String page, String diagram, String doc) {
    }
}
