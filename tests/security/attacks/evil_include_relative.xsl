<?xml version="1.0" encoding="UTF-8"?>
<!-- Attack: xsl:include climbing out of the custom stylesheet's folder. Expected: refused. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="../../secret.xsl"/>
</xsl:stylesheet>
