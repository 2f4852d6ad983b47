<?xml version="1.0" encoding="UTF-8"?>
<!-- Not an attack: the control for the render command's stylesheet option. It must render, so that the hostile
     stylesheets are known to be refused for what they do, not because the option is broken. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:template match="/">
    <html><body><h1><xsl:value-of select="//tei:title[1]"/></h1></body></html>
  </xsl:template>
</xsl:stylesheet>
