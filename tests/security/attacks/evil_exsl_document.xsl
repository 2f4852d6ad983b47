<?xml version="1.0" encoding="UTF-8"?>
<!-- Attack: exsl:document writing a file of the stylesheet's choosing. Expected: refused,
     the file is never created. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/">
    <exsl:document href="@PWNED_PATH@" method="text">pwned</exsl:document>
    <html><body>written?</body></html>
  </xsl:template>
</xsl:stylesheet>
