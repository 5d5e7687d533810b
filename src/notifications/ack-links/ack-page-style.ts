import { createHash } from 'node:crypto';

/**
 * The style of an acknowledge link's page, inline (nothing to fetch on a slow phone connection),
 * phone first: one column, full-width buttons 52 px high, the desktop only widens the column. Light
 * or dark as the phone is; colours keep a 4.5:1 contrast in both.
 */
export const ackPageStyle = `:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#1f2328;--muted:#555f6b;--line:#d0d7de;--accent:#0a58ca;--on-accent:#fff;--done:#1a7f37;--done-bg:#e6f6ea;--stop:#8c2f00;--stop-bg:#fff1e5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--fg:#e6edf3;--muted:#a0a8b2;--line:#30363d;--accent:#5ca0ff;--on-accent:#0d1117;--done:#56d364;--done-bg:#12261e;--stop:#ffa657;--stop-bg:#2b1a0c}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:34rem;margin:0 auto;padding:1rem}
.chips{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0}
.chip{padding:.1rem .6rem;border-radius:999px;border:1px solid var(--line);font-size:.9rem}
.sev{font-weight:700;color:#fff;border:0}
.sev-P1{background:#c21d2b}.sev-P2{background:#a84300}.sev-P3{background:#7d5600}.sev-P4{background:#4f5761}
h1{font-size:1.4rem;line-height:1.25;margin:.6rem 0 .3rem;overflow-wrap:anywhere}
.meta{color:var(--muted);margin:0 0 1rem;overflow-wrap:anywhere}
.result{margin:0 0 1rem;padding:.75rem 1rem;border-radius:10px;border-left:4px solid var(--done);background:var(--done-bg)}
.result.stop{border-color:var(--stop);background:var(--stop-bg)}
form{display:grid;gap:.75rem;margin:0 0 1.25rem}
button{font:inherit;font-weight:600;width:100%;min-height:3.25rem;padding:.6rem 1rem;border-radius:10px;border:2px solid var(--accent);cursor:pointer}
.primary{background:var(--accent);color:var(--on-accent)}
.secondary{background:transparent;color:var(--accent)}
button:focus-visible,a:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
section{margin:0 0 1rem;padding:.75rem 1rem;border-radius:10px;border:1px solid var(--line);background:var(--card);overflow-wrap:anywhere}
h2{margin:0 0 .25rem;font-size:.85rem;letter-spacing:.04em;text-transform:uppercase;color:var(--muted)}
section p{margin:.25rem 0 0}
.foot{color:var(--muted);font-size:.9rem}
a{color:var(--accent)}
@media (min-width:40rem){form{grid-template-columns:1fr 1fr}}`;

/**
 * The page's content-security policy: its one inline style by hash, no script at all, forms only
 * to itself, never framed (no clickjacking of the buttons), and no referrer for what it links to.
 */
export const ackPagePolicy = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(ackPageStyle).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
