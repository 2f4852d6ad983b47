<?xml version="1.0" encoding="UTF-8"?>
<!--
  text-layout.xsl (imported by text.xsl): where the plain-text edition puts blank lines, and
  what it prints after the text (the source's notes section, the trailing archive summary).

  Owns: the diplomatic algorithm of docs/encoding.md §5 — every line block ends with a newline
  and is preceded by one empty line unless it carries rend="no-blank-before"; the first
  paragraph of a turn continues the speaker's line. Must not: decide what an element means.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- The empty line before the context line block, or nothing. The very first block of the
       document also gets one here; the root template removes it. -->
  <xsl:template name="line-gap">
    <xsl:variable name="blank"><xsl:call-template name="has-blank-before"/></xsl:variable>
    <xsl:if test="string($blank) and not(self::tei:p and parent::tei:sp and not(preceding-sibling::*[not(self::tei:speaker)]) and not(contains(concat(' ', normalize-space(../@rend), ' '), ' label-line ')))">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- True when the context sp's first paragraph continues the speaker's line. -->
  <xsl:template name="speech-continues-label">
    <xsl:if test="tei:speaker/following-sibling::*[1][self::tei:p] and not(contains(concat(' ', normalize-space(@rend), ' '), ' label-line '))">1</xsl:if>
  </xsl:template>

  <!-- The source's foot notes, one line each: mark + " " + text (docs/encoding.md §5). -->
  <xsl:template name="foot-note-lines">
    <xsl:for-each select="/tei:TEI/tei:text//tei:note[@place = 'foot']">
      <xsl:call-template name="line-gap"/>
      <xsl:call-template name="notes-list-mark"/>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- A note's marker in the source's notes list: its list-* token ("[1]", "/1/", "1."); a
       note without one takes the style of its mark in the text. -->
  <xsl:template name="notes-list-mark">
    <xsl:variable name="tokens" select="concat(' ', normalize-space(@rend), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($tokens, ' list-period ')"><xsl:value-of select="concat(@n, '.')"/></xsl:when>
      <xsl:when test="contains($tokens, ' list-square ')"><xsl:value-of select="concat('[', @n, ']')"/></xsl:when>
      <xsl:when test="contains($tokens, ' list-slash ')"><xsl:value-of select="concat('/', @n, '/')"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="foot-mark"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- After the text (docs/encoding.md §5): the archive's summary when it followed the record
       in the transcript (abstract/@rend "trailing"), then, in the diplomatic view, the
       source's notes section: its heading (back/divGen[@type="notes"]/head), one line a note. -->
  <xsl:template name="source-trailer">
    <xsl:for-each select="/tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract[contains(concat(' ', normalize-space(@rend), ' '), ' trailing ')]/tei:p">
      <xsl:call-template name="line-gap"/>
      <xsl:apply-templates/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:if test="$is-diplomatic and /tei:TEI/tei:text//tei:note[@place = 'foot']">
      <xsl:for-each select="/tei:TEI/tei:text/tei:back/tei:divGen[@type = 'notes']/tei:head">
        <xsl:call-template name="line-gap"/>
        <xsl:apply-templates/>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:call-template name="foot-note-lines"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
