// The respondent stylesheet, inlined into every page (about 2 KB): no extra request on a slow
// connection. Tap targets ≥ 44 px, works at 320 px wide and 200 % text, visible focus. The narrow
// screen rules come last so they win over the rules they shrink (same specificity).
export const RESPONDENT_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b;background:#f4f5f7}
.wrap{max-width:40rem;margin:0 auto;padding:1rem}
main,h1,h2,legend,label,p,a,button{overflow-wrap:break-word;-webkit-hyphens:auto;hyphens:auto}
.code{overflow-wrap:anywhere;-webkit-hyphens:none;hyphens:none}
.card{background:#fff;border:1px solid #d5d9de;border-radius:.5rem;padding:1rem 1rem 1.25rem}
h1{font-size:1.4rem;line-height:1.25;margin:.25rem 0 1rem}
.progress{font-size:.95rem;color:#3d4451;margin:0 0 .5rem}
progress{width:100%;height:.6rem;accent-color:#0b5cad}
.q{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
.q legend,.q>label.lbl{font-weight:600;font-size:1.05rem;padding:0;margin-bottom:.5rem;display:block}
.hint{color:#3d4451;font-size:.95rem;margin:-.25rem 0 .5rem}
.opt{display:flex;align-items:flex-start;gap:.6rem;min-height:44px;padding:.55rem .6rem;border:1px solid #b9c0c8;border-radius:.4rem;margin:.35rem 0;background:#fff}
.opt input{width:1.4rem;height:1.4rem;margin:.1rem 0 0;flex:none}
.opt label{flex:1;cursor:pointer}
input[type=text],input[type=email],input[type=tel],input[type=number],input[type=date],input[type=month],textarea,select{font:inherit;width:100%;min-height:44px;padding:.5rem .6rem;border:1px solid #6b7480;border-radius:.4rem;background:#fff}
textarea{min-height:6rem}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.err{color:#b00020;font-weight:600;margin:.25rem 0}
.err::before{content:"⚠ "}
.q.has-err{border-left:4px solid #b00020;padding-left:.75rem}
.summary{border:3px solid #b00020;border-radius:.4rem;padding:.75rem 1rem;margin-bottom:1rem;background:#fff}
.summary h2{font-size:1.1rem;margin:0 0 .5rem}.summary ul{margin:0;padding-left:1.25rem}.summary a{color:#b00020}
.nav{display:flex;flex-wrap:wrap;gap:.75rem;justify-content:space-between;margin-top:1rem}
button,.btn{font:inherit;font-weight:600;min-height:48px;min-width:44px;padding:.6rem 1.25rem;border-radius:.4rem;border:2px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.sec,.btn.sec{background:#fff;color:#0b5cad}
button.warn{background:#b00020;border-color:#b00020;color:#fff}
.alt{border-top:1px solid #d5d9de;margin-top:1.5rem;padding-top:1rem}
.foot .withdraw{display:inline-flex;align-items:center;min-height:44px}
.opt label{min-width:0}
.choice{display:flex;align-items:flex-start;gap:.6rem;min-height:44px;margin:.5rem 0}.choice input{width:1.4rem;height:1.4rem;flex:none}
.lang{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0 0 1rem;font-size:.95rem}
.lang a,.lang button{min-height:44px;display:inline-flex;align-items:center;padding:.25rem .6rem;font-weight:400}
.lang [aria-current]{font-weight:700;text-decoration:underline}
.notice{background:#eef4fb;border:1px solid #9cbbe0;border-radius:.4rem;padding:.6rem .8rem;margin-bottom:1rem}
.note{background:#f7f7f9;border-left:4px solid #6b7480;padding:.5rem .75rem;margin-bottom:1.25rem}
.foot{font-size:.9rem;color:#3d4451;margin-top:1.5rem}
.foot a{color:#0b5cad}
.matrix-row{margin-bottom:1rem}
.scale-ends{display:flex;justify-content:space-between;font-size:.9rem;color:#3d4451}
[hidden]{display:none!important}
a{color:#0b5cad}
.vh{position:absolute!important;width:1px;height:1px;min-height:0;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);border:0}
.dp{display:flex;flex-wrap:wrap;gap:.75rem}.dp label{display:block;font-size:.95rem}.dp input[type=text]{width:4.5rem}.dp .dp-month input[type=text]{width:6.5rem}.dp .dp-year input[type=text]{width:5.5rem}.dp-break{flex-basis:100%;height:0}
.entries{list-style:none;margin:0 0 1rem;padding:0}.entry{border:1px solid #b9c0c8;border-radius:.4rem;padding:.5rem .75rem;margin:.5rem 0;background:#fff}.entry-t{margin:0 0 .5rem}.entry-b{display:flex;flex-wrap:wrap;gap:.5rem}.entry-b button{padding:.5rem 1rem}.entry-h{font-size:1.15rem;margin:0 0 1rem}
@media (max-width:400px){.wrap{padding:0}.card{padding:.75rem 10px;border-radius:0;border-width:1px 0}.opt{padding:.5rem 6px;gap:6px}.opt input{width:1.2rem;height:1.2rem}.q.has-err{padding-left:8px}.summary{padding:.5rem 8px}.note{padding:.5rem 8px}.nav{gap:8px}}
`.replace(/\n/g, "");
