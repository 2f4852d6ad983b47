<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: the shared TEI semantics of every tei-edition rendering (XSLT 1.0).

  Owns: what each TEI element of a record of conversation means (block, turn, inline mark,
  view-dependent alternative, note), who a pointer names (@who, @ref, @resp through
  particDesc, standOff and the respStmts), the bracket conventions of the transcript, note
  numbering, and the choice between the reading and the diplomatic view.
  Must not: write any output syntax. Every output goes through the NAMED HOOK TEMPLATES that
  html.xsl and text.xsl implement (see README.md for the contract); this file never builds
  an HTML element or a line break of its own.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:exsl="http://exslt.org/common"
  exclude-result-prefixes="tei exsl">

  <!-- ===== shared parameters (documented in README.md) ================================= -->
  <!-- reading | diplomatic: which text a view-dependent element shows (TEI P5 §3.5.5 choice). -->
  <xsl:param name="view" select="'reading'"/>
  <!-- Maximum line length of the plain text; 0 keeps every line as long as the source's. -->
  <xsl:param name="width" select="0"/>
  <!-- 1: an element without a template stops the transformation (render.terminated). -->
  <xsl:param name="strict" select="0"/>

  <xsl:include href="known-elements.xsl"/>

  <xsl:variable name="is-diplomatic" select="$view = 'diplomatic'"/>

  <xsl:key name="by-id" match="*[@xml:id]" use="@xml:id"/>

  <!-- Ordinals (the N of turn-N, mention-N, note-N, part-N) from one table built once per run:
       counting preceding nodes for each element would make a long record quadratic. The
       generate-id() keys never reach the output, so the output stays deterministic. -->
  <xsl:variable name="ordinal-rows">
    <xsl:for-each select="/tei:TEI/tei:text//tei:sp"><o k="sp{generate-id()}" n="{position()}"/></xsl:for-each>
    <xsl:for-each select="/tei:TEI/tei:text//tei:persName[@ref] | /tei:TEI/tei:text//tei:rs[@ref]"><o k="mention{generate-id()}" n="{position()}"/></xsl:for-each>
    <xsl:for-each select="/tei:TEI/tei:text//tei:note"><o k="note{generate-id()}" n="{position()}"/></xsl:for-each>
    <xsl:for-each select="/tei:TEI/tei:text//tei:div"><o k="div{generate-id()}" n="{position()}"/></xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ordinal-table" select="exsl:node-set($ordinal-rows)"/>
  <xsl:key name="ordinal" match="o" use="@k"/>
  <xsl:key name="turns-of" match="tei:sp" use="substring-after(@who, '#')"/>
  <xsl:key name="mentions-of" match="tei:text//tei:persName[@ref]" use="substring-after(@ref, '#')"/>

  <!-- ===== containers: their whitespace-only text is indentation, never content ======== -->
  <xsl:template match="tei:text | tei:body | tei:front | tei:back">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="tei:div">
    <xsl:call-template name="hook-block">
      <xsl:with-param name="kind" select="'division'"/>
      <xsl:with-param name="anchor">part-<xsl:call-template name="ordinal"><xsl:with-param name="kind" select="'div'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates select="*"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- opener/closer (TEI P5 §4.2): groups whose children are blocks (docs/encoding.md §3). -->
  <xsl:template match="tei:opener | tei:closer">
    <xsl:call-template name="hook-block">
      <xsl:with-param name="kind" select="'group'"/>
      <xsl:with-param name="subtype" select="local-name()"/>
      <xsl:with-param name="content"><xsl:apply-templates select="*"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- back/divGen[@type="notes"] (TEI P5 §3.9): the place of the source's notes section,
       generated from the notes at their marks; the outputs place it (text: after the
       summary, docs/encoding.md §5; HTML: the footnotes), so nothing is written here. -->
  <xsl:template match="tei:divGen"/>

  <!-- ===== blocks =========================================================================== -->
  <xsl:template match="tei:head">
    <xsl:call-template name="hook-block">
      <xsl:with-param name="kind" select="'head'"/>
      <xsl:with-param name="level" select="count(ancestor::tei:div)"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Line blocks of docs/encoding.md §5; seg and stage only where they stand as blocks. -->
  <xsl:template match="tei:p | tei:ab | tei:signed | tei:dateline | tei:salute | tei:trailer
                     | tei:opener/tei:seg | tei:div/tei:seg | tei:body/tei:seg
                     | tei:div/tei:stage | tei:sp/tei:stage | tei:body/tei:stage">
    <xsl:call-template name="hook-block">
      <xsl:with-param name="kind" select="local-name()"/>
      <xsl:with-param name="subtype" select="string(@type)"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Lists are never numbered by us: "First," etc. are words of the source (ENCODING.md). -->
  <xsl:template match="tei:list">
    <xsl:call-template name="hook-block">
      <xsl:with-param name="kind" select="'list'"/>
      <xsl:with-param name="subtype" select="string(@type)"/>
      <xsl:with-param name="content"><xsl:apply-templates select="*"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:item">
    <xsl:call-template name="hook-block">
      <xsl:with-param name="kind" select="'item'"/>
      <xsl:with-param name="subtype" select="string(../@type)"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A turn (TEI P5 §7.2.2 sp): the label as written, the person it names, the speech. -->
  <xsl:template match="tei:sp">
    <xsl:call-template name="hook-turn">
      <xsl:with-param name="who" select="substring-after(@who, '#')"/>
      <xsl:with-param name="anchor">turn-<xsl:call-template name="ordinal"><xsl:with-param name="kind" select="'sp'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="label"><xsl:apply-templates select="tei:speaker/node()"/></xsl:with-param>
      <xsl:with-param name="separator"><xsl:call-template name="speaker-separator"/></xsl:with-param>
      <xsl:with-param name="own-line" select="contains(concat(' ', @rend, ' '), ' label-line ')"/>
      <xsl:with-param name="content"><xsl:apply-templates select="*[not(self::tei:speaker)]"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== inline marks ===================================================================== -->
  <xsl:template match="tei:persName[@ref] | tei:rs[@ref]">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'person'"/>
      <xsl:with-param name="target" select="substring-after(@ref, '#')"/>
      <xsl:with-param name="title"><xsl:call-template name="person-name"><xsl:with-param name="id" select="substring-after(@ref, '#')"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:date | tei:time | tei:seg | tei:hi | tei:foreign | tei:title | tei:num | tei:roleName | tei:rs">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="local-name()"/>
      <xsl:with-param name="title" select="string(@when)"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- supplied (TEI P5 §11.3.1.7): always visibly marked, in both views: "[it]", "[?]". -->
  <xsl:template match="tei:supplied">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'supplied'"/>
      <xsl:with-param name="title">
        <xsl:choose>
          <xsl:when test="@reason = 'query'">Queried (meaning uncertain)</xsl:when>
          <xsl:otherwise>Supplied (not in the original)</xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="by-resp"/>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="bracketed"><xsl:with-param name="body"><xsl:apply-templates/></xsl:with-param></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- add (TEI P5 §11.3.1.4): the reading view shows the inserted words, the diplomatic view
       the translator's bracket with its label as written ("[Inserted: ...]"). -->
  <xsl:template match="tei:add">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'add'"/>
      <xsl:with-param name="title">Inserted in the original<xsl:call-template name="by-resp"><xsl:with-param name="verb" select="', reported by '"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="hook-alternatives">
          <xsl:with-param name="reading"><xsl:apply-templates/></xsl:with-param>
          <xsl:with-param name="diplomatic">
            <xsl:call-template name="bracketed">
              <xsl:with-param name="label"><xsl:call-template name="bracket-label"/></xsl:with-param>
              <xsl:with-param name="body"><xsl:apply-templates/></xsl:with-param>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- gap (TEI P5 §11.3.3.1): nothing to read, the bracket wording is kept in desc. -->
  <xsl:template match="tei:gap">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'gap'"/>
      <xsl:with-param name="title" select="concat('Omitted: ', @reason)"/>
      <xsl:with-param name="content">
        <xsl:call-template name="bracketed">
          <xsl:with-param name="body">
            <xsl:choose>
              <xsl:when test="tei:desc"><xsl:apply-templates select="tei:desc/node()"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@reason"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:unclear">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'unclear'"/>
      <xsl:with-param name="title" select="'Unclear in the original'"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- stage directions and incidents (TEI P5 §7.2.4): inline; their parentheses are text. -->
  <xsl:template match="tei:stage | tei:incident | tei:kinesic | tei:vocal">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'stage'"/>
      <xsl:with-param name="title" select="'Remark of the record, not speech'"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:desc | tei:label"><xsl:apply-templates/></xsl:template>

  <!-- choice (TEI P5 §3.5.5): reading shows corr/reg/expan, diplomatic sic/orig/abbr. -->
  <xsl:template match="tei:choice">
    <xsl:variable name="source" select="tei:sic | tei:orig | tei:abbr"/>
    <xsl:variable name="edited" select="tei:corr | tei:reg | tei:expan"/>
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'correction'"/>
      <xsl:with-param name="title">
        <xsl:text>The source reads “</xsl:text><xsl:value-of select="$source"/>
        <xsl:text>”; corrected to “</xsl:text><xsl:value-of select="$edited"/><xsl:text>”</xsl:text>
        <xsl:for-each select="$edited[1]"><xsl:call-template name="by-resp"/></xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="hook-alternatives">
          <xsl:with-param name="reading"><xsl:apply-templates select="$edited/node()"/></xsl:with-param>
          <xsl:with-param name="diplomatic"><xsl:apply-templates select="$source/node()"/></xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- sic alone: an error the source itself flagged; the "[sic]" that followed it is restored. -->
  <xsl:template match="tei:sic">
    <xsl:apply-templates/>
    <xsl:if test="contains(concat(' ', @rend, ' '), ' marked ')">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'sic'"/>
      <xsl:with-param name="title" select="'Thus in the original'"/>
      <xsl:with-param name="content"> [sic]</xsl:with-param>
    </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:corr | tei:reg | tei:expan | tei:orig | tei:abbr">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:pause">
    <xsl:call-template name="hook-inline">
      <xsl:with-param name="kind" select="'stage'"/>
      <xsl:with-param name="title" select="'Pause'"/>
      <xsl:with-param name="content">[pause]</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lb"><xsl:call-template name="hook-line-break"/></xsl:template>

  <xsl:template match="tei:pb">
    <xsl:call-template name="hook-page-break">
      <xsl:with-param name="n" select="string(@n)"/>
      <!-- Standing between blocks (not inside a paragraph) it is a line block of its own. -->
      <xsl:with-param name="is-block" select="boolean(parent::tei:sp | parent::tei:div | parent::tei:body | parent::tei:opener | parent::tei:closer | parent::tei:back | parent::tei:list)"/>
      <xsl:with-param name="content">
        <xsl:variable name="word"><xsl:call-template name="rend-label"/></xsl:variable>
        <xsl:call-template name="bracketed">
          <xsl:with-param name="label" select="concat($word, substring('Page', 1, 4 * not(string($word))), ' ')"/>
          <xsl:with-param name="body" select="string(@n)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- notes (TEI P5 §3.9): numbered 1, 2, ... in document order within the text. The
       diplomatic form is the source's: a foot note's mark in its style, any other note
       in its square brackets (its label, e.g. "Translator's note:", is a child). -->
  <xsl:template match="tei:note">
    <xsl:variable name="number"><xsl:call-template name="note-number"/></xsl:variable>
    <xsl:call-template name="hook-note">
      <xsl:with-param name="number" select="$number"/>
      <xsl:with-param name="anchor" select="concat('note-', $number)"/>
      <xsl:with-param name="title"><xsl:call-template name="note-kind"/><xsl:call-template name="by-resp"/></xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
      <xsl:with-param name="diplomatic">
        <xsl:choose>
          <xsl:when test="@place = 'foot'"><xsl:call-template name="foot-mark"/></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="bracketed"><xsl:with-param name="body"><xsl:apply-templates/></xsl:with-param></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== anything else: strict mode stops, otherwise the words are kept =============== -->
  <xsl:template match="*">
    <xsl:variable name="where"><xsl:call-template name="element-path"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($strict) = '1'">
        <xsl:message terminate="yes">unknown element &lt;<xsl:value-of select="name()"/>&gt; at <xsl:value-of select="$where"/></xsl:message>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message>element &lt;<xsl:value-of select="name()"/>&gt; has no template; its text is rendered plainly at <xsl:value-of select="$where"/></xsl:message>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== shared helpers =================================================================== -->

  <!-- "[" label body "]": the one place the transcript's square brackets are rebuilt. -->
  <xsl:template name="bracketed">
    <xsl:param name="label" select="''"/>
    <xsl:param name="body"/>
    <xsl:text>[</xsl:text><xsl:value-of select="$label"/><xsl:copy-of select="$body"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- WORD of the rend token "label-WORD": the bracket's own label as written ("Inserted"). -->
  <xsl:template name="rend-label">
    <xsl:value-of select="substring-before(concat(substring-after(concat(' ', normalize-space(@rend)), ' label-'), ' '), ' ')"/>
  </xsl:template>

  <!-- "[inserted: " for add: the label word as written, "inserted" when none was kept. -->
  <xsl:template name="bracket-label">
    <xsl:variable name="word"><xsl:call-template name="rend-label"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($word)"><xsl:value-of select="concat($word, ': ')"/></xsl:when>
      <xsl:otherwise>inserted: </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What stood between a speaker label and the speech: the sep-* token of sp/@rend
       (docs/encoding.md §4); around a dash, "unspaced" drops both spaces, "tight-left" the
       one before it, "tight-right" the one after it; "spaced" is the space before a colon
       of French typography ("M. Couve de Murville : "). "sep-space" is whitespace alone
       ("Q    Thanks"), as wide as "spaces-N" says (one space without it). -->
  <xsl:template name="speaker-separator">
    <xsl:variable name="tokens" select="concat(' ', normalize-space(@rend), ' ')"/>
    <xsl:variable name="width" select="substring-before(substring-after($tokens, ' spaces-'), ' ')"/>
    <xsl:variable name="mark">
      <xsl:choose>
        <xsl:when test="contains($tokens, ' sep-hyphen ')">-</xsl:when>
        <xsl:when test="contains($tokens, ' sep-en-dash ')">&#8211;</xsl:when>
        <xsl:when test="contains($tokens, ' sep-em-dash ')">&#8212;</xsl:when>
        <xsl:when test="contains($tokens, ' sep-double-hyphen ')">--</xsl:when>
        <xsl:when test="contains($tokens, ' sep-colon ')">:</xsl:when>
        <!-- U+FF1A, typed with a Chinese or Japanese input method; mostly "unspaced". -->
        <xsl:when test="contains($tokens, ' sep-fullwidth-colon ')">&#65306;</xsl:when>
        <xsl:when test="contains($tokens, ' sep-period ')">.</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($tokens, ' sep-space ')">
        <xsl:choose>
          <xsl:when test="number($width) &gt; 1">
            <xsl:call-template name="spaces"><xsl:with-param name="count" select="number($width)"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="not(string($mark))"/>
      <xsl:when test="contains($tokens, ' unspaced ') or $mark = ':' or $mark = '.' or $mark = '&#65306;'">
        <xsl:if test="contains($tokens, ' spaced ')"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$mark"/>
        <xsl:if test="not(contains($tokens, ' unspaced ') or contains($tokens, ' label-line '))"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="not(contains($tokens, ' tight-left '))"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$mark"/>
        <!-- A label on its own line keeps the space before a dash, not the one after it. -->
        <xsl:if test="not(contains($tokens, ' tight-right ') or contains($tokens, ' label-line '))"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $count spaces (a whitespace separator's width), without recursion depth per space
       beyond the count: such widths are a handful of spaces. -->
  <xsl:template name="spaces">
    <xsl:param name="count" select="1"/>
    <xsl:if test="$count &gt;= 1">
      <xsl:text> </xsl:text>
      <xsl:call-template name="spaces"><xsl:with-param name="count" select="$count - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A foot note's mark as the source printed it: [n], /n/ or a glued n. -->
  <xsl:template name="foot-mark">
    <xsl:variable name="tokens" select="concat(' ', normalize-space(@rend), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($tokens, ' mark-slash ')"><xsl:value-of select="concat('/', @n, '/')"/></xsl:when>
      <xsl:when test="contains($tokens, ' mark-glued ')"><xsl:value-of select="@n"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('[', @n, ']')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-kind">
    <xsl:choose>
      <xsl:when test="@type = 'translation'">Translator's note</xsl:when>
      <xsl:when test="@type = 'editorial'">Editorial note</xsl:when>
      <xsl:otherwise>Note</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- True when the context block carries rend="no-blank-before" (docs/encoding.md §5). -->
  <xsl:template name="has-blank-before">
    <xsl:if test="not(contains(concat(' ', normalize-space(@rend), ' '), ' no-blank-before '))">1</xsl:if>
  </xsl:template>

  <xsl:template name="note-number">
    <xsl:call-template name="ordinal"><xsl:with-param name="kind" select="'note'"/></xsl:call-template>
  </xsl:template>

  <!-- The 1-based position of the context element among the text's elements of its kind
       ('sp', 'mention', 'note', 'div'); empty for an element outside the text. -->
  <xsl:template name="ordinal">
    <xsl:param name="kind"/>
    <xsl:variable name="key" select="concat($kind, generate-id())"/>
    <xsl:for-each select="$ordinal-table"><xsl:value-of select="key('ordinal', $key)/@n"/></xsl:for-each>
  </xsl:template>

  <!-- The display name of a declared person, place or responsible agent by its id. -->
  <xsl:template name="person-name">
    <xsl:param name="id"/>
    <xsl:variable name="target" select="key('by-id', $id)[1]"/>
    <xsl:choose>
      <xsl:when test="$target/tei:persName"><xsl:value-of select="normalize-space($target/tei:persName[1])"/></xsl:when>
      <xsl:when test="$target/tei:orgName"><xsl:value-of select="normalize-space($target/tei:orgName[1])"/></xsl:when>
      <xsl:when test="$target/tei:name"><xsl:value-of select="normalize-space($target/tei:name[1])"/></xsl:when>
      <xsl:when test="$target/tei:resp"><xsl:value-of select="normalize-space($target/tei:resp[1])"/></xsl:when>
      <xsl:when test="$target"><xsl:value-of select="normalize-space($target)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- " by NAME" for the context element's @resp (first pointer), empty without @resp. -->
  <xsl:template name="by-resp">
    <xsl:param name="verb" select="' by '"/>
    <xsl:if test="@resp">
      <xsl:variable name="first" select="substring-before(concat(normalize-space(@resp), ' '), ' ')"/>
      <xsl:value-of select="$verb"/>
      <xsl:call-template name="person-name"><xsl:with-param name="id" select="substring-after($first, '#')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- /TEI[1]/text[1]/... so that a message can be traced back to a source line. -->
  <xsl:template name="element-path">
    <xsl:for-each select="ancestor-or-self::*">
      <xsl:text>/</xsl:text>
      <xsl:choose>
        <xsl:when test="namespace-uri() = 'http://www.tei-c.org/ns/1.0'">tei:</xsl:when>
        <xsl:when test="namespace-uri() != ''">*[local-name()='<xsl:value-of select="local-name()"/>']</xsl:when>
      </xsl:choose>
      <xsl:if test="namespace-uri() = '' or namespace-uri() = 'http://www.tei-c.org/ns/1.0'"><xsl:value-of select="local-name()"/></xsl:if>
      <xsl:text>[</xsl:text>
      <xsl:value-of select="count(preceding-sibling::*[name() = name(current())]) + 1"/>
      <xsl:text>]</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
