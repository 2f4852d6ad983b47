<?xml version="1.0" encoding="UTF-8"?>
<!-- Attack: an external entity inside the stylesheet itself. Expected: refused. -->
<!DOCTYPE xsl:stylesheet [<!ENTITY secret SYSTEM "@SECRET_URI@">]>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><html><body>&secret;</body></html></xsl:template>
</xsl:stylesheet>
