/**
 * Browsable API docs at /api/docs: a self-contained page (no CDN, works offline) that renders the
 * OpenAPI document grouped by tag, with each operation's parameters and request schema.
 */
export const API_DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sextant API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b2430;background:#f6f7f9}
header{background:#14213d;color:#fff;padding:16px 32px}main{max-width:1100px;margin:auto;padding:16px 32px}
h2{margin-top:32px;border-bottom:1px solid #ccd;padding-bottom:4px}
details{background:#fff;border:1px solid #dde;border-radius:6px;margin:6px 0;padding:6px 12px}
summary{cursor:pointer}code{font:13px ui-monospace,monospace}.m{display:inline-block;width:64px;font-weight:700}
.GET{color:#0a7}.POST{color:#06c}.PATCH{color:#b70}.PUT{color:#b70}.DELETE{color:#c22}
pre{background:#f3f4f8;padding:8px;overflow:auto;max-height:400px}small{color:#667}
</style></head><body><header><h1>Sextant API</h1><div id="desc"></div><a style="color:#9cf" href="/api/v1/openapi.json">openapi.json</a></header>
<main id="main">Loading…</main>
<script src="/api/docs.js"></script></body></html>`;

export const API_DOCS_JS = `fetch('/api/v1/openapi.json').then(r=>r.json()).then(doc=>{
const esc=s=>String(s).replace(/[&<>"]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
document.getElementById('desc').textContent=doc.info.description;
const byTag={};for(const [p,ops] of Object.entries(doc.paths))for(const [m,op] of Object.entries(ops))(byTag[op.tags[0]]??=[]).push([m.toUpperCase(),p,op]);
let h='';for(const tag of Object.keys(byTag).sort()){h+='<h2>'+esc(tag)+'</h2>';for(const [m,p,op] of byTag[tag]){
h+='<details><summary><span class="m '+m+'">'+m+'</span><code>'+esc(p)+'</code> — '+esc(op.summary)+' <small>('+esc(op['x-sextant-action'])+')</small></summary>';
if(op.parameters.length)h+='<p>Parameters:</p><ul>'+op.parameters.map(x=>'<li><code>'+esc(x.name)+'</code> <small>'+esc(x.in)+'</small> '+esc(x.description??'')+'</li>').join('')+'</ul>';
if(op.requestBody)h+='<p>Body:</p><pre>'+esc(JSON.stringify(op.requestBody.content['application/json'].schema,null,2))+'</pre>';
h+='</details>';}}document.getElementById('main').innerHTML=h;});`;
