<?xml version="1.0" encoding="UTF-8"?>
<!-- Attack: a custom stylesheet reading a local file with document(). Expected: refused at run time. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <html><body><xsl:copy-of select="document('@SECRET_XML_URI@')"/></body></html>
  </xsl:template>
</xsl:stylesheet>
