// The XSS corpus: hostile strings put into catalogue fields and dossier text. Every payload
// that could run calls the canary `__xss(n)` (or sets document.title / window.name to a
// marker), so the test can see that none ran. Built from vectors × wrappers, with a few
// hand-written ones; at least 100 distinct strings.
const run = (n) => `__xss(${n})`;

const vectors = [
  (n) => `<script>${run(n)}</script>`,
  (n) => `<img src=x onerror="${run(n)}">`,
  (n) => `<img src="x" onerror=${run(n)}//>`,
  (n) => `<svg onload="${run(n)}"></svg>`,
  (n) => `<svg><script>${run(n)}</script></svg>`,
  (n) => `<svg><animate onbegin="${run(n)}" attributeName="x" dur="1s"/></svg>`,
  (n) => `<iframe src="javascript:${run(n)}"></iframe>`,
  (n) => `<iframe srcdoc="<script>parent.${run(n)}</script>"></iframe>`,
  (n) => `<a href="javascript:${run(n)}">klik</a>`,
  (n) => `[klik](javascript:${run(n)})`,
  (n) => `[klik](JaVaScRiPt:${run(n)})`,
  (n) => `![x](x" onerror="${run(n)})`,
  (n) => `<body onload="${run(n)}">`,
  (n) => `<details open ontoggle="${run(n)}">`,
  (n) => `<input autofocus onfocus="${run(n)}">`,
  (n) => `<video><source onerror="${run(n)}"></video>`,
  (n) => `<audio src=x onerror="${run(n)}">`,
  (n) => `<object data="javascript:${run(n)}"></object>`,
  (n) => `<embed src="javascript:${run(n)}">`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror="${run(n)}">`,
  (n) => `<style>@import 'javascript:${run(n)}';</style>`,
  (n) => `<div style="background:url(javascript:${run(n)})">x</div>`,
  (n) => `<div style="width: expression(${run(n)})">x</div>`,
  (n) => `<link rel=stylesheet href="javascript:${run(n)}">`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:${run(n)}">`,
  (n) => `<form action="javascript:${run(n)}"><button>go</button></form>`,
  (n) => `<base href="javascript:${run(n)}//">`,
  (n) => `"><img src=x onerror=${run(n)}>`,
  (n) => `'><svg onload=${run(n)}>`,
  (n) => `</textarea><script>${run(n)}</script>`,
  (n) => `</title><script>${run(n)}</script>`,
  (n) => `<scr<script>ipt>${run(n)}</scr</script>ipt>`,
  (n) => `&lt;script&gt;${run(n)}&lt;/script&gt;`,
  (n) => `<img src=x onerror=&#x5f;&#x5f;xss(${n})>`,
  (n) => `<template><img src=x onerror="${run(n)}"></template>`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=${run(n)}>">`,
  (n) => `\${${run(n)}}`,
  (n) => `{{constructor.constructor('${run(n)}')()}}`,
  (n) => `<img src=x onerror="document.title='XSS-${n}'">`,
  (n) => `<svg onload="window.name='XSS-${n}'">`,
];

const wrappers = [(p) => p, (p) => `Werkdruk ${p} aanpak`, (p) => `${p}\n\nTweede regel`];

export function payloads() {
  const out = [];
  let n = 0;
  for (const wrap of wrappers) for (const vector of vectors) out.push(wrap(vector(++n)));
  return out;
}
