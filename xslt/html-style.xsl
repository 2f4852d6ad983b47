<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-style.xsl (included by html.xsl): the page's one inline style sheet.
  Owns: screen and print styles and the CSS-only reading/diplomatic switch
  (#view-diplomatic:checked ~ * ...). Must not: reference fonts, images or any URL.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="page-css">
<xsl:text>
:root { --ink: #1f2328; --muted: #5b616b; --paper: #fdfcf9; --panel: #f3f1ea; --line: #d9d5c9;
  --accent: #7a2e1d; --supplied: #0b5d6b; --added: #2d6a1f; --fixed: #8a4b00; }
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1.25rem 3rem;
  font: 1.0625rem/1.6 Georgia, "Times New Roman", "DejaVu Serif", serif; }
a { color: var(--accent); }
[id] { scroll-margin-top: 3.5rem; } /* a link target is not hidden under the sticky nav */
h1, h2, h3 { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; line-height: 1.25; }
h1 { font-size: 1.6rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.kicker { margin: 0; font: .8rem/1.4 "Helvetica Neue", Arial, sans-serif; letter-spacing: .08em;
  text-transform: uppercase; color: var(--muted); }
.edition-header { background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
  padding: 1.1rem 1.3rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
.facts dt { font: 600 .85rem/1.6 "Helvetica Neue", Arial, sans-serif; color: var(--muted); }
.facts dd { margin: 0; }
.classification-mark { font-variant: small-caps; letter-spacing: .04em; }
.summary { border-left: 3px solid var(--line); padding-left: 1rem; margin-top: 1rem; }
.summary h2 { margin-top: .6rem; }
.summary .by { font-weight: normal; color: var(--muted); font-size: .9rem; }
.groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0 1.5rem; }
.groups ul, .person-index ul { padding-left: 1.1rem; margin: .2rem 0; }
.role { color: var(--muted); }
.conventions { margin-top: 1rem; }
.conventions summary { cursor: pointer; font: 600 .95rem "Helvetica Neue", Arial, sans-serif; }
.conventions dt { font-weight: bold; margin-top: .5rem; }
.conventions dd { margin-left: 1rem; }
nav { position: sticky; top: 0; z-index: 1; background: var(--paper); border-bottom: 1px solid var(--line);
  margin: 1rem 0; padding: .5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center;
  font: .9rem/1.4 "Helvetica Neue", Arial, sans-serif; }
.contents { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
.switch label { display: inline-block; padding: .25rem .7rem; border: 1px solid var(--accent);
  color: var(--accent); cursor: pointer; user-select: none; }
.switch label:first-of-type { border-radius: 4px 0 0 4px; }
.switch label:last-of-type { border-radius: 0 4px 4px 0; margin-left: -1px; }
.switch-caption { color: var(--muted); margin-right: .4rem; }
.view-input { position: absolute; opacity: 0; width: 1px; height: 1px; }
#view-reading:checked ~ nav label[for=view-reading],
#view-diplomatic:checked ~ nav label[for=view-diplomatic] { background: var(--accent); color: #fff; }
#view-reading:focus-visible ~ nav label[for=view-reading],
#view-diplomatic:focus-visible ~ nav label[for=view-diplomatic] { outline: 2px solid var(--ink); outline-offset: 2px; }
.v-diplomatic, .sep { display: none; }
#view-diplomatic:checked ~ * .v-diplomatic, #view-diplomatic:checked ~ * .sep { display: inline; }
#view-diplomatic:checked ~ * .v-reading { display: none; }
main .opener { text-align: right; font-variant: small-caps; letter-spacing: .05em; }
main .opener p { margin: .1rem 0; }
.record-title { font-size: 1.25rem; }
.participants { font-style: italic; margin-bottom: 1.5rem; }
.participants p { margin: .2rem 0; }
.part-head { font-style: italic; font-weight: normal; font-family: inherit; font-size: 1.05rem;
  border-top: 1px solid var(--line); padding-top: 1rem; }
.turn { display: grid; grid-template-columns: 11rem 1fr; gap: 0 1rem; margin: .7rem 0; }
.turn .speaker { margin: 0; text-align: right; font: 600 .92rem/1.75 "Helvetica Neue", Arial, sans-serif; }
.turn .speaker a { color: var(--ink); text-decoration: none; border-bottom: 1px dotted var(--muted); }
.speech p, .speech ul { margin: 0 0 .5rem; }
.source-list { list-style: none; padding-left: 1.2rem; }
.stage { font-style: italic; color: var(--muted); }
.supplied { color: var(--supplied); }
ins.add { text-decoration: none; color: var(--added); border-bottom: 1px dashed var(--added); }
.correction { border-bottom: 1px dotted var(--fixed); }
#view-diplomatic:checked ~ * .correction { color: var(--fixed); }
.gap, .sic, .pb { color: var(--muted); }
a.person { color: inherit; text-decoration: none; border-bottom: 1px solid var(--line); }
.noteref { text-decoration: none; }
.note-inline { color: var(--supplied); text-decoration: none; }
.closer { text-align: right; margin-top: 1.5rem; }
.separator { text-align: center; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; font-size: .95rem; }
.footnotes .note-kind { color: var(--muted); }
.person-index li { margin-bottom: .3rem; }
.refs { color: var(--muted); }
.colophon { color: var(--muted); font-size: .85rem; margin-top: 2rem; }
@media (max-width: 40rem) {
  .turn { grid-template-columns: 1fr; }
  .turn .speaker { text-align: left; }
}
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  nav, .backlink { display: none; }
  .edition-header { border: 0; background: none; padding: 0; }
  .conventions > * { display: block; }
  a { color: inherit; text-decoration: none; }
  .turn { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
