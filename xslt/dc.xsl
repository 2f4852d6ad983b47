<?xml version="1.0" encoding="UTF-8"?>
<!--
  dc.xsl: the TEI header of an edition as a simple Dublin Core record (oai_dc), for the
  archive that receives the edition's BagIt package (data/dc.xml).

  Owns: the mapping TEI header -> the fifteen DCMI elements (https://www.dublincore.org/
  specifications/dublin-core/dces/). Must not: invent a value (an element the header does
  not fill is left out, apart from dc:type and dc:format, which state what the edition is),
  read anything but the input document, or import other stylesheets (it stands alone, so the
  packager does not depend on the renderers' hooks). XSLT 1.0 + XPath 1.0 only.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="tei">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="file" select="$header/tei:fileDesc"/>
  <xsl:variable name="profile" select="$header/tei:profileDesc"/>

  <xsl:template match="/">
    <oai_dc:dc>
      <!-- TEI P5 §2.2.1 titleStmt: the edition's title(s), main title first. -->
      <xsl:for-each select="$file/tei:titleStmt/tei:title[@type = 'main']">
        <dc:title><xsl:value-of select="normalize-space(.)"/></dc:title>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:title[not(@type = 'main')]">
        <dc:title><xsl:value-of select="normalize-space(.)"/></dc:title>
      </xsl:for-each>

      <!-- Authors of the edition or of its source are creators; everyone named in a
           respStmt or as editor (encoder, translator, recorder) contributed (§2.2.1, §2.2.7). -->
      <xsl:for-each select="$file/tei:titleStmt/tei:author | $file/tei:sourceDesc//tei:author">
        <xsl:call-template name="element-with-name">
          <xsl:with-param name="element" select="'dc:creator'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:editor | $file/tei:sourceDesc//tei:editor
                            | $file/tei:titleStmt/tei:respStmt/*[not(self::tei:resp)]
                            | $file/tei:sourceDesc//tei:respStmt/*[not(self::tei:resp)]">
        <xsl:call-template name="element-with-name">
          <xsl:with-param name="element" select="'dc:contributor'"/>
        </xsl:call-template>
      </xsl:for-each>

      <!-- The people the record is about: its participants (§15.2.2 particDesc) and the
           persons it mentions (standOff listPerson), then any classification keywords. -->
      <xsl:for-each select="$profile/tei:particDesc//tei:person | /tei:TEI/tei:standOff//tei:listPerson/tei:person">
        <xsl:for-each select="tei:persName[1]">
          <xsl:call-template name="element-with-name">
            <xsl:with-param name="element" select="'dc:subject'"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="$profile/tei:textClass/tei:keywords//tei:term">
        <dc:subject><xsl:value-of select="normalize-space(.)"/></dc:subject>
      </xsl:for-each>

      <!-- §2.4.4 abstract: the archive's summary describes the document. -->
      <xsl:for-each select="$profile/tei:abstract">
        <dc:description><xsl:value-of select="normalize-space(.)"/></dc:description>
      </xsl:for-each>

      <xsl:for-each select="$file/tei:publicationStmt/tei:publisher | $file/tei:publicationStmt/tei:distributor
                            | $file/tei:publicationStmt/tei:authority">
        <dc:publisher><xsl:value-of select="normalize-space(.)"/></dc:publisher>
      </xsl:for-each>

      <!-- The date the document was made (§2.4.1 creation), else the source's own date. -->
      <xsl:choose>
        <xsl:when test="$profile/tei:creation/tei:date">
          <xsl:apply-templates select="$profile/tei:creation/tei:date" mode="dc-date"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$file/tei:sourceDesc/tei:bibl/tei:date" mode="dc-date"/>
        </xsl:otherwise>
      </xsl:choose>

      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>

      <xsl:for-each select="$file/tei:publicationStmt/tei:idno">
        <dc:identifier><xsl:value-of select="normalize-space(.)"/></dc:identifier>
      </xsl:for-each>

      <!-- §2.2.7 sourceDesc: the document the edition transcribes, and where it can be found. -->
      <xsl:for-each select="$file/tei:sourceDesc/tei:bibl">
        <xsl:variable name="described">
          <xsl:for-each select="tei:title | tei:orgName | tei:publisher | tei:idno">
            <xsl:if test="position() &gt; 1">. </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:if test="normalize-space($described)">
          <dc:source><xsl:value-of select="normalize-space($described)"/></dc:source>
        </xsl:if>
        <xsl:for-each select="tei:ref/@target | tei:ptr/@target">
          <dc:source><xsl:value-of select="normalize-space(.)"/></dc:source>
        </xsl:for-each>
      </xsl:for-each>

      <!-- §2.4.2 langUsage names the languages used; without it, the text's own xml:lang. -->
      <xsl:choose>
        <xsl:when test="$profile/tei:langUsage/tei:language/@ident">
          <xsl:for-each select="$profile/tei:langUsage/tei:language/@ident">
            <dc:language><xsl:value-of select="."/></dc:language>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="/tei:TEI/@xml:lang">
          <dc:language><xsl:value-of select="/tei:TEI/@xml:lang"/></dc:language>
        </xsl:when>
      </xsl:choose>

      <xsl:for-each select="$profile/tei:settingDesc/tei:setting/tei:placeName">
        <dc:coverage><xsl:value-of select="normalize-space(.)"/></dc:coverage>
      </xsl:for-each>

      <!-- §2.2.4 availability: each licence as its text and URL, else the prose statement. -->
      <xsl:variable name="availability" select="$file/tei:publicationStmt/tei:availability"/>
      <xsl:for-each select="$availability/tei:licence">
        <dc:rights>
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:if test="@target">
            <xsl:if test="normalize-space(.)"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="concat('&lt;', @target, '&gt;')"/>
          </xsl:if>
        </dc:rights>
      </xsl:for-each>
      <xsl:if test="not($availability/tei:licence)">
        <xsl:for-each select="$availability/tei:p">
          <dc:rights><xsl:value-of select="normalize-space(.)"/></dc:rights>
        </xsl:for-each>
      </xsl:if>
    </oai_dc:dc>
  </xsl:template>

  <xsl:template match="tei:date" mode="dc-date">
    <dc:date>
      <xsl:choose>
        <xsl:when test="@when"><xsl:value-of select="@when"/></xsl:when>
        <xsl:when test="@from and @to"><xsl:value-of select="concat(@from, '/', @to)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
    </dc:date>
  </xsl:template>

  <!-- A name without its role (§13.2.1 roleName): "Choe Yong-geon", not his office. -->
  <xsl:template name="element-with-name">
    <xsl:param name="element"/>
    <xsl:variable name="name">
      <xsl:apply-templates select="." mode="bare-name"/>
    </xsl:variable>
    <xsl:if test="normalize-space($name)">
      <xsl:element name="{$element}" namespace="http://purl.org/dc/elements/1.1/">
        <xsl:value-of select="normalize-space($name)"/>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:roleName | tei:note | tei:affiliation" mode="bare-name"/>
  <xsl:template match="*" mode="bare-name"><xsl:apply-templates mode="bare-name"/></xsl:template>
  <!-- Name parts (§13.2.1) may follow each other without whitespace in the markup. -->
  <xsl:template match="tei:forename | tei:surname | tei:genName | tei:nameLink | tei:addName"
                mode="bare-name">
    <xsl:apply-templates mode="bare-name"/>
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="text()" mode="bare-name"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>
