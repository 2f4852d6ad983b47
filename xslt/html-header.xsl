<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-header.xsl (imported by html.xsl): the page's header panel and colophon from the
  teiHeader: title, date, place, classification, source citation, the archive's summary
  (labelled as the archive's, TEI P5 §2.4.4 abstract/@resp), the participants grouped as in
  particDesc (TEI P5 §15.2.2) and the editorial conventions of editorialDecl (§2.3.3).
  Must not: print text of the record itself (that is the main landmark's).
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <xsl:template name="edition-title">
    <xsl:variable name="header" select="/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($header)"><xsl:value-of select="normalize-space($header)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(/tei:TEI/tei:text//tei:head[1])"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page-header">
    <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="profile" select="$header/tei:profileDesc"/>
    <xsl:variable name="bibl" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl"/>
    <header class="edition-header">
      <p class="kicker">Record of conversation · digital edition</p>
      <h1><xsl:call-template name="edition-title"/></h1>
      <dl class="facts">
        <xsl:for-each select="$profile/tei:creation/tei:date[1]">
          <dt>Date</dt><dd><time datetime="{@when}"><xsl:value-of select="normalize-space(.)"/></time></dd>
        </xsl:for-each>
        <xsl:for-each select="$profile/tei:settingDesc/tei:setting[tei:placeName or tei:activity][1]">
          <dt>Place</dt>
          <dd>
            <xsl:value-of select="normalize-space(tei:placeName)"/>
            <xsl:if test="tei:placeName and tei:activity">, </xsl:if>
            <xsl:value-of select="normalize-space(tei:activity)"/>
          </dd>
        </xsl:for-each>
        <xsl:for-each select="$profile/tei:textClass/tei:catRef">
          <dt>Classification</dt>
          <dd class="classification-mark">
            <xsl:for-each select="key('by-id', substring-after(@target, '#'))">
              <xsl:value-of select="normalize-space(tei:catDesc)"/>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:if test="$bibl">
          <dt>Source</dt>
          <dd class="source-citation"><xsl:apply-templates select="$bibl[1]" mode="citation"/></dd>
        </xsl:if>
        <xsl:call-template name="edition-facts"/>
      </dl>
      <xsl:for-each select="$profile/tei:abstract">
        <section class="summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary <span class="by">by <xsl:call-template name="abstract-author"/>, not part of the record</span></h2>
          <xsl:for-each select="tei:p"><p><xsl:apply-templates/></p></xsl:for-each>
        </section>
      </xsl:for-each>
      <xsl:if test="$profile/tei:particDesc/tei:listPerson">
        <section class="participants-panel" aria-labelledby="participants-heading">
          <h2 id="participants-heading">Participants</h2>
          <div class="groups">
            <xsl:for-each select="$profile/tei:particDesc/tei:listPerson">
              <div class="group">
                <h3>
                  <xsl:choose>
                    <xsl:when test="tei:head"><xsl:value-of select="normalize-space(tei:head)"/></xsl:when>
                    <xsl:when test="@type = 'speakers'">Other speakers</xsl:when>
                    <xsl:otherwise>Group <xsl:value-of select="position()"/></xsl:otherwise>
                  </xsl:choose>
                </h3>
                <ul>
                  <xsl:for-each select="tei:person">
                    <li><a href="#person-{@xml:id}"><xsl:call-template name="person-name"><xsl:with-param name="id" select="string(@xml:id)"/></xsl:call-template></a><xsl:call-template name="person-description"/></li>
                  </xsl:for-each>
                </ul>
              </div>
            </xsl:for-each>
          </div>
        </section>
      </xsl:if>
      <xsl:for-each select="$header/tei:encodingDesc/tei:editorialDecl[*]">
        <details class="conventions">
          <summary>Editorial conventions</summary>
          <dl>
            <xsl:for-each select="*">
              <dt><xsl:call-template name="convention-name"/></dt>
              <xsl:for-each select="tei:p"><dd><xsl:apply-templates/></dd></xsl:for-each>
            </xsl:for-each>
          </dl>
        </details>
      </xsl:for-each>
    </header>
  </xsl:template>

  <xsl:template name="edition-facts">
    <xsl:variable name="title-stmt" select="/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:if test="$title-stmt/tei:editor">
      <dt>Edited by</dt>
      <dd><xsl:for-each select="$title-stmt/tei:editor">
        <xsl:value-of select="normalize-space(.)"/><xsl:if test="position() != last()">, </xsl:if>
      </xsl:for-each></dd>
    </xsl:if>
  </xsl:template>

  <!-- One citation line of the source: title, archive, collection, date, responsibilities, URL. -->
  <xsl:template match="tei:bibl" mode="citation">
    <xsl:for-each select="tei:title | tei:orgName | tei:idno | tei:date | tei:respStmt | tei:author | tei:editor">
      <xsl:choose>
        <xsl:when test="self::tei:title"><cite><xsl:value-of select="normalize-space(.)"/></cite></xsl:when>
        <xsl:when test="self::tei:respStmt">
          <xsl:variable name="line" select="normalize-space(concat(tei:resp, ' ', tei:name | tei:persName | tei:orgName))"/>
          <xsl:value-of select="concat(translate(substring($line, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), substring($line, 2))"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="position() != last()">. </xsl:if>
    </xsl:for-each>
    <xsl:text>.</xsl:text>
    <xsl:for-each select="tei:ref[@target]">
      <xsl:text> </xsl:text><a href="{@target}" rel="external"><xsl:value-of select="normalize-space(.)"/></a>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="abstract-author">
    <xsl:choose>
      <xsl:when test="@resp">
        <xsl:call-template name="person-name"><xsl:with-param name="id" select="substring-after(substring-before(concat(normalize-space(@resp), ' '), ' '), '#')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>the archive</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ", role" from affiliation, occupation and roleName (the words of the participants list). -->
  <xsl:template name="person-description">
    <xsl:for-each select="tei:affiliation | tei:occupation | tei:roleName | tei:persName/tei:roleName | self::tei:persName/../tei:resp">
      <span class="role">, <xsl:value-of select="normalize-space(.)"/></span>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="convention-name">
    <xsl:choose>
      <xsl:when test="self::tei:normalization">Normalisation</xsl:when>
      <xsl:when test="self::tei:punctuation">Punctuation and speaker labels</xsl:when>
      <xsl:when test="self::tei:interpretation">Brackets and interventions</xsl:when>
      <xsl:when test="self::tei:correction">Corrections</xsl:when>
      <xsl:when test="self::tei:segmentation">Segmentation</xsl:when>
      <xsl:when test="self::tei:quotation">Quotation</xsl:when>
      <xsl:when test="self::tei:hyphenation">Hyphenation</xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="colophon">
    <xsl:variable name="publication" select="/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
    <p class="colophon">
      <xsl:for-each select="$publication/tei:publisher | $publication/tei:authority">Published by <xsl:value-of select="normalize-space(.)"/>. </xsl:for-each>
      <xsl:for-each select="$publication/tei:availability/tei:licence">Licence: <a href="{@target}" rel="license"><xsl:value-of select="normalize-space(.)"/></a>. </xsl:for-each>
      <xsl:for-each select="$publication/tei:idno">Edition <xsl:value-of select="normalize-space(.)"/>. </xsl:for-each>
      <xsl:text>Rendered from TEI P5 by tei-edition.</xsl:text>
    </p>
  </xsl:template>
</xsl:stylesheet>
