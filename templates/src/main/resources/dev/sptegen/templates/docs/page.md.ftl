<#-- One spec and profile as Markdown; every cell is escaped by dev.sptegen.gen.docs.DocsPages. -->
# ${m.spec} / ${m.profile}

${m.specSummary}

- Linux ${m.kernel} and later<#if m.parent?has_content> (derived from ${m.parent})</#if>
- Profile `${m.profile}`: ${m.profileDoc}
- Vendor layout: `${m.vendor}`
- Parameters: ${m.parameters}

## Bit layout

One row per view; a value belongs to the first view, top to bottom, whose predicate holds.
Hardware fields are cool colours, software fields warm and hatched, address bits slate.

![${m.spec} / ${m.profile} bit layout](${m.svgFile})

## Views

| view | levels | predicate | fields | doc |
|---|---|---|---|---|
<#list m.views as v>
| ${v.name} | ${v.levels} | ${v.predicate} | ${v.fields} | ${v.doc} |
</#list>

## Fields

| field | bits | role | values | doc |
|---|---|---|---|---|
<#list m.fields as f>
| ${f.name} | ${f.bits} | ${f.role} | ${f.values} | ${f.doc} |
</#list>

## Constants

| kernel name | kind | value | bits | definition | doc |
|---|---|---|---|---|---|
<#list m.constants as c>
| ${c.name} | ${c.kind} | ${c.value} | ${c.bits} | ${c.definition} | ${c.doc} |
</#list>
