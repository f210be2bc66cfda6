<#ftl output_format="XML" strip_whitespace=true>
<#-- One profile's SPTE bit layout; every coordinate comes from dev.sptegen.gen.docs.LayoutDiagram. -->
<#macro box b class><rect class="${class}" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${b.fill}"><#if b.tooltip?has_content><title>${b.tooltip}</title></#if></rect><#if b.hatched><rect class="hatch" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="url(#software)"/></#if>
</#macro>
<#macro text t><text class="${t.style}" x="${t.x}" y="${t.y}"<#if t.vertical> transform="rotate(-90 ${t.x} ${t.y})"</#if>>${t.text}</text>
</#macro>
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}" height="${m.height}" viewBox="0 0 ${m.width} ${m.height}">
<title>${m.title}</title>
<defs>
<pattern id="software" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<line x1="0" y1="0" x2="0" y2="8" stroke="#7c2d12" stroke-width="2.5" stroke-opacity="0.35"/>
</pattern>
<style>
text { font-family: "DejaVu Sans", Verdana, sans-serif; fill: #0f172a; }
text.title { font-size: 16px; font-weight: bold; }
text.bitno { font-size: 10px; text-anchor: middle; fill: #475569; }
text.view { font-size: 14px; font-weight: bold; }
text.note { font-size: 11px; fill: #475569; }
text.field { font-size: 11px; text-anchor: middle; }
text.one { font-size: 11px; text-anchor: middle; fill: #ffffff; font-weight: bold; }
text.legend { font-size: 12px; }
rect.cell { stroke: #e2e8f0; stroke-width: 0.5; }
rect.field { stroke: #1e293b; stroke-width: 0.8; }
rect.swatch { stroke: #1e293b; stroke-width: 0.8; }
rect.hatch { pointer-events: none; }
</style>
</defs>
<rect x="0" y="0" width="${m.width}" height="${m.height}" fill="#ffffff"/>
<text class="title" x="12" y="28">${m.title}</text>
<#list m.bitNumbers as t><@text t/></#list>
<#list m.rows as row>
<g id="view-${row.view}">
<#list row.cells as c><@box c "cell"/></#list>
<#list row.boxes as b><@box b "field"/></#list>
<#list row.texts as t><@text t/></#list>
</g>
</#list>
<#list m.legend as item>
<@box item.swatch "swatch"/>
<@text item.label/>
</#list>
</svg>
