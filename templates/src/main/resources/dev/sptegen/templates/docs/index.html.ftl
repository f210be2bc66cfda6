<#ftl output_format="HTML">
<#-- The index of the generated docs; the model is dev.sptegen.gen.docs.DocsIndex. -->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${m.title}</title>
<style>
body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 2em; color: #0f172a; }
td, th { padding: 0.3em 0.8em; text-align: left; vertical-align: top; border-bottom: 1px solid #e2e8f0; }
.summary { color: #475569; }
</style>
</head>
<body>
<h1>${m.title}</h1>
<p>${m.intro}</p>
<#list m.specs as s>
<h2 id="${s.name}">${s.name} <span class="summary">(Linux ${s.kernel}+)</span></h2>
<p class="summary">${s.summary}</p>
<table>
<tr><th>profile</th><th>vendor</th><th>page</th><th>bit layout</th><th>about</th></tr>
<#list s.profiles as p>
<tr><td>${p.name}</td><td>${p.vendor}</td><td><a href="${p.page}">${p.page}</a></td><td><a href="${p.diagram}">${p.diagram}</a></td><td>${p.doc}</td></tr>
</#list>
</table>
</#list>
</body>
</html>
