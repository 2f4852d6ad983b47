<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: the HTML reading edition (XSLT 1.0, one self-contained HTML5 page).

  Owns: the page (header panel with the edition's facts, participants, navigation with the
  reading/diplomatic switch, the text, footnotes, index of persons) and the HTML of each hook.
  The switch is CSS only (two radio buttons before the landmarks, :checked selectors in
  html-style.xsl): the view chosen at render time is the checked one, so the page shows it
  without JavaScript. Must not: decide what an element means (common.xsl does), load anything
  from the network, or use generate-id() (its values change between runs).
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <xsl:import href="common.xsl"/>
  <xsl:import href="html-header.xsl"/>
  <xsl:include href="html-style.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="tei" select="/tei:TEI"/>

  <xsl:template match="/">
    <xsl:if test="string($strict) = '1'"><xsl:apply-templates select="/" mode="strict-check"/></xsl:if>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{($tei/@xml:lang | $tei/tei:text/@xml:lang)[1]}">
      <xsl:if test="not($tei/@xml:lang)"><xsl:attribute name="lang">und</xsl:attribute></xsl:if>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-edition"/>
        <title><xsl:call-template name="edition-title"/></title>
        <style><xsl:call-template name="page-css"/></style>
      </head>
      <body>
        <input type="radio" name="view" id="view-reading" class="view-input">
          <xsl:if test="not($is-diplomatic)"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <input type="radio" name="view" id="view-diplomatic" class="view-input">
          <xsl:if test="$is-diplomatic"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <xsl:call-template name="page-header"/>
        <nav aria-label="Views and contents">
          <div class="switch" role="group" aria-label="Text view">
            <span class="switch-caption">View:</span>
            <label for="view-reading" title="Corrections applied, insertions shown as text">Reading text</label>
            <label for="view-diplomatic" title="The transcript as written, with its brackets and errors">Diplomatic text</label>
          </div>
          <ul class="contents">
            <li><a href="#text">Text</a></li>
            <xsl:for-each select="$tei/tei:text//tei:div[tei:head][ancestor::tei:div]">
              <xsl:variable name="part"><xsl:call-template name="ordinal"><xsl:with-param name="kind" select="'div'"/></xsl:call-template></xsl:variable>
              <li><a href="#part-{$part}"><xsl:value-of select="normalize-space(tei:head)"/></a></li>
            </xsl:for-each>
            <xsl:if test="$tei/tei:text//tei:note"><li><a href="#notes">Notes</a></li></xsl:if>
            <li><a href="#persons">Index of persons</a></li>
          </ul>
        </nav>
        <main id="text">
          <xsl:apply-templates select="$tei/tei:text"/>
        </main>
        <footer>
          <xsl:call-template name="footnotes"/>
          <xsl:call-template name="person-index"/>
          <xsl:call-template name="colophon"/>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ===== hooks ============================================================================ -->

  <xsl:template name="hook-block">
    <xsl:param name="kind"/>
    <xsl:param name="subtype" select="''"/>
    <xsl:param name="anchor" select="''"/>
    <xsl:param name="level" select="1"/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="$kind = 'division'">
        <section class="part {@type}" id="{$anchor}"><xsl:copy-of select="$content"/></section>
      </xsl:when>
      <xsl:when test="$kind = 'group'">
        <div class="{$subtype}"><xsl:copy-of select="$content"/></div>
      </xsl:when>
      <xsl:when test="$kind = 'head' and parent::tei:list">
        <p class="list-head"><xsl:copy-of select="$content"/></p>
      </xsl:when>
      <xsl:when test="$kind = 'head' and $level &lt;= 1">
        <h2 class="record-title"><xsl:copy-of select="$content"/></h2>
      </xsl:when>
      <xsl:when test="$kind = 'head'">
        <h3 class="part-head"><xsl:copy-of select="$content"/></h3>
      </xsl:when>
      <xsl:when test="$kind = 'list' and $subtype = 'participants'">
        <div class="participants"><xsl:copy-of select="$content"/></div>
      </xsl:when>
      <xsl:when test="$kind = 'list'">
        <ul class="source-list"><xsl:copy-of select="$content"/></ul>
      </xsl:when>
      <xsl:when test="$kind = 'item' and $subtype = 'participants'">
        <p class="participants-line"><xsl:copy-of select="$content"/></p>
      </xsl:when>
      <xsl:when test="$kind = 'item'"><li><xsl:copy-of select="$content"/></li></xsl:when>
      <xsl:when test="$kind = 'p'"><p><xsl:copy-of select="$content"/></p></xsl:when>
      <xsl:otherwise>
        <p class="{normalize-space(concat($kind, ' ', $subtype))}"><xsl:copy-of select="$content"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hook-turn">
    <xsl:param name="who"/>
    <xsl:param name="anchor"/>
    <xsl:param name="label"/>
    <xsl:param name="separator"/>
    <xsl:param name="content"/>
    <xsl:variable name="first-who" select="substring-before(concat($who, ' '), ' ')"/>
    <div class="turn" id="{$anchor}">
      <p class="speaker">
        <a href="#person-{$first-who}">
          <xsl:attribute name="title"><xsl:call-template name="person-name"><xsl:with-param name="id" select="$first-who"/></xsl:call-template></xsl:attribute>
          <xsl:copy-of select="$label"/>
        </a>
        <span class="sep" aria-hidden="true"><xsl:value-of select="$separator"/></span>
      </p>
      <div class="speech"><xsl:copy-of select="$content"/></div>
    </div>
  </xsl:template>

  <xsl:template name="hook-inline">
    <xsl:param name="kind"/>
    <xsl:param name="content"/>
    <xsl:param name="title" select="''"/>
    <xsl:param name="target" select="''"/>
    <xsl:choose>
      <xsl:when test="$kind = 'person'">
        <a class="person" href="#person-{$target}" title="{$title}">
          <xsl:if test="ancestor::tei:text"><xsl:attribute name="id">mention-<xsl:call-template name="mention-number"/></xsl:attribute></xsl:if>
          <xsl:copy-of select="$content"/>
        </a>
      </xsl:when>
      <xsl:when test="$kind = 'date' and @when">
        <time datetime="{@when}"><xsl:copy-of select="$content"/></time>
      </xsl:when>
      <xsl:when test="$kind = 'add'">
        <ins class="add" title="{$title}"><xsl:copy-of select="$content"/></ins>
      </xsl:when>
      <xsl:when test="string($title)">
        <span class="{$kind}" title="{$title}"><xsl:copy-of select="$content"/></span>
      </xsl:when>
      <xsl:otherwise><span class="{$kind}"><xsl:copy-of select="$content"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hook-alternatives">
    <xsl:param name="reading"/>
    <xsl:param name="diplomatic"/>
    <span class="v-reading"><xsl:copy-of select="$reading"/></span>
    <span class="v-diplomatic"><xsl:copy-of select="$diplomatic"/></span>
  </xsl:template>

  <xsl:template name="hook-note">
    <xsl:param name="number"/>
    <xsl:param name="anchor"/>
    <xsl:param name="title"/>
    <xsl:param name="diplomatic"/>
    <span class="v-reading"><a class="noteref" id="noteref-{$number}" href="#{$anchor}" role="doc-noteref" title="{$title}"><sup><xsl:value-of select="$number"/></sup></a></span>
    <span class="v-diplomatic"><a class="note-inline" href="#{$anchor}" title="{$title}"><xsl:copy-of select="$diplomatic"/></a></span>
  </xsl:template>

  <xsl:template name="hook-line-break"><br/></xsl:template>

  <xsl:template name="hook-page-break">
    <xsl:param name="is-block"/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="$is-block"><p class="pb" id="page-{@n}"><xsl:copy-of select="$content"/></p></xsl:when>
      <xsl:otherwise><span class="pb" id="page-{@n}"><xsl:copy-of select="$content"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>


  <!-- ===== footer ============================================================================ -->

  <xsl:template name="mention-number">
    <xsl:call-template name="ordinal"><xsl:with-param name="kind" select="'mention'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="footnotes">
    <xsl:if test="$tei/tei:text//tei:note">
      <section class="footnotes" id="notes" aria-labelledby="notes-heading" role="doc-endnotes">
        <h2 id="notes-heading">
          <xsl:variable name="source-heading" select="normalize-space($tei/tei:text/tei:back/tei:divGen[@type = 'notes']/tei:head)"/>
          <xsl:value-of select="$source-heading"/>
          <xsl:if test="not($source-heading)">Notes</xsl:if>
        </h2>
        <ol>
          <xsl:for-each select="$tei/tei:text//tei:note">
            <xsl:variable name="number"><xsl:call-template name="note-number"/></xsl:variable>
            <li id="note-{$number}" value="{$number}">
              <span class="note-kind"><xsl:call-template name="note-kind"/><xsl:call-template name="by-resp"/>: </span>
              <xsl:apply-templates/>
              <xsl:text> </xsl:text>
              <a class="backlink" href="#noteref-{$number}" role="doc-backlink" aria-label="Back to the text of note {$number}">&#8617;</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="person-index">
    <section class="person-index" id="persons" aria-labelledby="persons-heading">
      <h2 id="persons-heading">Index of persons</h2>
      <ul>
        <!-- Participants, mentioned persons, and people named in the header with an id of
             their own (a recorder in sourceDesc/bibl/respStmt, docs/encoding.md §2). -->
        <xsl:for-each select="$tei/tei:teiHeader/tei:profileDesc/tei:particDesc//tei:person | $tei/tei:standOff//tei:person | $tei/tei:teiHeader//tei:persName[@xml:id]">
          <xsl:sort select="normalize-space(concat(tei:persName[not(@type = 'alias')][1], self::tei:persName))"/>
          <xsl:sort select="@xml:id"/>
          <xsl:variable name="id" select="string(@xml:id)"/>
          <li id="person-{$id}">
            <strong><xsl:call-template name="person-name"><xsl:with-param name="id" select="$id"/></xsl:call-template></strong>
            <xsl:call-template name="person-description"/>
            <xsl:variable name="turns" select="$tei/tei:text//tei:sp[contains(concat(' ', normalize-space(@who), ' '), concat(' #', $id, ' '))]"/>
            <xsl:if test="$turns">
              <span class="refs"> Speaks: <xsl:for-each select="$turns">
                <xsl:variable name="n"><xsl:call-template name="ordinal"><xsl:with-param name="kind" select="'sp'"/></xsl:call-template></xsl:variable>
                <a href="#turn-{$n}"><xsl:value-of select="$n"/></a><xsl:if test="position() != last()">, </xsl:if>
              </xsl:for-each>.</span>
            </xsl:if>
            <xsl:variable name="mentions" select="key('mentions-of', $id)"/>
            <xsl:if test="$mentions">
              <span class="refs"> Named: <xsl:for-each select="$mentions">
                <xsl:variable name="n"><xsl:call-template name="mention-number"/></xsl:variable>
                <a href="#mention-{$n}"><xsl:value-of select="position()"/></a><xsl:if test="position() != last()">, </xsl:if>
              </xsl:for-each>.</span>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>
</xsl:stylesheet>
