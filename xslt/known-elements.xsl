<?xml version="1.0" encoding="UTF-8"?>
<!--
  known-elements.xsl (included by common.xsl): the strict check. With strict=1 every element
  of the document is visited in mode "strict-check"; an element that no tei-edition rendering
  knows stops the transformation with its location, so a converter change that emits a new
  element cannot pass the render tests silently.
  Must not: output anything.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- Header and standOff: elements the renderers read by name (html.xsl's header panel,
       the persons index, the respStmt lookups of common.xsl). -->
  <xsl:template mode="strict-check" match="
      tei:TEI | tei:teiHeader | tei:fileDesc | tei:titleStmt | tei:title | tei:respStmt
    | tei:resp | tei:name | tei:publicationStmt | tei:publisher | tei:availability
    | tei:licence | tei:idno | tei:sourceDesc | tei:bibl | tei:orgName | tei:author
    | tei:editor | tei:date | tei:ref | tei:ptr | tei:encodingDesc | tei:editorialDecl
    | tei:correction | tei:normalization | tei:punctuation | tei:quotation | tei:hyphenation
    | tei:segmentation | tei:interpretation | tei:p | tei:classDecl | tei:taxonomy
    | tei:category | tei:catDesc | tei:gloss | tei:tagsDecl | tei:rendition | tei:namespace
    | tei:tagUsage | tei:profileDesc | tei:creation | tei:settingDesc | tei:setting
    | tei:placeName | tei:particDesc | tei:listPerson | tei:head | tei:person | tei:persName
    | tei:roleName | tei:affiliation | tei:textClass | tei:catRef | tei:keywords | tei:term
    | tei:abstract | tei:revisionDesc | tei:change | tei:langUsage | tei:language
    | tei:standOff | tei:listOrg | tei:org | tei:note | tei:pubPlace | tei:distributor
    | tei:authority | tei:appInfo | tei:application | tei:label | tei:desc | tei:event
    | tei:listEvent | tei:listPlace | tei:place | tei:forename | tei:surname | tei:addName
    | tei:sex | tei:occupation | tei:state | tei:editionStmt | tei:edition | tei:notesStmt
    | tei:biblScope | tei:citedRange | tei:msIdentifier | tei:institution | tei:repository
    | tei:collection | tei:country | tei:settlement | tei:msDesc | tei:projectDesc
    | tei:samplingDecl | tei:extent | tei:measure | tei:listBibl | tei:biblStruct
    | tei:funder | tei:principal | tei:sponsor | tei:email | tei:address | tei:addrLine
    | tei:text | tei:front | tei:body | tei:back | tei:div | tei:opener | tei:closer
    | tei:signed | tei:dateline | tei:salute | tei:trailer | tei:ab | tei:list | tei:item
    | tei:sp | tei:speaker | tei:stage | tei:incident | tei:kinesic | tei:vocal | tei:pause
    | tei:supplied | tei:add | tei:gap | tei:unclear | tei:choice | tei:sic | tei:corr
    | tei:reg | tei:orig | tei:expan | tei:abbr | tei:lb | tei:pb | tei:seg | tei:hi
    | tei:foreign | tei:num | tei:rs | tei:time | tei:activity | tei:divGen">
    <xsl:apply-templates select="*" mode="strict-check"/>
  </xsl:template>

  <xsl:template mode="strict-check" match="*">
    <xsl:variable name="where"><xsl:call-template name="element-path"/></xsl:variable>
    <xsl:message terminate="yes">unknown element &lt;<xsl:value-of select="name()"/>&gt; at <xsl:value-of select="$where"/></xsl:message>
  </xsl:template>
</xsl:stylesheet>
