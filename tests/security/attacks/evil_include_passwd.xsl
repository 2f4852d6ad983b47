<?xml version="1.0" encoding="UTF-8"?>
<!-- Attack: xsl:include of an arbitrary system file. Expected: the include is refused. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="/etc/passwd"/>
  <xsl:template match="/"><html><body>include</body></html></xsl:template>
</xsl:stylesheet>
