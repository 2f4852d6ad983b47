<?xml version="1.0" encoding="UTF-8"?>
<!-- Attack: document() fetching from a server. Expected: refused, no request. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <html><body><xsl:copy-of select="document('@SERVER@/doc.xml')"/></body></html>
  </xsl:template>
</xsl:stylesheet>
