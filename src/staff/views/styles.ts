// Devanagari needs a font that has it: Lohit/Noto on Linux, Mangal/Nirmala on Windows phones and PCs.
export const styles = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans","Liberation Sans",Arial,"Lohit Devanagari","Noto Sans Devanagari","Nirmala UI",Mangal,sans-serif;font-size:15px;line-height:1.5;color:#1d232a;background:#f4f5f7}
a{color:#0b5cad}
header.top{background:#12355b;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header.top a{color:#fff;text-decoration:none}
.brand{font-weight:700;font-size:1.2rem}.brand span{font-weight:400;opacity:.8;font-size:.9rem}
nav{display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center}
main{padding:1rem;max-width:1100px;margin:0 auto}
h1{font-size:1.35rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.2rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{background:#eef1f4;font-weight:600;font-size:.85rem}
.scroll{overflow-x:auto}
.card{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:.8rem 1rem;margin:0 0 1rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}
form.filters label{display:flex;flex-direction:column;font-size:.8rem}
input,select,textarea,button{font:inherit;padding:.35rem .5rem;border:1px solid #b9c0c8;border-radius:5px;max-width:100%}
textarea{width:100%;min-height:4rem}
button{background:#12355b;color:#fff;border-color:#12355b;cursor:pointer}
button.secondary{background:#fff;color:#12355b}
button.danger{background:#a4262c;border-color:#a4262c}
button.link{background:none;border:none;color:#fff;padding:0;text-decoration:underline}
form.inline{display:inline}
.flash{background:#fff4ce;border:1px solid #e0c060;padding:.5rem .8rem;border-radius:6px}
.error{color:#a4262c}
.badge{display:inline-block;padding:0 .45rem;border-radius:9px;font-size:.8rem;background:#e3e6ea}
.badge.bad,.overdue .badge.sla{background:#fde7e9;color:#a4262c}
.badge.good{background:#dff6dd;color:#107c10}
tr.overdue td{background:#fff1f1}
.chat{display:flex;flex-direction:column;gap:.5rem}
.bubble{max-width:min(85%,560px);padding:.5rem .7rem;border-radius:10px;white-space:pre-wrap;word-wrap:break-word;box-shadow:0 1px 1px rgba(0,0,0,.08)}
.in{align-self:flex-start;background:#fff}
.out{align-self:flex-end;background:#dcf8c6}
.out.failed{background:#fde7e9;border:1px solid #a4262c}
.meta{font-size:.75rem;color:#5c6670}
.choice{display:inline-block;border:1px solid #0b5cad;color:#0b5cad;border-radius:14px;padding:0 .6rem;margin:.2rem .2rem 0 0;font-size:.85rem;background:#fff}
.turn{align-self:stretch;background:#f8f9fb;border:1px dashed #c5ccd3;border-radius:8px;padding:.3rem .6rem;font-size:.85rem}
.turn pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #e3e6ea;padding:.3rem;margin:.2rem 0;font-size:.8rem}
details summary{cursor:pointer}
.chart text{font-size:11px;fill:#33404d}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
.kv dt{color:#5c6670}.kv dd{margin:0}
.stack>*{margin-bottom:.6rem}
.media-gallery{display:flex;flex-wrap:wrap;gap:.6rem}.media-item{margin:0}.media-item img{max-width:100%;height:auto;border-radius:4px;border:1px solid #d0d7de}.media-item audio{max-width:100%}
@media (max-width:600px){main{padding:.6rem}.bubble{max-width:95%}th,td{padding:.3rem}}
`;
