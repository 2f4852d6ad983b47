<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: the plain-text edition (XSLT 1.0, output method text, UTF-8).

  Owns: lines and blank lines. The diplomatic view rebuilds the transcript line for line
  (speaker label + separator glued to the first line of speech, labels on their own line,
  the blank-line layout, bracket wording); the reading view shows the same lines with the
  corrections applied, insertion labels dropped and notes as numbered endnotes.
  Must not: decide what an element means; that is common.xsl, reached through the hooks.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <xsl:import href="common.xsl"/>
  <xsl:import href="text-layout.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="NL" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:if test="string($strict) = '1'"><xsl:apply-templates select="/" mode="strict-check"/></xsl:if>
    <xsl:variable name="document">
      <xsl:apply-templates select="tei:TEI/tei:text"/>
      <xsl:call-template name="source-trailer"/>
      <xsl:if test="not($is-diplomatic) and tei:TEI/tei:text//tei:note">
        <xsl:value-of select="$NL"/>
        <xsl:text>Notes</xsl:text>
        <xsl:value-of select="$NL"/>
        <xsl:for-each select="tei:TEI/tei:text//tei:note">
          <xsl:value-of select="$NL"/>
          <xsl:text>[</xsl:text><xsl:call-template name="note-number"/><xsl:text>] </xsl:text>
          <xsl:apply-templates/>
          <xsl:value-of select="$NL"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <!-- Every block starts with its empty line; the first block of the document has none. -->
    <xsl:variable name="text" select="substring(string($document), 1 + number(starts-with(string($document), $NL)))"/>
    <xsl:choose>
      <xsl:when test="number($width) &gt; 0">
        <xsl:call-template name="wrap-lines"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== hooks ============================================================================ -->

  <xsl:template name="hook-block">
    <xsl:param name="kind"/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="$kind = 'division' or $kind = 'list' or $kind = 'group'">
        <xsl:value-of select="$content"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line-gap"/>
        <xsl:value-of select="$content"/>
        <xsl:value-of select="$NL"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hook-turn">
    <xsl:param name="label"/>
    <xsl:param name="separator"/>
    <xsl:param name="own-line"/>
    <xsl:param name="content"/>
    <xsl:variable name="continues"><xsl:call-template name="speech-continues-label"/></xsl:variable>
    <xsl:call-template name="line-gap"/>
    <xsl:value-of select="$label"/>
    <xsl:value-of select="$separator"/>
    <xsl:if test="not(string($continues))"><xsl:value-of select="$NL"/></xsl:if>
    <xsl:value-of select="$content"/>
  </xsl:template>

  <xsl:template name="hook-inline">
    <xsl:param name="content"/>
    <xsl:value-of select="$content"/>
  </xsl:template>

  <xsl:template name="hook-alternatives">
    <xsl:param name="reading"/>
    <xsl:param name="diplomatic"/>
    <xsl:choose>
      <xsl:when test="$is-diplomatic"><xsl:value-of select="$diplomatic"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$reading"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hook-note">
    <xsl:param name="number"/>
    <xsl:param name="diplomatic"/>
    <xsl:choose>
      <xsl:when test="$is-diplomatic"><xsl:value-of select="$diplomatic"/></xsl:when>
      <xsl:otherwise>[<xsl:value-of select="$number"/>]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The newline is already the last character of the text before lb (docs/encoding.md §3). -->
  <xsl:template name="hook-line-break"/>

  <xsl:template name="hook-page-break">
    <xsl:param name="is-block"/>
    <xsl:param name="content"/>
    <xsl:if test="$is-block"><xsl:call-template name="line-gap"/></xsl:if>
    <xsl:value-of select="$content"/>
    <xsl:if test="$is-block"><xsl:value-of select="$NL"/></xsl:if>
  </xsl:template>


  <!-- ===== optional hard wrapping (width > 0) ================================================ -->

  <!-- Splits near the middle so that the recursion depth grows with log(lines), not lines. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="text"/>
    <xsl:variable name="middle" select="floor(string-length($text) div 2)"/>
    <xsl:variable name="tail" select="substring($text, $middle + 1)"/>
    <xsl:choose>
      <xsl:when test="not(contains($text, $NL))">
        <xsl:call-template name="wrap-line"><xsl:with-param name="line" select="$text"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($tail, $NL)">
        <xsl:call-template name="wrap-lines"><xsl:with-param name="text" select="concat(substring($text, 1, $middle), substring-before($tail, $NL))"/></xsl:call-template>
        <xsl:value-of select="$NL"/>
        <xsl:call-template name="wrap-lines"><xsl:with-param name="text" select="substring-after($tail, $NL)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap-line"><xsl:with-param name="line" select="substring-before($text, $NL)"/></xsl:call-template>
        <xsl:value-of select="$NL"/>
        <xsl:call-template name="wrap-lines"><xsl:with-param name="text" select="substring-after($text, $NL)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Breaks one line at the last space that keeps it within $width; a word longer than the
       width stays whole on its own line (words are never split). -->
  <xsl:template name="wrap-line">
    <xsl:param name="line"/>
    <xsl:choose>
      <xsl:when test="string-length($line) &lt;= number($width)"><xsl:value-of select="$line"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cut">
          <xsl:call-template name="last-space"><xsl:with-param name="text" select="substring($line, 1, number($width) + 1)"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="at">
          <xsl:choose>
            <xsl:when test="number($cut) &gt; 1"><xsl:value-of select="$cut"/></xsl:when>
            <xsl:when test="contains(substring($line, 2), ' ')"><xsl:value-of select="string-length(substring-before(substring($line, 2), ' ')) + 2"/></xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="number($at) = 0"><xsl:value-of select="$line"/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="substring($line, 1, number($at) - 1)"/>
            <xsl:value-of select="$NL"/>
            <xsl:call-template name="wrap-line"><xsl:with-param name="line" select="substring($line, number($at) + 1)"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Position of the last space in $text (1-based), 0 when there is none. -->
  <xsl:template name="last-space">
    <xsl:param name="text"/>
    <xsl:param name="offset" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:variable name="before" select="string-length(substring-before($text, ' ')) + 1"/>
        <xsl:call-template name="last-space">
          <xsl:with-param name="text" select="substring($text, $before + 1)"/>
          <xsl:with-param name="offset" select="$offset + $before"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$offset"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
